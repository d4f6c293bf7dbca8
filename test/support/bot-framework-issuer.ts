import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { HttpStandIn } from './http-stand-in.js';

/** The issuer Bot Framework puts in every token it sends to a bot (botframework-connector's ToBotFromChannelTokenIssuer). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

const OPENID_PATH = '/v1/.well-known/openidconfiguration';
const KEYS_PATH = '/v1/.well-known/keys';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface TokenClaims {
  /** The bot's app id (the `aud` claim). */
  readonly audience: string;
  /** Must equal the activity's serviceUrl. */
  readonly serviceUrl: string;
  readonly issuer?: string;
  /** Seconds since the epoch; defaults to an hour after `issuedAt`. */
  readonly expiresAt?: number;
  /** Seconds since the epoch; defaults to now. */
  readonly issuedAt?: number;
  /** Which key signs: the published one, the published one endorsed only for another channel, or a key nobody published. */
  readonly signedBy?: 'published' | 'otherChannelKey' | 'unpublished';
  /** The `kid` header; defaults to the signing key's own id (an unpublished key borrows the published key's id). */
  readonly kid?: string;
}

/**
 * Stands in for Bot Framework's token service: serves the channel OpenID configuration and a JWKS the way
 * login.botframework.com does (RSA keys with `endorsements` naming the channels each key may sign for),
 * and signs tokens like the ones Teams sends with each activity. Point BOT_OPENID_METADATA_URL at `metadataUrl`.
 */
export class BotFrameworkIssuer {
  readonly http = new HttpStandIn((request) => {
    if (request.method !== 'GET') return undefined;
    if (request.path === OPENID_PATH) return { status: 200, body: this.openIdConfiguration() };
    if (request.path === KEYS_PATH) return { status: 200, body: { keys: this.publishedKeys() } };
    return undefined;
  });

  private constructor(
    private readonly msteamsKey: SigningKey,
    private readonly otherChannelKey: SigningKey,
    private readonly unpublishedKey: SigningKey,
    /** The channels the published signing key is endorsed for. */
    readonly endorsements: readonly string[],
  ) {}

  static async start(endorsements: readonly string[] = ['msteams']): Promise<BotFrameworkIssuer> {
    const issuer = new BotFrameworkIssuer(await signingKey(), await signingKey(), await signingKey(), endorsements);
    await issuer.http.start();
    return issuer;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  get metadataUrl(): string {
    return `${this.http.url}${OPENID_PATH}`;
  }

  /** A compact JWS, signed as the claims say (everything defaults to a token Bot Framework would accept). */
  async token(claims: TokenClaims): Promise<string> {
    const key =
      claims.signedBy === 'unpublished' ? this.unpublishedKey : claims.signedBy === 'otherChannelKey' ? this.otherChannelKey : this.msteamsKey;
    const kid = claims.kid ?? (claims.signedBy === 'unpublished' ? this.msteamsKey.kid : key.kid);
    const issuedAt = claims.issuedAt ?? Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: claims.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(claims.issuer ?? BOT_FRAMEWORK_ISSUER)
      .setAudience(claims.audience)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(claims.expiresAt ?? issuedAt + 3600)
      .sign(key.privateKey);
  }

  /** `Authorization` header value for `token(claims)`. */
  async bearer(claims: TokenClaims): Promise<string> {
    return `Bearer ${await this.token(claims)}`;
  }

  private openIdConfiguration() {
    return {
      issuer: BOT_FRAMEWORK_ISSUER,
      authorization_endpoint: `${this.http.url}/v1/.well-known/authorize`,
      jwks_uri: `${this.http.url}${KEYS_PATH}`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    };
  }

  private publishedKeys() {
    return [
      { ...this.msteamsKey.publicJwk, kid: this.msteamsKey.kid, use: 'sig', endorsements: [...this.endorsements] },
      { ...this.otherChannelKey.publicJwk, kid: this.otherChannelKey.kid, use: 'sig', endorsements: ['webchat', 'directline'] },
    ];
  }
}

async function signingKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const { kty, n, e } = await exportJWK(publicKey);
  return { kid: randomUUID(), privateKey, publicJwk: { kty, n, e } };
}

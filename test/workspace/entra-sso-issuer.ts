import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { HttpStandIn } from '../support/http-stand-in.js';

export const WORKSPACE_CLIENT_ID = '9d2f1c4e-7b3a-4f1e-8c55-0a1b2c3d4e5f';
export const WORKSPACE_APP_ID_URI = `api://localhost/${WORKSPACE_CLIENT_ID}`;

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface SsoClaims {
  readonly oid: string;
  readonly name?: string;
  readonly tenant?: string;
  /** The `tid` claim when it should differ from the tenant in the issuer. */
  readonly tid?: string;
  readonly audience?: string;
  readonly scope?: string;
  readonly expiresIn?: number;
  readonly signedBy?: 'published' | 'unpublished';
}

/**
 * Stands in for Microsoft Entra's v2.0 OpenID metadata and key set for one tenant, and signs Teams SSO tokens the way
 * Entra issues them for `authentication.getAuthToken()` (RS256, `kid`, iss/aud/tid/oid/scp). Point
 * WORKSPACE_OPENID_METADATA_URL at `metadataUrl`.
 */
export class EntraSsoIssuer {
  readonly http = new HttpStandIn((request) => {
    if (request.path === `/${this.tenant}/v2.0/.well-known/openid-configuration`) {
      return { status: 200, body: { issuer: this.issuer(this.tenant), jwks_uri: `${this.http.url}/${this.tenant}/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] } };
    }
    if (request.path === `/${this.tenant}/discovery/v2.0/keys`) return { status: 200, body: { keys: [{ ...this.published.publicJwk, kid: this.published.kid, use: 'sig', alg: 'RS256' }] } };
    return undefined;
  });

  private constructor(
    readonly tenant: string,
    private readonly published: SigningKey,
    private readonly unpublished: SigningKey,
  ) {}

  static async start(tenant: string): Promise<EntraSsoIssuer> {
    const issuer = new EntraSsoIssuer(tenant, await signingKey(), await signingKey());
    await issuer.http.start();
    return issuer;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  get metadataUrl(): string {
    return `${this.http.url}/${this.tenant}/v2.0/.well-known/openid-configuration`;
  }

  issuer(tenant: string): string {
    return `https://login.microsoftonline.com/${tenant}/v2.0`;
  }

  async token(claims: SsoClaims): Promise<string> {
    const key = claims.signedBy === 'unpublished' ? this.unpublished : this.published;
    const tenant = claims.tenant ?? this.tenant;
    const issuedAt = Math.floor(Date.now() / 1000) + Math.min(0, (claims.expiresIn ?? 3600) - 3600);
    return new SignJWT({ oid: claims.oid, tid: claims.tid ?? tenant, scp: claims.scope ?? 'access_as_user', name: claims.name ?? 'Test person', ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: this.published.kid, typ: 'JWT' })
      .setIssuer(this.issuer(tenant))
      .setAudience(claims.audience ?? WORKSPACE_CLIENT_ID)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(Math.floor(Date.now() / 1000) + (claims.expiresIn ?? 3600))
      .sign(key.privateKey);
  }

  /** The bot's settings for single sign-on against this issuer. */
  env(): Record<string, string> {
    return { WORKSPACE_CLIENT_ID, WORKSPACE_APP_ID_URI, WORKSPACE_OPENID_METADATA_URL: this.metadataUrl, TEAMS_TENANT_ID: this.tenant };
  }
}

async function signingKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const { kty, n, e } = await exportJWK(publicKey);
  return { kid: randomUUID(), privateKey, publicJwk: { kty, n, e } };
}

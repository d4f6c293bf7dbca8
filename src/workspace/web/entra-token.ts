import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { PersonRef } from '../../platform/kernel/person.js';

/** Why a workspace token was refused: for the log line only, never the response. */
export type WorkspaceTokenRefusal = 'no_token' | 'malformed' | 'expired' | 'wrong_audience' | 'wrong_issuer' | 'wrong_tenant' | 'bad_signature' | 'no_scope' | 'no_person' | 'keys_unavailable';

export type WorkspaceTokenCheck = { readonly ok: true; readonly person: PersonRef } | { readonly ok: false; readonly reason: WorkspaceTokenRefusal };

export interface EntraTokenRules {
  readonly tenantId: string;
  /** The workspace app's client id and its Application ID URI: a token for either is accepted. */
  readonly audiences: readonly string[];
  /** The tenant's OpenID metadata (v2.0); its `jwks_uri` gives the signing keys. */
  readonly metadataUrl: string;
}

export const ACCESS_AS_USER = 'access_as_user';
/** Entra signs access tokens with RS256; two minutes of skew as Microsoft.Identity.Web allows. */
const ALGORITHMS = ['RS256'];
const CLOCK_TOLERANCE_SECONDS = 120;

export function entraMetadataUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`;
}

/**
 * Checks a Teams SSO token (`authentication.getAuthToken()`) as Entra issues it: signed by one of the tenant's published
 * keys, issuer `https://login.microsoftonline.com/{tenant}/v2.0`, audience this app, the configured tenant, the
 * `access_as_user` scope, within its lifetime. The person is the token's `oid`.
 */
export class EntraTokenVerifier {
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(
    private readonly rules: EntraTokenRules,
    private readonly fetchJson: (url: string) => Promise<unknown> = defaultFetchJson,
  ) {}

  async check(authorization: string | undefined): Promise<WorkspaceTokenCheck> {
    const match = /^Bearer\s+(\S+)$/.exec((authorization ?? '').trim());
    if (!match) return refused('no_token');
    const keys = await this.signingKeys().catch(() => undefined);
    if (!keys) return refused('keys_unavailable');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(match[1]!, keys, {
        issuer: `https://login.microsoftonline.com/${this.rules.tenantId}/v2.0`,
        audience: [...this.rules.audiences],
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (error) {
      return refused(refusalOf(error));
    }
    if (claims['tid'] !== this.rules.tenantId) return refused('wrong_tenant');
    const scopes = typeof claims['scp'] === 'string' ? claims['scp'].split(' ') : [];
    if (!scopes.includes(ACCESS_AS_USER)) return refused('no_scope');
    const oid = claims['oid'];
    if (typeof oid !== 'string' || oid === '') return refused('no_person');
    const name = typeof claims['name'] === 'string' && claims['name'] ? claims['name'] : 'Someone';
    return { ok: true, person: { id: oid.toLowerCase(), name } };
  }

  private signingKeys(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.fetchJson(this.rules.metadataUrl).then((metadata) => {
      const uri = (metadata as { jwks_uri?: unknown } | undefined)?.jwks_uri;
      if (typeof uri !== 'string') throw new Error('no jwks_uri in the OpenID metadata');
      return createRemoteJWKSet(new URL(uri));
    });
    // A failed look-up is tried again on the next request rather than remembered.
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }
}

function refusalOf(error: unknown): WorkspaceTokenRefusal {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'wrong_audience';
    if (error.claim === 'iss') return 'wrong_issuer';
    return 'malformed';
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'keys_unavailable';
  if (error instanceof errors.JOSEError) return 'malformed';
  return 'bad_signature';
}

async function defaultFetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`metadata answered ${response.status}`);
  return response.json();
}

function refused(reason: WorkspaceTokenRefusal): WorkspaceTokenCheck {
  return { ok: false, reason };
}

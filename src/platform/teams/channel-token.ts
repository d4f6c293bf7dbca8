import { decodeJwt, decodeProtectedHeader, errors, importJWK, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { ChannelSigningKey, ChannelSigningKeys } from './channel-signing-keys.js';

/** Why a request's token was not accepted: the `reason` of the log line an operator sees. */
export type TokenRefusal =
  | 'no_token'
  | 'not_bearer'
  | 'malformed'
  | 'unsupported_algorithm'
  | 'wrong_issuer'
  | 'keys_unavailable'
  | 'unknown_key'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_audience'
  | 'not_endorsed'
  | 'wrong_service_url';

export type TokenCheck = { readonly ok: true; readonly claims: JWTPayload } | { readonly ok: false; readonly reason: TokenRefusal };

export interface ChannelTokenRules {
  /** The channel's issuer (`https://api.botframework.com`): the only one accepted. */
  readonly issuer: string;
  /** The bot's app id. */
  readonly audience: string;
  readonly keys: ChannelSigningKeys;
}

/** What the activity says about itself that the token must vouch for. */
export interface ActivityClaims {
  readonly channelId?: unknown;
  readonly serviceUrl?: unknown;
}

/** Bot Framework's own rules (botframework-connector's AllowedSigningAlgorithms and its five minutes of clock skew). */
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];
const CLOCK_TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks a request's `Authorization` header the way Bot Framework's channel validation does (issuer, signature by a
 * published key endorsed for the activity's channel, audience, expiry, service URL), cheapest checks first: a token
 * from any other issuer is refused before a signing key is looked up, so no request makes the bot fetch anything else.
 */
export async function checkChannelToken(authorization: string, activity: ActivityClaims, rules: ChannelTokenRules): Promise<TokenCheck> {
  const parts = authorization.trim().split(/\s+/);
  if (parts[0] === '') return refused('no_token');
  const [scheme, token] = parts;
  if (scheme !== 'Bearer' || token === undefined || parts.length !== 2) return refused('not_bearer');
  const unverified = readUnverified(token);
  if (!unverified) return refused('malformed');
  if (!ALGORITHMS.includes(unverified.header.alg ?? '')) return refused('unsupported_algorithm');
  if (unverified.claims.iss !== rules.issuer) return refused('wrong_issuer');

  const lookup = await rules.keys.find(unverified.header.kid);
  if ('missing' in lookup) return refused(lookup.missing);
  const verified = await verify(token, lookup.key, unverified.header.alg!, rules);
  if (!verified.ok) return verified;
  if (!endorses(lookup.key, activity.channelId)) return refused('not_endorsed');
  if (verified.claims['serviceurl'] !== activity.serviceUrl) return refused('wrong_service_url');
  return verified;
}

function readUnverified(token: string): { header: ProtectedHeaderParameters; claims: JWTPayload } | undefined {
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    return undefined;
  }
}

async function verify(token: string, key: ChannelSigningKey, algorithm: string, rules: ChannelTokenRules): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, await importJWK(key.jwk, algorithm), {
      issuer: rules.issuer,
      audience: rules.audience,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    return { ok: true, claims: payload };
  } catch (error) {
    return refused(verificationRefusal(error));
  }
}

function verificationRefusal(error: unknown): TokenRefusal {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'wrong_audience';
    if (error.claim === 'iss') return 'wrong_issuer';
    if (error.claim === 'nbf') return 'not_yet_valid';
    return 'malformed';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'unsupported_algorithm';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'malformed';
  return 'bad_signature';
}

/** Stricter than botbuilder, which lets a key with no endorsements sign for any channel: every key must name the channel. */
function endorses(key: ChannelSigningKey, channelId: unknown): boolean {
  return typeof channelId === 'string' && channelId !== '' && key.endorsements.includes(channelId);
}

function refused(reason: TokenRefusal): TokenCheck {
  return { ok: false, reason };
}

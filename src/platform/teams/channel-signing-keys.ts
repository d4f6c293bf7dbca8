import type { Logger } from '../../log.js';

/** A public key Bot Framework publishes, with the channels (`msteams`, `webchat`, …) it may sign tokens for. */
export interface ChannelSigningKey {
  readonly jwk: { readonly kty: 'RSA'; readonly n: string; readonly e: string };
  readonly endorsements: readonly string[];
}

export type KeyLookup = { readonly key: ChannelSigningKey } | { readonly missing: 'unknown_key' | 'keys_unavailable' };

/** botbuilder's own policy: keys are re-read daily, and at most hourly when a token names a key not seen yet. */
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
const UNKNOWN_KEY_REFRESH_AFTER_MS = 60 * 60 * 1000;
/** While the metadata cannot be fetched, at most one attempt a second, however many requests arrive. */
const RETRY_AFTER_FAILURE_MS = 1000;
const FETCH_TIMEOUT_MS = 5000;

/**
 * The channel's signing keys, read from its OpenID metadata (BOT_OPENID_METADATA_URL). One fetch at a time; keys fetched
 * earlier stay in use when a refresh fails. An outage is logged once at error level when it starts and once at info
 * level when it ends, not once per refused request.
 */
export class ChannelSigningKeys {
  private keys: ReadonlyMap<string, ChannelSigningKey> | undefined;
  private loadedAt = -Infinity;
  private failedAt = -Infinity;
  private loading: Promise<void> | undefined;
  private inOutage = false;

  constructor(
    private readonly metadataUrl: string,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  async find(kid: string | undefined): Promise<KeyLookup> {
    const age = this.clock() - this.loadedAt;
    const unseen = kid !== undefined && !this.keys?.has(kid);
    if (age > REFRESH_AFTER_MS || (unseen && age > UNKNOWN_KEY_REFRESH_AFTER_MS)) await this.refresh();
    if (!this.keys) return { missing: 'keys_unavailable' };
    const key = kid === undefined ? undefined : this.keys.get(kid);
    return key ? { key } : { missing: 'unknown_key' };
  }

  private refresh(): Promise<void> {
    if (this.clock() - this.failedAt < RETRY_AFTER_FAILURE_MS) return Promise.resolve();
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    try {
      this.keys = await fetchSigningKeys(this.metadataUrl);
      this.loadedAt = this.clock();
      if (this.inOutage) this.log.info({ url: this.metadataUrl }, 'Bot Framework signing keys fetched again; tokens are checked as usual');
      this.inOutage = false;
    } catch (error) {
      this.failedAt = this.clock();
      if (!this.inOutage) {
        this.log.error(
          { reason: 'keys_unavailable', cause: causeOf(error), url: this.metadataUrl },
          'could not fetch the Bot Framework signing keys: requests signed with a key not fetched before are refused (401) until they can be',
        );
      }
      this.inOutage = true;
    }
  }
}

class MetadataRefused extends Error {}

async function fetchSigningKeys(metadataUrl: string): Promise<ReadonlyMap<string, ChannelSigningKey>> {
  const metadata = await getJson(metadataUrl);
  const jwksUri = field(metadata, 'jwks_uri');
  if (typeof jwksUri !== 'string') throw new MetadataRefused('no jwks_uri in the metadata');
  const keys = field(await getJson(jwksUri), 'keys');
  if (!Array.isArray(keys)) throw new MetadataRefused('no keys in the key set');
  return new Map(keys.flatMap((key: unknown) => signingKey(key)));
}

/** Only RSA keys with an id count (botbuilder ignores the rest too). */
function signingKey(value: unknown): Array<[string, ChannelSigningKey]> {
  const [kid, n, e, endorsements] = ['kid', 'n', 'e', 'endorsements'].map((name) => field(value, name));
  if (typeof kid !== 'string' || typeof n !== 'string' || typeof e !== 'string') return [];
  const channels = Array.isArray(endorsements) ? endorsements.filter((c): c is string => typeof c === 'string') : [];
  return [[kid, { jwk: { kty: 'RSA', n, e }, endorsements: channels }]];
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new MetadataRefused(`HTTP ${response.status}`);
  return response.json();
}

function field(value: unknown, name: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

/** A short cause an operator can act on: `HTTP 503`, `ECONNREFUSED`, `timeout`, `not JSON`. */
function causeOf(error: unknown): string {
  if (error instanceof MetadataRefused) return error.message;
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  if (error instanceof SyntaxError) return 'not JSON';
  const code = field(field(error, 'cause'), 'code');
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}

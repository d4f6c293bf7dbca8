import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BotFrameworkIssuer, type TokenClaims } from '../../support/bot-framework-issuer.js';
import { ALEX } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';

const BOT_ID = '0b7f4c2e-5d3a-4e6b-9c1d-2f8a7e6b5c4d';
const OTHER_BOT_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

/** A message whose replies come back in the HTTP response, so the bot needs no outbound token to answer. */
const expectingReplies = (text: string) => ({ ...message(ALEX, text), deliveryMode: 'expectReplies' });

type Reply = { status: number; body: unknown; text: string };

/** POSTs an activity to the bot as Teams would; the body is kept as text too, since a refusal is plain text. */
async function post(t: TestBot, activity: Record<string, unknown>, authorization?: string): Promise<Reply> {
  const response = await fetch(`http://127.0.0.1:${t.bot.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify({ serviceUrl: t.connector.url, ...activity }),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, body, text };
}
const repliedText = (response: Reply): string => {
  const activities = (response.body as { activities?: unknown[] } | undefined)?.activities ?? [];
  return textOf(activities);
};

describe('with BOT_ID set, every request carries a Bot Framework token that is validated', () => {
  let issuer: BotFrameworkIssuer;
  let t: TestBot;
  let valid: () => TokenClaims;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    // botbuilder writes every refused token to console.error (and the key it tried); expected here, so kept quiet.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    issuer = await BotFrameworkIssuer.start(['msteams']);
    t = await startTestBot({ BOT_ID, BOT_PASSWORD: 'test-secret', BOT_OPENID_METADATA_URL: issuer.metadataUrl });
    valid = () => ({ audience: BOT_ID, serviceUrl: t.connector.url });
  });
  afterAll(async () => {
    await t?.stop();
    await issuer?.stop();
    vi.restoreAllMocks();
  });

  const sendWith = async (authorization: string | undefined, activity: Record<string, unknown> = expectingReplies('help')) =>
    post(t, activity, authorization);

  it('accepts a valid token and answers with the bot reply', async () => {
    const response = await sendWith(await issuer.bearer(valid()));
    expect(response.status, response.text).toBe(200);
    expect(repliedText(response)).toContain('sign up');
    // The keys came from BOT_OPENID_METADATA_URL, and the answer needed no call to the connector (nor a token for one).
    expect(issuer.http.requests.map((request) => request.path)).toEqual(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']);
    expect(t.connector.http.requests).toHaveLength(0);
  });

  it('accepts a valid token on a card action and answers with the card', async () => {
    const response = await sendWith(await issuer.bearer(valid()), action(ALEX, 'launchMissiles', {}));
    expect(textOf(invokeCard(response))).toContain('older card');
  });

  // Each refusal names botbuilder's reason, so a case cannot pass by tripping over a different check.
  const rejected: Array<[string, () => Promise<string | undefined>, RegExp]> = [
    ['no Authorization header', async () => undefined, /Request is not authorized/],
    ['an empty Authorization header', async () => '', /Request is not authorized/],
    ['a malformed token', async () => 'Bearer garbage', /No valid identity/],
    ['a token in another scheme', async () => `Basic ${await issuer.token(valid())}`, /No valid identity/],
    ['an expired token', async () => issuer.bearer({ ...valid(), issuedAt: now() - 7200, expiresAt: now() - 600 }), /token has expired/],
    ['a token for another bot', async () => issuer.bearer({ ...valid(), audience: OTHER_BOT_ID }), /Invalid AppId passed on token/],
    ['a token from another issuer', async () => issuer.bearer({ ...valid(), issuer: 'https://sts.windows.net/attacker/' }), /No valid identity/],
    ['a token signed by a key Bot Framework never published', async () => issuer.bearer({ ...valid(), signedBy: 'unpublished' }), /invalid signature/],
    ['a token naming a key id that is not published', async () => issuer.bearer({ ...valid(), kid: 'no-such-key' }), /Signing Key could not be retrieved/],
    ['a token signed by a key not endorsed for msteams', async () => issuer.bearer({ ...valid(), signedBy: 'otherChannelKey' }), /Could not validate endorsement/],
    ['a token for another service URL', async () => issuer.bearer({ ...valid(), serviceUrl: 'https://smba.example.net/teams/' }), /ServiceUrl claim do not match/],
    ['an unsigned token (alg none)', async () => `Bearer ${unsigned(await issuer.token(valid()))}`, /jwt signature is required/],
  ];

  it.each(rejected)('refuses %s with 401 and does nothing', async (_name, authorization, reason) => {
    const before = t.connector.http.requests.length;
    const response = await sendWith(await authorization());
    expect(response.status, response.text).toBe(401);
    expect(response.text).toMatch(reason);
    expect(response.text).not.toContain('sign up');
    expect(t.connector.http.requests.length).toBe(before);
  });

  it('refuses a card action without a valid token', async () => {
    const response = await sendWith(await issuer.bearer({ ...valid(), signedBy: 'unpublished' }), action(ALEX, 'launchMissiles', {}));
    expect(response.status, response.text).toBe(401);
    expect(response.text).toMatch(/invalid signature/);
  });

  it('allows the five minutes of clock skew Bot Framework allows, and no more', async () => {
    const justExpired = await sendWith(await issuer.bearer({ ...valid(), issuedAt: now() - 3600, expiresAt: now() - 120 }));
    expect(justExpired.status).toBe(200);
    const longExpired = await sendWith(await issuer.bearer({ ...valid(), issuedAt: now() - 3600, expiresAt: now() - 360 }));
    expect(longExpired.status).toBe(401);
  });
});

describe('with no BOT_ID (local mode and the Agents Playground)', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(() => t?.stop());

  it('accepts a request without a token', async () => {
    const response = await post(t, expectingReplies('help'));
    expect(response.status).toBe(200);
    expect(repliedText(response)).toContain('sign up');
  });

  it('reports authentication off', () => {
    expect(t.bot.config.mode.auth).toBe('off');
  });
});

/** The same claims with the signature stripped and the algorithm set to none. */
function unsigned(token: string): string {
  const [header, payload] = token.split('.');
  const decoded = JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${Buffer.from(JSON.stringify({ ...decoded, alg: 'none' })).toString('base64url')}.${payload}.`;
}

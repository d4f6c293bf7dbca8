import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BotFrameworkIssuer, type TokenClaims } from '../../support/bot-framework-issuer.js';
import { eventually } from '../../support/eventually.js';
import { ALEX } from '../../support/people.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';

const BOT_ID = '0b7f4c2e-5d3a-4e6b-9c1d-2f8a7e6b5c4d';
const OTHER_BOT_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const TENANT_ID = '5f0c1a2b-3d4e-4f60-8a9b-0c1d2e3f4a5b';
/** The tenant Bot Framework's emulator tokens come from (botframework-connector's emulator issuers). */
const EMULATOR_TENANT = 'd6d49420-f39b-4df7-a1dc-d59a935871db';

const authOn = (issuer: BotFrameworkIssuer, metadataUrl = issuer.metadataUrl) => ({
  BOT_ID,
  BOT_PASSWORD: 'test-secret',
  BOT_TENANT_ID: TENANT_ID,
  BOT_OPENID_METADATA_URL: metadataUrl,
});

type LogLine = { level: number; msg: string; reason?: string; status?: number; [key: string]: unknown };
const logLines = (t: TestBot, from = 0): LogLine[] =>
  t.logs.slice(from).flatMap((chunk) => chunk.split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogLine));
/** The lines logged for refused requests (one per refusal, with its reason). */
const refusals = (t: TestBot, from = 0) => logLines(t, from).filter((line) => line.status === 401);
const ERROR = 50;

/**
 * Everything written to the console or stderr while the bot runs: botbuilder writes refused tokens there with stack traces,
 * and none of it may reach an operator except through the structured log.
 */
function watchConsole() {
  const writes: string[] = [];
  const record = (...args: unknown[]) => void writes.push(args.map(String).join(' ').slice(0, 200));
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) vi.spyOn(console, method).mockImplementation(record);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    record(chunk);
    return true;
  });
  return writes;
}

/**
 * A bot that checks tokens against an issuer of its own (`prepare` may set up the issuer's faults first), and the console
 * watched from then on; `stopBehindIssuer` stops both and gives the console back.
 */
async function startBehindIssuer(prepare: (issuer: BotFrameworkIssuer) => void = () => {}) {
  const issuer = await BotFrameworkIssuer.start(['msteams']);
  prepare(issuer);
  const t = await startTestBot(authOn(issuer));
  return { issuer, t, consoleWrites: watchConsole() };
}

async function stopBehindIssuer(t: TestBot | undefined, issuer: BotFrameworkIssuer | undefined): Promise<void> {
  await t?.stop();
  await issuer?.stop();
  vi.restoreAllMocks();
}

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

  let consoleWrites: string[];

  beforeAll(async () => {
    ({ issuer, t, consoleWrites } = await startBehindIssuer());
    valid = () => ({ audience: BOT_ID, serviceUrl: t.connector.url });
  });
  afterAll(() => stopBehindIssuer(t, issuer));

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

  // Each refusal is logged with its reason, so a case cannot pass by tripping over a different check.
  const rejected: Array<[string, () => Promise<string | undefined>, string]> = [
    ['no Authorization header', async () => undefined, 'no_token'],
    ['an empty Authorization header', async () => '', 'no_token'],
    ['a malformed token', async () => 'Bearer garbage', 'malformed'],
    ['a token in another scheme', async () => `Basic ${await issuer.token(valid())}`, 'not_bearer'],
    ['an expired token', async () => issuer.bearer({ ...valid(), issuedAt: now() - 7200, expiresAt: now() - 600 }), 'expired'],
    ['a token for another bot', async () => issuer.bearer({ ...valid(), audience: OTHER_BOT_ID }), 'wrong_audience'],
    ['a token from another issuer', async () => issuer.bearer({ ...valid(), issuer: 'https://sts.windows.net/attacker/' }), 'wrong_issuer'],
    ["a token with the emulator's issuer", async () => issuer.bearer({ ...valid(), issuer: `https://sts.windows.net/${EMULATOR_TENANT}/` }), 'wrong_issuer'],
    ['a token signed by a key Bot Framework never published', async () => issuer.bearer({ ...valid(), signedBy: 'unpublished' }), 'bad_signature'],
    ['a token naming a key id that is not published', async () => issuer.bearer({ ...valid(), kid: 'no-such-key' }), 'unknown_key'],
    ['a token signed by a key not endorsed for msteams', async () => issuer.bearer({ ...valid(), signedBy: 'otherChannelKey' }), 'not_endorsed'],
    ['a token for another service URL', async () => issuer.bearer({ ...valid(), serviceUrl: 'https://smba.example.net/teams/' }), 'wrong_service_url'],
    ['an unsigned token (alg none)', async () => `Bearer ${unsigned(await issuer.token(valid()))}`, 'unsupported_algorithm'],
  ];

  it.each(rejected)('refuses %s with an empty 401, logs why, and does nothing', async (_name, authorization, reason) => {
    const before = t.connector.http.requests.length;
    const logged = t.logs.length;
    const written = consoleWrites.length;
    const response = await sendWith(await authorization());
    expect(response.status, response.text).toBe(401);
    expect(response.text).toBe('');
    expect(refusals(t, logged).map((line) => line.reason)).toEqual([reason]);
    expect(t.connector.http.requests.length).toBe(before);
    expect(consoleWrites.slice(written)).toEqual([]);
  });

  it('refuses a card action without a valid token', async () => {
    const logged = t.logs.length;
    const response = await sendWith(await issuer.bearer({ ...valid(), signedBy: 'unpublished' }), action(ALEX, 'launchMissiles', {}));
    expect(response.status, response.text).toBe(401);
    expect(response.text).toBe('');
    expect(refusals(t, logged).map((line) => line.reason)).toEqual(['bad_signature']);
  });

  it('logs a refusal as one warning line with its reason and nothing from the token', async () => {
    const logged = t.logs.length;
    const token = await issuer.token({ ...valid(), audience: OTHER_BOT_ID });
    await sendWith(`Bearer ${token}`);
    const lines = logLines(t, logged);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, status: 401, reason: 'wrong_audience' });
    expect(JSON.stringify(lines[0])).not.toContain(token.split('.')[1]!);
    expect(JSON.stringify(lines[0])).not.toMatch(/stack|at .*\.js:\d+/);
  });

  it('allows the five minutes of clock skew Bot Framework allows, and no more', async () => {
    const justExpired = await sendWith(await issuer.bearer({ ...valid(), issuedAt: now() - 3600, expiresAt: now() - 120 }));
    expect(justExpired.status).toBe(200);
    const longExpired = await sendWith(await issuer.bearer({ ...valid(), issuedAt: now() - 3600, expiresAt: now() - 360 }));
    expect(longExpired.status).toBe(401);
  });

  it('wrote nothing to the console or stderr for any of it', () => {
    expect(consoleWrites).toEqual([]);
  });
});

describe('a token from any issuer but the channel is refused before any signing key is fetched', () => {
  let issuer: BotFrameworkIssuer;
  let t: TestBot;
  let consoleWrites: string[];

  beforeAll(async () => {
    ({ issuer, t, consoleWrites } = await startBehindIssuer());
  });
  afterAll(() => stopBehindIssuer(t, issuer));

  const otherIssuers = [
    `https://sts.windows.net/${EMULATOR_TENANT}/`,
    `https://login.microsoftonline.com/${EMULATOR_TENANT}/v2.0`,
    'https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/',
    `https://sts.windows.net/${TENANT_ID}/`,
    'https://api.botframework.us',
  ];

  it.each(otherIssuers)('refuses a token issued by %s with an empty 401, fetching nothing', async (other) => {
    const logged = t.logs.length;
    const response = await post(t, expectingReplies('help'), await issuer.bearer({ audience: BOT_ID, serviceUrl: t.connector.url, issuer: other }));
    expect(response.status, response.text).toBe(401);
    expect(response.text).toBe('');
    expect(refusals(t, logged).map((line) => line.reason)).toEqual(['wrong_issuer']);
    expect(issuer.http.requests).toEqual([]);
    expect(consoleWrites).toEqual([]);
  });
});

describe('when the Bot Framework signing keys cannot be fetched', () => {
  let issuer: BotFrameworkIssuer;
  let t: TestBot;
  let consoleWrites: string[];
  const valid = () => issuer.bearer({ audience: BOT_ID, serviceUrl: t.connector.url });
  const outageErrors = (from = 0) => logLines(t, from).filter((line) => line.level >= ERROR);

  beforeAll(async () => {
    ({ issuer, t, consoleWrites } = await startBehindIssuer((keys) => keys.http.override(() => true, { status: 503 })));
  });
  afterAll(() => stopBehindIssuer(t, issuer));

  it('refuses every request with an empty 401 and logs the outage once at error level', async () => {
    for (let i = 0; i < 5; i += 1) {
      // A pause past the one-second retry spacing, so the outage spans more than one failed fetch.
      if (i === 3) await new Promise((resolve) => setTimeout(resolve, 1100));
      const response = await post(t, expectingReplies('help'), await valid());
      expect(response.status, response.text).toBe(401);
      expect(response.text).toBe('');
    }
    expect(refusals(t).map((line) => line.reason)).toEqual(Array(5).fill('keys_unavailable'));
    const errors = outageErrors();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'keys_unavailable', cause: 'HTTP 503' });
    expect(issuer.http.requests.length).toBeGreaterThanOrEqual(2);
    expect(consoleWrites).toEqual([]);
  });

  it('accepts again once the keys are back, and says so in the log', async () => {
    issuer.http.clearOverrides();
    const back = await eventually(async () => {
      const response = await post(t, expectingReplies('help'), await valid());
      expect(response.status).toBe(200);
      return response;
    });
    expect(repliedText(back)).toContain('sign up');
    expect(logLines(t).some((line) => line.level === 30 && /signing keys/.test(line.msg))).toBe(true);
    expect(outageErrors()).toHaveLength(1);
  });
});

describe('when the Bot Framework metadata address refuses connections', () => {
  let t: TestBot;
  let consoleWrites: string[];

  beforeAll(async () => {
    // An issuer that has stopped: its port refuses connections.
    const gone = await BotFrameworkIssuer.start(['msteams']);
    await gone.stop();
    const issuer = await BotFrameworkIssuer.start(['msteams']);
    t = await startTestBot(authOn(issuer, gone.metadataUrl));
    consoleWrites = watchConsole();
    for (let i = 0; i < 4; i += 1) {
      const response = await post(t, expectingReplies('help'), await issuer.bearer({ audience: BOT_ID, serviceUrl: t.connector.url }));
      expect(response.status, response.text).toBe(401);
      expect(response.text).toBe('');
    }
    await issuer.stop();
  });
  afterAll(async () => {
    await t?.stop();
    vi.restoreAllMocks();
  });

  it('refuses with empty 401s and logs one error line for the outage, not one per request', () => {
    expect(refusals(t).map((line) => line.reason)).toEqual(Array(4).fill('keys_unavailable'));
    const errors = logLines(t).filter((line) => line.level >= ERROR);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'keys_unavailable', cause: 'ECONNREFUSED' });
    expect(JSON.stringify(errors[0])).not.toMatch(/stack|at .*\.js:\d+/);
    expect(consoleWrites).toEqual([]);
  });
});

/** The same claims with the signature stripped and the algorithm set to none. */
function unsigned(token: string): string {
  const [header, payload] = token.split('.');
  const decoded = JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${Buffer.from(JSON.stringify({ ...decoded, alg: 'none' })).toString('base64url')}.${payload}.`;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, ISAIAH } from '../support/people.js';
import { startTestBot, TEST_TENANT, type TestBot } from '../support/test-bot.js';
import { EntraSsoIssuer, WORKSPACE_APP_ID_URI } from './entra-sso-issuer.js';

describe('the workspace API with Teams single sign-on (an Entra app configured)', () => {
  let bot: TestBot;
  let issuer: EntraSsoIssuer;
  let base: string;

  beforeAll(async () => {
    issuer = await EntraSsoIssuer.start(TEST_TENANT);
    bot = await startTestBot(issuer.env());
    base = `http://127.0.0.1:${bot.bot.port}/workspace/api/`;
  });
  afterAll(async () => {
    await bot?.stop();
    await issuer?.stop();
  });

  const ask = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(`${base}${path}`, { headers });
    return { status: response.status, text: await response.text() };
  };
  const bearer = async (claims: Parameters<EntraSsoIssuer['token']>[0]) => ({ authorization: `Bearer ${await issuer.token(claims)}` });

  it("signs in the person the token names (oid), for the app's client id or its api:// URI", async () => {
    for (const audience of [undefined, WORKSPACE_APP_ID_URI]) {
      const answer = await ask('me', await bearer({ oid: ISAIAH.id, name: ISAIAH.name, ...(audience ? { audience } : {}) }));
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ person: { id: ISAIAH.id, name: ISAIAH.name }, coordinator: true, subjectAccess: true, mode: 'entra' });
    }
    expect((await ask('overview', await bearer({ oid: ISAIAH.id }))).status).toBe(200);
  });

  it.each([
    ['no token', async () => ({}), 'no_token'],
    ['not a bearer token', async () => ({ authorization: 'Basic abc' }), 'no_token'],
    ['a malformed token', async () => ({ authorization: 'Bearer not.a.jwt' }), 'malformed'],
    ['an expired token', () => bearer({ oid: ISAIAH.id, expiresIn: -600 }), 'expired'],
    ['a token for another app', () => bearer({ oid: ISAIAH.id, audience: '00000000-1111-4222-8333-444444444444' }), 'wrong_audience'],
    ['a token from another tenant', () => bearer({ oid: ISAIAH.id, tenant: 'tenant-2' }), 'wrong_issuer'],
    ['a token whose tid is another tenant', () => bearer({ oid: ISAIAH.id, tid: 'tenant-2' }), 'wrong_tenant'],
    ['a token signed by a key the tenant never published', () => bearer({ oid: ISAIAH.id, signedBy: 'unpublished' }), 'bad_signature'],
    ['a token without the access_as_user scope', () => bearer({ oid: ISAIAH.id, scope: 'User.Read' }), 'no_scope'],
  ] as const)('refuses %s with 401 and no internal text', async (_, headers, reason) => {
    const logged = bot.logs.length;
    const answer = await ask('overview', await headers());
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toEqual({ error: { code: 'SIGN_IN_REQUIRED', message: 'Please sign in again: the workspace could not confirm who you are.' } });
    const line = bot.logs.slice(logged).map((each) => JSON.parse(each)).find((each) => each.msg === 'workspace request refused: its sign-in was not accepted');
    expect(line).toMatchObject({ status: 401, reason });
  });

  it('has no local sign-in: the cast is not offered and the local header is not read', async () => {
    expect((await ask('local-cast', {})).status).toBe(404);
    expect((await ask('me', { 'x-workspace-local-person': ISAIAH.id })).status).toBe(401);
  });

  it('gives a signed-in non-coordinator 403 on coordinator routes, and their own page', async () => {
    const alex = await bearer({ oid: ALEX.id, name: ALEX.name });
    const refused = await ask('mentors', alex);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.code).toBe('NOT_COORDINATOR');
    expect((await ask('me/page', alex)).status).toBe(200);
  });
});

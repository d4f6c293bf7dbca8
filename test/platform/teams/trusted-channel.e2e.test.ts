import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BotFrameworkIssuer } from '../../support/bot-framework-issuer.js';
import { ALEX, GRADY, MEGAN } from '../../support/people.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';
import { snapshotTables } from '../../support/table-snapshot.js';
import { textOf } from '../../support/teams-connector.js';
import { action, installed, invokeCard, message, startTestBot, TEST_TENANT, type TestBot } from '../../support/test-bot.js';

const BOT_ID = '0b7f4c2e-5d3a-4e6b-9c1d-2f8a7e6b5c4d';
const REFUSAL = 'Please use the app from Microsoft Teams with your council account';

type Activity = Record<string, unknown>;

/** The same activity as another channel or another tenant would send it (the Teams identity on it unchanged). */
const onChannel = (channelId: string) => (activity: Activity): Activity => ({ ...activity, channelId });
const fromTenant = (tenantId: string) => (activity: Activity): Activity => ({
  ...activity,
  conversation: { ...(activity.conversation as object), tenantId },
  channelData: { tenant: { id: tenantId } },
});
const withoutTenant = (activity: Activity): Activity => {
  const { tenantId: _dropped, ...conversation } = activity.conversation as Record<string, unknown>;
  return { ...activity, conversation, channelData: {} };
};
/** Teams in our tenant on one field, another tenant on the other: every tenant an activity names must be ours. */
const mixedTenants = (activity: Activity): Activity => ({
  ...activity,
  conversation: { ...(activity.conversation as object), tenantId: 'd3adbeef-0000-4000-8000-000000000000' },
  channelData: { tenant: { id: TEST_TENANT } },
});

const UNTRUSTED: Array<[string, (activity: Activity) => Activity]> = [
  ['channelId webchat', onChannel('webchat')],
  ['channelId directline', onChannel('directline')],
  ['channelId emulator', onChannel('emulator')],
  ['another tenant', fromTenant('d3adbeef-0000-4000-8000-000000000000')],
  ['no tenant', withoutTenant],
  ['two tenants that disagree', mixedTenants],
];

describe.each([
  ['on', true],
  ['off', false],
])('with authentication %s, only Teams activities from the council tenant are acted on', (_mode, authenticated) => {
  let issuer: BotFrameworkIssuer | undefined;
  let t: TestBot;
  let approvalId = '';
  const headers = async (): Promise<Record<string, string>> =>
    issuer ? { authorization: await issuer.bearer({ audience: BOT_ID, serviceUrl: t.connector.url }) } : {};
  const send = async (activity: Activity) => t.send(activity, await headers());
  const stored = () => snapshotTables(t.env.STORAGE_CONNECTION_STRING!, t.env.TABLE_PREFIX!);
  const expectingReplies = (activity: Activity): Activity => ({ ...activity, deliveryMode: 'expectReplies' });
  const replies = (response: { body: unknown }) => (response.body as { activities?: unknown[] } | undefined)?.activities ?? [];
  const approve = () => action(MEGAN, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'approve' });

  beforeAll(async () => {
    if (authenticated) {
      // botbuilder writes refused tokens to console.error; none is expected here, but keep the run quiet if one is.
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      // The published key is endorsed for the other channels too, as Bot Framework's keys are: the token is good.
      issuer = await BotFrameworkIssuer.start(['msteams', 'webchat', 'directline', 'emulator']);
    }
    const auth: Record<string, string> = issuer ? { BOT_ID, BOT_PASSWORD: 'test-secret', BOT_TENANT_ID: TEST_TENANT, BOT_OPENID_METADATA_URL: issuer.metadataUrl } : {};
    // The worker stays off: every answer here comes back in the HTTP response, so the connector must hear nothing.
    t = await startTestBot(auth, { startWorker: false });
    expect(t.bot.config.mode.auth).toBe(authenticated ? 'on' : 'off');

    // The applicant signs up through the real flow; the ids the approval needs are on their own card.
    await send(expectingReplies(message(ALEX, 'sign up')));
    const sent = invokeCard(await send(action(ALEX, 'submitSignUp', SIGN_UP_FORM)));
    expect(textOf(sent)).toContain('Waiting for Megan Bowen to decide');
    approvalId = /"approvalId":"([^"]+)"/.exec(JSON.stringify(sent))![1]!;
  });
  afterAll(async () => {
    await t?.stop();
    await issuer?.stop();
    vi.restoreAllMocks();
  });

  it('refuses the applicant approving their own request from Web Chat with the manager as `from`', async () => {
    const before = await stored();
    const response = await send(onChannel('webchat')(approve()));
    const card = textOf(invokeCard(response));
    expect(card).toContain(REFUSAL);
    expect(card).not.toContain('Approved');
    expect(await stored()).toEqual(before);
    expect(t.connector.http.requests).toHaveLength(0);
  });

  it.each(UNTRUSTED)('refuses a card action with %s: a refusal card, nothing stored, nothing sent', async (_name, untrusted) => {
    const before = await stored();
    const response = await send(untrusted(approve()));
    expect(textOf(invokeCard(response))).toContain(REFUSAL);
    expect(await stored()).toEqual(before);
    expect(t.connector.http.requests).toHaveLength(0);
  });

  it.each(UNTRUSTED)('refuses a typed message with %s: answered in-band only when replies are expected', async (_name, untrusted) => {
    const before = await stored();
    // GRADY has never written: today's bot would remember his chat before anything else.
    const inBand = await send(expectingReplies(untrusted(message(GRADY, 'help'))));
    expect(inBand.status).toBe(200);
    expect(replies(inBand)).toHaveLength(1);
    expect(textOf(replies(inBand))).toContain(REFUSAL);
    const outOfBand = await send(untrusted(message(GRADY, 'help')));
    expect(outOfBand.status).toBe(200);
    expect(await stored()).toEqual(before);
    expect(t.connector.http.requests).toHaveLength(0);
  });

  it.each(UNTRUSTED)('ignores an install with %s: no welcome, nothing stored', async (_name, untrusted) => {
    const before = await stored();
    const response = await send(untrusted(installed(GRADY)));
    expect(response.status).toBe(200);
    expect(await stored()).toEqual(before);
    expect(t.connector.http.requests).toHaveLength(0);
  });

  it('compares the tenant without regard to case', async () => {
    const response = await send(expectingReplies(fromTenant(TEST_TENANT.toUpperCase())(message(ALEX, 'help'))));
    expect(textOf(replies(response))).toContain('What you can do');
  });

  it('still acts on the same decision from Teams in the council tenant (the ids were right)', async () => {
    const response = await send(approve());
    expect(textOf(invokeCard(response))).toContain('Approved by Megan Bowen');
    expect(t.connector.http.requests).toHaveLength(0);
  });
});

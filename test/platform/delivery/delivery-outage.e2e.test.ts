import { afterAll, beforeAll, describe, expect, it, inject, vi } from 'vitest';
import { sweepOutboxes } from '../../../src/platform/delivery/outbox-sweeper.js';
import { EffectQueue } from '../../../src/platform/storage/effect-queue.js';
import type { OutboxEntity } from '../../../src/platform/storage/outbox.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { openStorage, openTable } from '../../../src/platform/storage/tables.js';
import { BotFrameworkIssuer } from '../../support/bot-framework-issuer.js';
import { EntraStandIn } from '../../support/entra-stand-in.js';
import { ADELE, ALEX, GRADY, ISAIAH, MEGAN, PATTI, type TestPerson } from '../../support/people.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, conversationOf, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';

const BOT_ID = '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const BOT_TENANT_ID = '5f0c3e1a-9b8d-4c7e-a6f5-4d3c2b1a0f9e';
const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * The real bot with authentication on (SingleTenant: BOT_ID, BOT_PASSWORD, BOT_TENANT_ID): incoming activities carry
 * channel tokens from the Bot Framework issuer stand-in, and the bot's outbound token comes from botbuilder's MSAL
 * asking "Microsoft Entra", a stand-in that can be switched off. Time is a controllable clock; the test runs the
 * worker itself, with the outbox sweeper waking it as the clock moves (the queue's own delays are in real seconds).
 */
describe('owed messages through a token outage, a blocked person and Try again', () => {
  let t: TestBot;
  let issuer: BotFrameworkIssuer;
  let entra: EntraStandIn;
  const clock = { at: Date.parse('2026-11-09T09:00:00Z') };
  let sweep: () => Promise<number>;
  let outboxRows: () => Promise<Array<OutboxEntity & { rowKey: string }>>;

  beforeAll(async () => {
    // botbuilder writes failed token requests to console.error; expected while Entra is off.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    entra = await EntraStandIn.start();
    await entra.switchOff();
    issuer = await BotFrameworkIssuer.start(['msteams']);
    t = await startTestBot(
      { BOT_ID, BOT_PASSWORD: 'test-secret', BOT_TENANT_ID, BOT_TYPE: 'SingleTenant', TEAMS_TENANT_ID: 'tenant-1', BOT_OPENID_METADATA_URL: issuer.metadataUrl, OUTBOX_SWEEP_SECONDS: '3600' },
      { now: () => new Date(clock.at), startWorker: false },
    );
    const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
    const storage = await openStorage(clients, t.env.TABLE_PREFIX!);
    const tables = [await storage.openTable('Mentors'), await openTable(clients, `${t.env.TABLE_PREFIX}Delivery`)];
    const queue = new EffectQueue(storage.effectQueue, () => new Date());
    sweep = () => sweepOutboxes(tables, queue, new Date(clock.at));
    outboxRows = async () => {
      const rows: Array<OutboxEntity & { rowKey: string }> = [];
      for (const table of tables) for await (const row of table.listEntities<OutboxEntity>()) if (row.rowKey!.startsWith('outbox|')) rows.push(row as OutboxEntity & { rowKey: string });
      return rows;
    };
  });
  afterAll(async () => {
    await t?.stop();
    await issuer?.stop();
    await entra?.stop();
    vi.restoreAllMocks();
  });

  /** A turn as Teams sends it, with a valid channel token; replies come back in the response, so none needs a bot token. */
  const send = async (activity: Record<string, unknown>) =>
    t.send({ ...activity, deliveryMode: 'expectReplies' }, { authorization: await issuer.bearer({ audience: BOT_ID, serviceUrl: t.connector.url }) });
  const replyText = (response: { body: unknown }) => textOf((response.body as { activities?: unknown[] } | undefined)?.activities ?? []);
  /** The card a card action answered with: with expectReplies it comes back as the invokeResponse activity. */
  const answered = (response: { status: number; body: unknown }) => {
    const activities = (response.body as { activities?: Array<{ type?: string; value?: { body?: unknown } }> } | undefined)?.activities ?? [];
    return invokeCard({ status: response.status, body: activities.find((a) => a.type === 'invokeResponse')?.value?.body });
  };

  /** The clock moves on by `stepMs` at a time; at each step the sweeper wakes the worker for whatever is due. */
  async function runFor(spanMs: number, stepMs: number): Promise<void> {
    for (let passed = 0; passed < spanMs; passed += stepMs) {
      clock.at += stepMs;
      await sweep();
      while ((await t.bot.worker.runOnce()) > 0);
    }
  }

  const sentTo = (person: TestPerson, words: string) => t.connector.to(conversationOf(person)).filter((a) => a.kind === 'send' && cardText(a).includes(words));

  it('Entra unreachable for 6 hours, then back: every owed message is delivered once, none given up', async () => {
    for (const person of [ALEX, MEGAN, ADELE, PATTI, GRADY, ISAIAH]) await send(message(person, 'help'));
    for (const applicant of [ALEX, ADELE, GRADY]) {
      // Each form says who decides: the line manager, or for a councillor the scheme's governance approver.
      expect(replyText(await send(message(applicant, 'sign up')))).toContain(applicant === ADELE ? 'governance approver' : 'line manager');
      const form = applicant === ADELE ? { ...SIGN_UP_FORM, role: 'electedMember', declarationOfInterests: 'None.' } : SIGN_UP_FORM;
      expect(textOf(answered(await send(action(applicant, 'submitSignUp', form))))).toContain('Waiting for');
    }
    const owed = await outboxRows();
    expect(owed.length).toBeGreaterThanOrEqual(3);

    await runFor(6 * HOUR, 5 * MINUTE);

    const waiting = await outboxRows();
    expect(waiting).toHaveLength(owed.length);
    for (const row of waiting) {
      expect(row.failedAt).toBeUndefined();
      expect(row).toMatchObject({ lastErrorCode: 'TOKEN_UNAVAILABLE', lastError: expect.stringContaining('could not get a token from Microsoft Entra') });
    }
    expect(t.connector.http.requests).toHaveLength(0); // nothing reached Teams without a token

    await entra.switchOn();
    await runFor(30 * MINUTE, MINUTE);

    expect(entra.tokenRequests.length).toBeGreaterThan(0);
    expect(entra.tokenRequests[0]!.path).toBe(`/${BOT_TENANT_ID}/oauth2/v2.0/token`);
    expect(entra.tokenRequests[0]!.form.get('client_id')).toBe(BOT_ID);
    expect(await outboxRows()).toEqual([]);
    const approvalCards = (approver: TestPerson, applicant: TestPerson) => sentTo(approver, applicant.name).filter((a) => cardText(a).includes('waiting for your decision'));
    expect(approvalCards(MEGAN, ALEX)).toHaveLength(1);
    expect(approvalCards(PATTI, ADELE)).toHaveLength(1);
    expect(approvalCards(PATTI, GRADY)).toHaveLength(1);
    const lost = owed.length - t.connector.activities.filter((a) => a.kind === 'send').length;
    console.info(`messages lost after a 6-hour token outage: ${lost} of ${owed.length}`);
    expect(lost).toBe(0);
    expect(sentTo(ISAIAH, 'could not be delivered')).toHaveLength(0);
  }, 120_000); // 102 simulated steps, each a sweep and a worker pass: 10–40 s on 2 cores depending on load

  let outageCard = '';

  it('a 403 fails at once and is reported to the coordinators once, naming who and why', async () => {
    const alexChat = `/v3/conversations/${conversationOf(ALEX)}/activities`;
    t.connector.http.override((r) => r.method === 'POST' && r.path.startsWith(alexChat), { status: 403, body: { error: { code: 'BotBlocked', message: 'The bot is blocked.' } } });
    const approvalId = /"approvalId":"([^"]+)"/.exec(JSON.stringify(sentTo(MEGAN, ALEX.name)[0]!.activity))![1]!;
    await send(action(MEGAN, 'decideApproval', { mentorId: ALEX.id, approvalId, decision: 'approve' }));
    await runFor(10 * MINUTE, MINUTE);

    // Approval owes Alex two messages (the outcome, and the invitation to book sessions): each tried once, not retried.
    const triesToAlex = t.connector.http.requests.filter((r) => r.method === 'POST' && r.path.startsWith(alexChat));
    expect(triesToAlex).toHaveLength(2);
    expect(new Set(triesToAlex.map((r) => JSON.stringify(r.body))).size).toBe(2);
    const cards = sentTo(ISAIAH, 'could not be delivered');
    expect(cards).toHaveLength(1);
    outageCard = cardText(t.connector.to(conversationOf(ISAIAH)).at(-1));
    expect(outageCard).toContain('2 messages');
    expect(outageCard).toContain('The outcome of their mentoring request to Alex Wilber: they have blocked the bot');
    expect(outageCard).toContain('Try again');
    expect(outageCard).toContain('Details for IT');
    expect(outageCard).toContain('BOT_BLOCKED');
  });

  it('stays listed in the coordinator\u2019s help, with Try again', async () => {
    const help = replyText(await send(message(ISAIAH, 'help')));
    expect(help).toContain('Not delivered: 2 messages');
    expect(help).toContain('Alex Wilber');
    expect(replyText(await send(message(ALEX, 'help')))).not.toContain('Not delivered');
  });

  it('Try again: refused to anyone but a coordinator, with nothing changed; a coordinator\u2019s delivers it once', async () => {
    const outageId = /"outageId":"([^"]+)"/.exec(JSON.stringify(sentTo(ISAIAH, 'could not be delivered')[0]!.activity))![1]!;
    const before = await outboxRows();
    const refused = textOf(answered(await send(action(ALEX, 'tryAgainUndelivered', { outageId }))));
    expect(refused).toContain('Only the scheme coordinators can send undelivered messages again');
    expect(await outboxRows()).toEqual(before);
    expect(replyText(await send(message(ISAIAH, 'help')))).toContain('Not delivered: 2 messages');

    t.connector.http.clearOverrides(); // Alex unblocked the bot
    const postsToAlex = () => t.connector.http.requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/v3/conversations/${conversationOf(ALEX)}/activities`)).length;
    const refusedTries = postsToAlex();
    expect(textOf(answered(await send(action(ISAIAH, 'tryAgainUndelivered', { outageId }))))).toContain('2 messages are queued again');
    expect(textOf(answered(await send(action(ISAIAH, 'tryAgainUndelivered', { outageId }))))).toContain('Nothing to send again');
    await runFor(5 * MINUTE, MINUTE);

    await runFor(30 * MINUTE, 5 * MINUTE);
    expect(postsToAlex() - refusedTries).toBe(2);
    expect(cardText(t.connector.to(conversationOf(ALEX)).at(-2))).toContain('approved');
    expect(replyText(await send(message(ISAIAH, 'help')))).not.toContain('Not delivered');
    // Nothing left waiting; the two refused rows stay as they were, marked failed, for the record.
    expect((await outboxRows()).filter((row) => !row.failedAt)).toEqual([]);
  });
});

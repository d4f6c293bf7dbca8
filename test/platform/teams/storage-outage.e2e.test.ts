import { journeyFeature } from '../../../src/journey/journey.feature.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ALEX, MEGAN, type TestPerson } from '../../support/people.js';
import { RefusingProxy } from '../../support/refusing-proxy.js';
import { SIGN_UP_FORM } from '../../support/sign-up-form.js';
import { endpointPort, throughProxies } from '../../support/storage-endpoints.js';
import { cardText, textOf } from '../../support/teams-connector.js';
import { action, conversationOf, installed, invokeCard, message, startTestBot, type TestBot } from '../../support/test-bot.js';

const OUTAGE_MS = 20_000;
const EVERY_MS = 500;
const OUTAGE_ANSWER = "I couldn't do that just now";
/** Teams waits 5 s for the answer to a card action, then retries it: the outage answer must come well inside that. */
const TEAMS_INVOKE_DEADLINE_MS = 5_000;

type Turn = { kind: string; answered: boolean; outageAnswer: boolean; ms: number };

describe('while storage refuses every connection, every turn still gets an answer', () => {
  let tables: RefusingProxy;
  let queues: RefusingProxy;
  let t: TestBot;
  let approvalId = '';

  beforeAll(async () => {
    const azurite = inject('storageConnectionString');
    tables = await new RefusingProxy(endpointPort(azurite, 'Table')).start();
    queues = await new RefusingProxy(endpointPort(azurite, 'Queue')).start();
    // Only the turns run: no background worker or job, whose own failures in the outage are theirs to log.
    const quietJobs = { OUTBOX_SWEEP_SECONDS: '3600', SCHEDULER_INTERVAL_SECONDS: '3600' };
    t = await startTestBot({ STORAGE_CONNECTION_STRING: throughProxies(azurite, tables, queues), ...quietJobs }, { startWorker: false, features: [journeyFeature] });
    // Alex is someone this instance has seen: it has written down his chat, and he has a request waiting.
    await t.send(installed(ALEX));
    await t.send(message(ALEX, 'sign up'));
    approvalId = /"approvalId":"([^"]+)"/.exec(JSON.stringify(invokeCard(await t.send(action(ALEX, 'submitSignUp', SIGN_UP_FORM)))))![1]!;
  }, 30_000);
  afterAll(async () => {
    await t?.stop();
    await tables?.stop();
    await queues?.stop();
  });

  /** Someone this instance has never seen: today it would try to write down their chat before anything else. */
  const newcomer = (): TestPerson => ({ id: randomUUID(), name: 'Sam Newcomer' });

  async function typed(kind: string, person: TestPerson, text: string): Promise<Turn> {
    const before = t.connector.to(conversationOf(person)).length;
    const started = performance.now();
    const response = await t.send(message(person, text));
    const ms = performance.now() - started;
    // A typing indicator is not an answer.
    const answers = t.connector.to(conversationOf(person)).slice(before).filter((sent) => sent.activity.type === 'message');
    expect(response.status).toBe(200);
    return { kind, answered: answers.length > 0, outageAnswer: answers.some((a) => cardText(a).includes(OUTAGE_ANSWER)), ms };
  }

  async function clicked(kind: string, person: TestPerson): Promise<Turn> {
    const started = performance.now();
    const response = await t.send(action(person, 'refreshApproval', { mentorId: ALEX.id, approvalId }, 'manual'));
    const ms = performance.now() - started;
    const body = response.body as { type?: string } | undefined;
    const answered = response.status === 200 && body?.type === 'application/vnd.microsoft.card.adaptive';
    return { kind, answered, outageAnswer: answered && textOf(invokeCard(response)).includes(OUTAGE_ANSWER), ms };
  }

  it(`answers typed messages and card actions from people seen and unseen, every ${EVERY_MS} ms through a ${OUTAGE_MS / 1000} s outage`, async () => {
    const logsBefore = t.logs.length;
    const kinds: Array<() => Promise<Turn>> = [
      () => typed('typed, seen', ALEX, 'my status'),
      () => typed('typed, unseen', newcomer(), 'help'),
      () => clicked('card, seen', ALEX),
      () => clicked('card, unseen', newcomer()),
      () => clicked('card, seen (approver)', MEGAN),
    ];
    await tables.refuse();
    await queues.refuse();
    const turns: Turn[] = [];
    const ends = performance.now() + OUTAGE_MS;
    for (let i = 0; performance.now() < ends; i++) {
      const started = performance.now();
      turns.push(await kinds[i % kinds.length]!());
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, EVERY_MS - (performance.now() - started))));
    }
    await tables.accept();
    await queues.accept();

    const unanswered = turns.filter((turn) => !turn.answered);
    const slowest = Math.max(...turns.map((turn) => turn.ms));
    console.log(
      `storage outage ${OUTAGE_MS / 1000} s: ${turns.length} turns (${kinds.length} kinds), ${unanswered.length} without an answer, ` +
        `${turns.filter((turn) => turn.outageAnswer).length} with the outage answer, slowest answer ${Math.round(slowest)} ms`,
    );
    expect(unanswered).toEqual([]);
    expect(turns.filter((turn) => !turn.outageAnswer)).toEqual([]);
    expect(slowest).toBeLessThan(TEAMS_INVOKE_DEADLINE_MS);
    expect(turns.length).toBeGreaterThanOrEqual(30);

    const lines = t.logs.slice(logsBefore).join('');
    expect(lines).not.toContain('unhandled');
    expect(lines).not.toContain('"level":50,');
    expect(lines).toContain('storage unreachable; the person was asked to try again');
  }, 60_000);

  it('acts normally again once storage is back', async () => {
    await t.send(message(ALEX, 'my status'));
    expect(cardText(t.connector.to(conversationOf(ALEX)).at(-1))).toContain('waiting for approval');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortSessionId, confirmedBookings, waitingList } from '../../../src/sessions/domain/index.js';
import { EffectQueue } from '../../../src/platform/storage/effect-queue.js';
import { SessionRepository } from '../../../src/sessions/store/session.repository.js';
import { storageClients } from '../../../src/platform/storage/storage-clients.js';
import { openTable } from '../../../src/platform/storage/tables.js';
import { eventually } from '../../support/eventually.js';
import type { GraphPerson } from '../../support/graph-stand-in.js';
import type { TestPerson } from '../../support/people.js';
import { startSecondBot, type SecondBot } from '../../support/second-bot.js';
import { approvedMentor, GRAPH_TOKEN, startSessionsBot, type SessionsTestBot } from '../../support/sessions-bot.js';
import { textOf } from '../../support/teams-connector.js';
import { action, invokeCard } from '../../support/test-bot.js';

const PEOPLE: TestPerson[] = Array.from({ length: 200 }, (_, i) => ({
  id: `${(0xa0000000 + i).toString(16)}-0000-4000-8000-000000000000`,
  name: `Mentor ${String(i).padStart(3, '0')}`,
}));
const mailOf = (person: TestPerson) => `mentor${person.name.slice(-3)}@council.example`;
const AS_GRAPH: GraphPerson[] = PEOPLE.map((p) => ({ id: p.id, displayName: p.name, mail: mailOf(p) }));

describe('200 people booking 20 seats at once through two bot processes on one Azurite', () => {
  let t: SessionsTestBot;
  let second: SecondBot;
  beforeAll(async () => {
    t = await startSessionsBot({ seats: 20, extraPeople: AS_GRAPH });
    second = await startSecondBot({ ...t.env, GRAPH_TEST_TOKEN: GRAPH_TOKEN });
    for (let i = 0; i < PEOPLE.length; i += 20) await Promise.all(PEOPLE.slice(i, i + 20).map((p) => approvedMentor(t.mentors, p)));
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
    await t?.stopAll();
  });

  it('confirms exactly 20, puts the rest on the waiting list in arrival order, and the calendar matches', async () => {
    const training = cohortSessionId(t.year, 'training');
    const endpoints = [`http://127.0.0.1:${t.bot.port}/api/messages`, `http://127.0.0.1:${second.port}/api/messages`];
    const started = Date.now();
    const answers = await Promise.all(
      PEOPLE.map(async (person, i) => {
        const response = await fetch(endpoints[i % 2]!, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ serviceUrl: t.connector.url, ...action(person, 'bookSession', { sessionId: training }) }),
        });
        const text = textOf(invokeCard({ status: response.status, body: await response.json() }));
        const waiting = /You are number (\d+) on the waiting list/.exec(text);
        return { person, booked: text.includes('You are booked on'), waitingAt: waiting ? Number(waiting[1]) : undefined, text };
      }),
    );
    const bookedIn = Date.now() - started;
    const failures = answers.filter((a) => !a.booked && a.waitingAt === undefined);
    expect(failures.map((f) => f.text.slice(0, 200))).toEqual([]);

    const clients = storageClients({ kind: 'connectionString', connectionString: t.env.STORAGE_CONNECTION_STRING! });
    const table = await openTable(clients, `${t.env.TABLE_PREFIX}Sessions`);
    const stored = (await new SessionRepository(table, new EffectQueue(clients.queue('unused'), () => new Date()), () => new Date()).get(training))!.session;
    const confirmed = confirmedBookings(stored);
    const waiting = waitingList(stored);
    expect(confirmed).toHaveLength(20);
    expect(waiting).toHaveLength(180);
    expect(stored.bookings).toHaveLength(200);

    // What each person was told is what is stored: the 20 told "booked" hold the seats, and each person told
    // "number N" is number N in the stored waiting list, which is in the order the bookings were decided.
    expect(answers.filter((a) => a.booked).map((a) => a.person.id).sort()).toEqual(confirmed.map((b) => b.personId).sort());
    for (const answer of answers.filter((a) => a.waitingAt !== undefined)) {
      expect(waiting[answer.waitingAt! - 1]!.personId).toBe(answer.person.id);
    }
    const times = stored.bookings.map((b) => Date.parse(b.bookedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Both processes took bookings.
    expect(new Set(answers.map((_, i) => i % 2)).size).toBe(2);

    const title = `Mentor training ${t.year} (full day)`;
    const expected = confirmed.map((b) => mailOf(PEOPLE.find((p) => p.id === b.personId)!)).sort();
    await eventually(() => expect(t.calendar.attendeesOf(title)).toEqual(expected), 30_000, 50);
    console.log(`200 bookings through two processes: all answered in ${bookedIn} ms; calendar matched ${Date.now() - started} ms after the first`);
    expect([...t.calendar.events.values()].filter((e) => e.subject === title)).toHaveLength(1);
    // Every invitation went to someone with a seat, once.
    const invited = t.calendar.mail.filter((m) => m.kind === 'invitation').map((m) => m.to).sort();
    expect(invited).toEqual(expected);
  }, 120_000);
});

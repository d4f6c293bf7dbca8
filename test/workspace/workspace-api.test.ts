import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openStorage } from '../../src/platform/storage/tables.js';
import { RelationshipRepository } from '../../src/relationship/store/relationship.repository.js';
import { SessionRepository } from '../../src/sessions/store/session.repository.js';
import { describeClaimState } from '../../src/relationship/domain/index.js';
import { formatMonth } from '../../src/platform/teams/cards/card.js';
import { eventually } from '../support/eventually.js';
import { cardText } from '../support/teams-connector.js';
import { ALEX, ISAIAH } from '../support/people.js';
import { conversationOf, message, startTestBot, type TestBot } from '../support/test-bot.js';
import { seedWorkspace, type Seeded } from './workspace-seed.js';

const LOCAL = 'x-workspace-local-person';
const COORDINATOR_ROUTES: readonly [string, string][] = [
  ['GET', 'overview'],
  ['GET', 'mentors'],
  ['GET', 'young-people'],
  ['POST', `mentors/${'a0000000-0000-4000-8000-000000000001'}/remind`],
  ['GET', 'sessions'],
  ['GET', 'commitment'],
  ['GET', 'matching/waiting'],
  ['GET', 'matching/waiting-yp-0/shortlist'],
  ['POST', 'matching/waiting-yp-0/put-forward'],
  ['POST', 'sessions/training-1/register'],
  ['POST', 'sessions/training-1/cancel'],
  ['GET', 'claims?month=2026-12'],
  ['POST', 'claims/decide'],
  ['GET', 'claims.csv?month=2026-12'],
];

describe('the workspace API in local mode (no Entra app configured)', () => {
  let bot: TestBot;
  let seeded: Seeded;
  let base: string;
  const now = new Date();

  beforeAll(async () => {
    bot = await startTestBot();
    base = `http://127.0.0.1:${bot.bot.port}/workspace/api/`;
    seeded = await seedWorkspace(inject('storageConnectionString'), bot.env.TABLE_PREFIX!, { mentors: 48, youngPeople: 7, now });
  });
  afterAll(() => bot?.stop());

  const call = (path: string, as: { id: string } | undefined, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { ...(as ? { [LOCAL]: as.id } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
  const json = async (path: string, as: { id: string } | undefined, init: RequestInit = {}) => {
    const response = await call(path, as, init);
    return { status: response.status, body: (await response.json()) as any };
  };

  it('serves the built tab at /workspace/, gzipped, from the bot process', async () => {
    const page = await fetch(`http://127.0.0.1:${bot.bot.port}/workspace/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="(\/workspace\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`http://127.0.0.1:${bot.bot.port}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('lists the local cast, marked local, and refuses anyone without a sign-in with 401 and no internal text', async () => {
    const cast = await json('local-cast', undefined);
    expect(cast.body.local).toBe(true);
    expect(cast.body.people.map((person: { name: string }) => person.name)).toContain('Isaiah Langer');
    for (const as of [undefined, { id: 'ffffffff-ffff-4fff-8fff-ffffffffffff' }]) {
      const refused = await json('overview', as);
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({ error: { code: 'SIGN_IN_REQUIRED', message: 'Please sign in again: the workspace could not confirm who you are.' } });
    }
  });

  it('tells the tab who is signed in and whether they coordinate, by the bot\'s own check', async () => {
    expect((await json('me', ISAIAH)).body).toMatchObject({ person: { id: ISAIAH.id, name: ISAIAH.name }, coordinator: true, mode: 'local' });
    expect((await json('me', ALEX)).body).toMatchObject({ person: { id: ALEX.id }, coordinator: false });
  });

  it('refuses a non-coordinator every coordinator route with 403, and changes nothing', async () => {
    for (const [method, path] of COORDINATOR_ROUTES) {
      const answer = await json(path, ALEX, method === 'POST' ? { method, body: '{}' } : {});
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.error.code).toBe('NOT_COORDINATOR');
    }
    const training = await sessionStore().get('training-1');
    expect(training?.session.cancelledAt).toBeUndefined();
    expect(training?.session.bookings.some((booking) => booking.attended !== undefined)).toBe(false);
  });

  it("shows a non-coordinator their own page and nothing of anyone else's", async () => {
    const page = await json('me/page', ALEX);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain('Mentor 0');
    expect(page.body).toMatchObject({ name: ALEX.name, sessions: [], minutesByMonth: {} });
  });

  it('gives the coordinator the funnel with the people in each bar, as stored', async () => {
    const { status, body } = await json('overview', ISAIAH);
    expect(status).toBe(200);
    const count = (stages: string[]) => seeded.mentors.filter((mentor) => stages.includes(mentor.stage)).length;
    expect(Object.fromEntries(body.funnel.map((bar: { bar: string; count: number }) => [bar.bar, bar.count]))).toEqual({
      interested: count(['interested', 'awaitingApproval']),
      approved: count(['approved']),
      booked: count(['booked']),
      trained: count(['trained']),
      ready: count(['profileComplete']),
      matched: count(['matched']),
      mentoring: count(['active']),
      ended: count(['ended']),
    });
    const trainedBar = body.funnel.find((bar: { bar: string }) => bar.bar === 'trained');
    expect(trainedBar.people.map((person: { id: string }) => person.id).sort()).toEqual(seeded.mentors.filter((m) => m.stage === 'trained').map((m) => m.id).sort());
    expect(body.trainedWithoutYoungPerson).toHaveLength(count(['trained', 'profileComplete']));
    expect(body.youngPeopleWaitingDays).toHaveLength(7);
    expect(JSON.stringify(body)).not.toMatch(/LC-W|Jay/);
  });

  it('lists mentors with approval, DBS and match, and young people by reference only, each read logged', async () => {
    const mentors = await json('mentors', ISAIAH);
    expect(mentors.body).toHaveLength(48);
    const waiting = mentors.body.find((row: { stage: string }) => row.stage === 'awaitingApproval');
    expect(waiting.approval.waitingOn).toEqual(['Megan Bowen']);
    expect(mentors.body.filter((row: { matched: boolean }) => row.matched)).toHaveLength(seeded.mentors.filter((m) => m.stage === 'matched' || m.stage === 'active').length);
    const { storage } = await tables();
    const accessRows = async (): Promise<string[]> => {
      const ids: string[] = [];
      for await (const row of (await storage.openTable('YoungPersonAccess')).listEntities<{ youngPersonId: string; purpose: string }>()) if (row.purpose === 'list') ids.push(row.youngPersonId);
      return ids;
    };
    const before = (await accessRows()).length;
    const youngPeople = await json('young-people?page=0', ISAIAH);
    const { rows, total, pages } = youngPeople.body as { rows: { reference: string; status: string; daysWaiting?: number }[]; total: number; pages: number };
    expect(rows.filter((row) => row.status === 'waiting')).toHaveLength(7);
    expect(rows.slice(0, 7).map((row) => row.status)).toEqual(Array(7).fill('waiting'));
    const waited = rows.slice(0, 7).map((row) => row.daysWaiting!);
    expect(waited).toEqual([...waited].sort((a, b) => b - a));
    expect(rows).toHaveLength(Math.min(25, total));
    expect(pages).toBe(Math.ceil(total / 25));
    expect(Object.keys(rows[0]!).sort()).toEqual(expect.arrayContaining(['reference', 'status']));
    expect(JSON.stringify(youngPeople.body)).not.toMatch(/Jay|2006-06-15|Sam Patel/);
    // Exactly the records shown were read and logged: no more, no fewer.
    expect((await accessRows()).length - before).toBe(rows.length);
  });

  it('reminds the approver of a pending approval through the journey use case, audited, and says when there is nobody to remind', async () => {
    const pending = seeded.mentors.find((mentor) => mentor.stage === 'awaitingApproval')!;
    const reminded = await json(`mentors/${pending.id}/remind`, ISAIAH, { method: 'POST', body: '{}' });
    expect(reminded.status).toBe(200);
    const stored = await (await mentorStore()).get(pending.id);
    expect(stored?.value.approval?.remindedAt).toBe(reminded.body.remindedAt);
    const notPending = seeded.mentors.find((mentor) => mentor.stage === 'approved')!;
    const refused = await json(`mentors/${notPending.id}/remind`, ISAIAH, { method: 'POST', body: '{}' });
    expect(refused).toEqual({ status: 400, body: { error: { code: 'NOTHING_TO_REMIND', message: 'This person is not waiting for an approval any more, so there is nobody to remind.' } } });
  });

  it('refuses a register it cannot read, or with someone not booked, and stores nothing', async () => {
    for (const body of ['not json', JSON.stringify({ present: 'everyone' }), JSON.stringify({ present: ['someone-else'] })]) {
      const answer = await json('sessions/training-1/register', ISAIAH, { method: 'POST', body });
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(/register|JSON/);
      expect(JSON.stringify(answer.body)).not.toMatch(/SyntaxError|at \w+ \(/);
    }
    expect((await sessionStore().get('training-1'))?.session.bookings.some((booking) => booking.attended !== undefined)).toBe(false);
  });

  it('records the register in one go through the sessions use case: each trainee present becomes trained', async () => {
    const present = seeded.trainees.slice(0, -2).map((person) => person.id);
    const answer = await json('sessions/training-1/register', ISAIAH, { method: 'POST', body: JSON.stringify({ present }) });
    expect(answer.status).toBe(200);
    expect(answer.body.booked.filter((each: { attended?: boolean }) => each.attended).map((each: { personId: string }) => each.personId).sort()).toEqual([...present].sort());
    const stored = (await sessionStore().get('training-1'))!.session;
    expect(stored.bookings.filter((booking) => booking.attended).map((booking) => booking.personId).sort()).toEqual([...present].sort());
    const mentors = await mentorStore();
    await eventually(async () => {
      for (const id of present) expect((await mentors.get(id))?.value.stage).toBe('trained');
    });
    expect(present.length).toBeGreaterThan(3);
    expect((await mentors.get(seeded.trainees.at(-1)!.id))?.value.stage).toBe('booked');
  });

  it('approves and marks paid a month of claims in bulk, as the chat then shows', async () => {
    const month = seeded.claimMonth;
    const listed = await json(`claims?month=${month}`, ISAIAH);
    expect(listed.status).toBe(200);
    expect(listed.body.claims).toHaveLength(seeded.claims);
    expect(listed.body.totals.owed).toBe(listed.body.claims.reduce((sum: number, claim: { amountPence: number }) => sum + claim.amountPence, 0));

    const bad = await json('claims/decide', ISAIAH, { method: 'POST', body: JSON.stringify({ decision: 'delete', claims: listed.body.claims }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('Choose approve or mark paid.');
    expect((await claimStates(month)).every((state) => state === 'submitted')).toBe(true);

    const refs = listed.body.claims.map(({ matchId, claimId }: { matchId: string; claimId: string }) => ({ matchId, claimId }));
    const approved = await json('claims/decide', ISAIAH, { method: 'POST', body: JSON.stringify({ decision: 'approve', claims: refs }) });
    expect(approved.body).toEqual({ done: seeded.claims, refused: [] });
    expect((await claimStates(month)).every((state) => state === 'approved')).toBe(true);

    const paid = await json('claims/decide', ISAIAH, { method: 'POST', body: JSON.stringify({ decision: 'pay', claims: refs.slice(0, 2) }) });
    expect(paid.body.done).toBe(2);
    expect((await claimStates(month)).filter((state) => state === 'paid')).toHaveLength(2);

    const csv = await call(`claims.csv?month=${month}`, ISAIAH);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\n').filter((line) => line.includes('Mentor '))).toHaveLength(seeded.claims);

    // The chat side: the coordinator's claims card reads the same rows (no Approve button left, two shown paid).
    await bot.send(message(ISAIAH, 'claims'));
    const card = await eventually(() => {
      const found = bot.connector.to(conversationOf(ISAIAH)).map(cardText).find((text) => text.includes(`Refreshment claims: ${formatMonth(month)}`));
      if (!found) throw new Error('no claims card yet');
      return found;
    });
    expect(card.split(`Status: ${describeClaimState('paid')}`)).toHaveLength(3);
    expect(card.split(`Status: ${describeClaimState('approved')}`)).toHaveLength(seeded.claims - 2 + 1);
    expect(card).not.toContain(`Status: ${describeClaimState('submitted')}`);
  });

  it('gives every live match its minutes month by month against 90, flagged when two finished months fall short', async () => {
    const { status, body } = await json('commitment', ISAIAH);
    expect(status).toBe(200);
    const live = seeded.mentors.filter((mentor) => mentor.stage === 'matched' || mentor.stage === 'active');
    expect(body.rows.map((row: { mentorName: string }) => row.mentorName).sort()).toEqual(live.map((mentor) => mentor.name).sort());
    expect(body.months.at(-1)).toBe(seeded.claimMonth);
    const active = new Set(seeded.mentors.filter((mentor) => mentor.stage === 'active').map((mentor) => mentor.name));
    for (const row of body.rows) {
      expect(row.minutes.at(-1), row.mentorName).toBe(active.has(row.mentorName) ? 60 : 0);
      expect(row).toMatchObject({ belowTwoMonthsRunning: true, reviewDate: '2027-03-01', endDate: '2028-03-01' });
    }
    expect(JSON.stringify(body)).not.toMatch(/matched-yp|LC-M/);
  });

  it('gives the shortlist for a waiting young person with the reasons each mentor is ruled out, and refuses what it cannot put forward', async () => {
    const waiting = await json('matching/waiting', ISAIAH);
    expect(waiting.body.map((each: { reference: string }) => each.reference)).toContain('LC-W0000');
    const { status, body } = await json('matching/waiting-yp-0/shortlist', ISAIAH);
    expect(status).toBe(200);
    // No seeded mentor has written a pen picture, so every one is ruled out, each with the matching rule's sentence.
    expect(body.suggestions).toEqual([]);
    expect(body.excluded.length).toBeGreaterThan(0);
    expect(body.excluded.every((each: { reasons: string[] }) => each.reasons.length > 0)).toBe(true);
    const bad = await json('matching/waiting-yp-0/put-forward', ISAIAH, { method: 'POST', body: JSON.stringify({ mentorIds: 'everyone' }) });
    expect(bad).toEqual({ status: 400, body: { error: { code: 'PUT_FORWARD_INVALID', message: 'Choose the mentors to put forward, then try again.' } } });
    const notOnList = await json('matching/waiting-yp-0/put-forward', ISAIAH, { method: 'POST', body: JSON.stringify({ mentorIds: [seeded.mentors[0]!.id] }) });
    expect(notOnList.status).toBe(400);
    expect(notOnList.body.error.message).not.toMatch(/Error|at /);
  });

  it('refuses a month it cannot read with a clear message', async () => {
    const answer = await json('claims?month=last-month', ISAIAH);
    expect(answer).toEqual({ status: 400, body: { error: { code: 'MONTH_INVALID', message: 'Please give a month as YYYY-MM, such as 2026-11.' } } });
  });

  async function tables() {
    const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
    const storage = await openStorage(clients, bot.env.TABLE_PREFIX!);
    return { storage, queue: new EffectQueue(storage.effectQueue, () => new Date()) };
  }
  function sessionStore() {
    return {
      get: async (id: string) => {
        const { storage, queue } = await tables();
        return new SessionRepository(await storage.openTable('Sessions'), queue, () => new Date()).get(id);
      },
    };
  }
  async function mentorStore() {
    const { storage, queue } = await tables();
    return new MentorRepository(await storage.openTable('Mentors'), queue, () => new Date());
  }
  async function claimStates(month: string) {
    const { storage, queue } = await tables();
    const relationships = new RelationshipRepository(await storage.openTable('Relationships'), queue, () => new Date());
    return (await relationships.claimsForMonth(month)).map((claim) => claim.value.state);
  }
});

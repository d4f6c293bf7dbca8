import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../../../src/platform/app/ports.js';
import type { CohortBookChange, CohortDeps } from '../../../src/sessions/app/cohort-ports.js';
import { openCohort } from '../../../src/sessions/app/open-cohort.js';
import { seedSchemeCohort } from '../../../src/sessions/app/seed-scheme-cohort.js';
import { sessionsOrWait } from '../../../src/sessions/app/wait-for-dates.js';
import { cohortSessionDrafts, EMPTY_COHORT_BOOK } from '../../../src/sessions/domain/index.js';
import { CohortRepository } from '../../../src/sessions/store/cohort.repository.js';
import { freshSessionStorage } from '../../support/session-storage.js';

const COORDINATOR = 'c0000000-0000-4000-8000-000000000001';
const NOW = new Date('2026-12-04T10:00:00Z');
const FORM = { name: '2027 cohort', informationDate: '2027-11-08', informationStart: '10:00', informationEnd: '12:00', trainingDate: '2027-11-29', trainingStart: '09:30', trainingEnd: '16:30', location: 'online', seats: '20', closesHoursBefore: '24' };
const MENTOR = { id: 'a0000000-0000-4000-8000-000000000002', name: 'Alex Wilber', stage: 'approved' as const };

async function cohortDeps(now: () => Date = () => NOW): Promise<CohortDeps & { table: Awaited<ReturnType<typeof freshSessionStorage>>['table'] }> {
  const storage = await freshSessionStorage(now, [COORDINATOR]);
  return { ...storage.deps, cohorts: new CohortRepository(storage.table, storage.queue, now), cohortDefaults: { location: { type: 'online' }, seats: 20 }, timeZone: 'Europe/London', table: storage.table };
}

describe('cohorts on Azurite', () => {
  it('keeps the book in one etag-guarded row: a stale write is refused, an empty book reads as empty', async () => {
    const deps = await cohortDeps();
    expect(await deps.cohorts.get()).toEqual({ value: EMPTY_COHORT_BOOK });
    await deps.cohorts.save({ value: { cohorts: [], waitingForDates: [{ mentorId: 'm', name: 'M', since: NOW.toISOString() }] }, audit: [], effects: [] });
    const read = await deps.cohorts.get();
    expect(read.value.waitingForDates).toHaveLength(1);
    await deps.cohorts.save({ value: EMPTY_COHORT_BOOK, etag: read.etag!, audit: [], effects: [] });
    await expect(deps.cohorts.save({ value: EMPTY_COHORT_BOOK, etag: read.etag!, audit: [], effects: [] })).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(deps.cohorts.save({ value: EMPTY_COHORT_BOOK, audit: [], effects: [] })).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('stores the sessions as belonging to their cohort, and queues one booking card per mentor waiting', async () => {
    const deps = await cohortDeps();
    expect(await sessionsOrWait(deps, MENTOR)).toBe('waitingForDates');
    expect(await sessionsOrWait(deps, MENTOR)).toBe('waitingForDates');
    expect((await deps.cohorts.get()).value.waitingForDates.map((w) => w.name)).toEqual(['Alex Wilber']);
    const opened = await openCohort(deps, { id: COORDINATOR, name: 'Isaiah Langer' }, FORM);
    expect(opened.ok && opened.value.offered).toBe(1);
    expect((await deps.sessions.get('cohort-2027-training'))?.session.cohortId).toBe('cohort-2027');
    expect((await deps.sessions.get('cohort-2027-information-session'))?.session.cohortId).toBe('cohort-2027');
    const book = (await deps.cohorts.get()).value;
    expect(book.waitingForDates).toEqual([]);
    expect(book.cohorts.map((c) => [c.id, c.name, c.sessionIds])).toEqual([['cohort-2027', '2027 cohort', ['cohort-2027-information-session', 'cohort-2027-training']]]);
    const outbox = [];
    for await (const row of deps.table.listEntities<{ effect?: string }>({ queryOptions: { filter: "PartitionKey eq '%cohorts'" } })) outbox.push(row);
    expect(outbox.filter((row) => JSON.stringify(row).includes('cohortOffer'))).toHaveLength(1);
    // Now there is something to book, the mentor is shown it and does not wait again.
    expect(await sessionsOrWait(deps, MENTOR)).toBe('sessions');
    expect((await deps.cohorts.get()).value.waitingForDates).toEqual([]);
  });

  it('never waits a mentor who is not at the approved stage', async () => {
    const deps = await cohortDeps();
    expect(await sessionsOrWait(deps, { ...MENTOR, stage: 'trained' })).toBe('sessions');
    expect((await deps.cohorts.get()).value.waitingForDates).toEqual([]);
  });

  it('opens the scheme file\'s cohort only while it can be booked, and only once', async () => {
    const drafts = cohortSessionDrafts({ year: 2026, location: { type: 'online' }, seats: 30 });
    if (!drafts.ok) throw new Error(drafts.error.message);
    const past = await cohortDeps();
    expect(await seedSchemeCohort(past, 2026, drafts.value)).toBe('past');
    expect(await past.sessions.get('cohort-2026-training')).toBeUndefined();
    expect((await past.cohorts.get()).value.cohorts).toEqual([]);
    const ahead = await cohortDeps(() => new Date('2026-10-01T10:00:00Z'));
    expect(await seedSchemeCohort(ahead, 2026, drafts.value)).toBe('opened');
    expect(await seedSchemeCohort(ahead, 2026, drafts.value)).toBe('existed');
    expect((await ahead.cohorts.get()).value.cohorts.map((c) => c.name)).toEqual(['2026 cohort']);
    expect((await ahead.sessions.get('cohort-2026-training'))?.session.cohortId).toBe('cohort-2026');
  });

  it('refuses to open a cohort over sessions left from before cohorts were kept', async () => {
    const deps = await cohortDeps();
    const drafts = cohortSessionDrafts({ year: 2027, location: { type: 'online' }, seats: 30 });
    if (!drafts.ok) throw new Error(drafts.error.message);
    await deps.sessions.save({ session: { ...drafts.value[1]!, bookings: [] }, version: 1, audit: [], effects: [] });
    const opened = await openCohort(deps, { id: COORDINATOR, name: 'Isaiah Langer' }, FORM);
    expect(!opened.ok && opened.error.problems.map((p) => p.code)).toEqual(['COHORT_EXISTS']);
    expect((await deps.cohorts.get()).value.cohorts).toEqual([]);
  });

  it('misses no cohort opened while a mentor joins the wait: whoever takes them off sends the card, once', async () => {
    const deps = await cohortDeps();
    const coordinator = { id: COORDINATOR, name: 'Isaiah Langer' };
    // The cohort opens right after the mentor's wait is stored, before they look again.
    const racing = raceOnce(deps, async () => {
      expect((await openCohort(deps, coordinator, FORM)).ok).toBe(true);
    }, (change) => change.value.waitingForDates.length > 0);
    expect(await sessionsOrWait(racing, MENTOR)).toBe('waitingForDates');
    const offers = [];
    for await (const row of deps.table.listEntities({ queryOptions: { filter: "PartitionKey eq '%cohorts'" } })) if (JSON.stringify(row).includes('cohortOffer')) offers.push(row);
    expect(offers).toHaveLength(1);
    expect((await deps.cohorts.get()).value.waitingForDates).toEqual([]);
  });

  it('takes a mentor off the wait itself when sessions open another way in between, and shows them', async () => {
    const deps = await cohortDeps();
    const drafts = cohortSessionDrafts({ year: 2027, location: { type: 'online' }, seats: 30 });
    if (!drafts.ok) throw new Error(drafts.error.message);
    const racing = raceOnce(deps, async () => {
      await deps.sessions.save({ session: { ...drafts.value[1]!, id: 'extra-training', bookings: [] }, version: 1, audit: [], effects: [] });
    });
    expect(await sessionsOrWait(racing, MENTOR)).toBe('sessions');
    expect((await deps.cohorts.get()).value.waitingForDates).toEqual([]);
  });
});

/** The deps with a cohort book that runs `between` once, right after the first save `when` picks is stored: a race, on cue. */
function raceOnce<D extends CohortDeps>(deps: D, between: () => Promise<void>, when: (change: CohortBookChange) => boolean = () => true): CohortDeps {
  let done = false;
  return {
    ...deps,
    cohorts: {
      get: () => deps.cohorts.get(),
      save: async (change) => {
        await deps.cohorts.save(change);
        if (!done && when(change)) {
          done = true;
          await between();
        }
      },
    },
  };
}

import type { CohortOverview } from '../../../src/sessions/app/cohort-views.js';
import { cohortFormDefaults, EMPTY_COHORT_BOOK, openSession, type Session } from '../../../src/sessions/domain/index.js';
import type { AdaptiveCardJson } from '../../../src/platform/teams/cards/card.js';
import { cohortsCard } from '../../../src/sessions/teams/cards/cohorts.card.js';
import { datesNotSetCard } from '../../../src/sessions/teams/cards/dates-not-set.card.js';
import { openCohortFormCard } from '../../../src/sessions/teams/cards/open-cohort-form.card.js';

const NOW = new Date('2026-12-04T10:00:00Z');
const EVIL = '[Alex](http://evil) **Wilber**';

const session = (id: string, kind: Session['kind'], startsAt: string): Session =>
  openSession({ id, kind, title: id, startsAt, endsAt: new Date(Date.parse(startsAt) + 7_200_000).toISOString(), timeZone: 'Europe/London', location: { type: 'online' }, seats: 30, bookingClosesAt: startsAt });
const cohort = (year: number) => ({
  id: `cohort-${year}`,
  name: `${year} cohort`,
  sessionIds: [`i${year}`, `t${year}`],
  openedAt: NOW.toISOString(),
  openedBy: { id: 'c', name: 'Isaiah Langer' },
});
const waiting = Array.from({ length: 14 }, (_, i) => ({ mentorId: `m${i}`, name: i === 0 ? EVIL : `Mentor ${i}`, since: NOW.toISOString() }));

const noneOpen: CohortOverview = {
  cohorts: [2026, 2025, 2024, 2023].map((year) => ({ cohort: cohort(year), status: 'past' as const, sessions: [session(`i${year}`, 'informationSession', `${year}-11-09T10:00:00.000Z`), session(`t${year}`, 'training', `${year}-11-30T09:30:00.000Z`)] })),
  waitingForDates: waiting,
  anyOpen: false,
};
const open: CohortOverview = {
  cohorts: [{ cohort: cohort(2027), status: 'open', sessions: [session('i2027', 'informationSession', '2027-11-08T10:00:00.000Z'), session('t2027', 'training', '2027-11-29T09:30:00.000Z')] }, ...noneOpen.cohorts.slice(0, 1)],
  waitingForDates: [],
  anyOpen: true,
};
const defaults = cohortFormDefaults({ location: { type: 'inPerson', venue: 'Civic Centre' }, seats: 30 }, EMPTY_COHORT_BOOK, NOW);

/** The cohort cards in their states, for the card checks in cards.test.ts. */
export const COHORT_CARDS: Array<[string, AdaptiveCardJson]> = [
  ['cohorts: none open, mentors waiting, past cohorts folded', cohortsCard(noneOpen)],
  ['cohorts: one open, just opened', cohortsCard(open, 'Opened: 2027 cohort. Approved mentors can book now.')],
  ['cohorts: nothing yet', cohortsCard({ cohorts: [], waitingForDates: [], anyOpen: false })],
  ['cohorts: open the next cohort form', openCohortFormCard('Europe/London', defaults)],
  ['cohorts: open the next cohort form, refused', openCohortFormCard('Europe/London', { ...defaults, name: EVIL, seats: '0' }, [{ field: 'name', code: 'COHORT_EXISTS', message: 'There is already a cohort called "2027 cohort".' }, { field: 'seats', code: 'INVALID_SEATS', message: 'Seats must be a whole number from 1 to 500.' }])],
  ['cohorts: dates not set, on approval', datesNotSetCard({ approved: true })],
  ['cohorts: dates not set', datesNotSetCard()],
];

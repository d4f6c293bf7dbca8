import { stageStartedAt, type Mentor, type MentorStage } from '../../journey/domain/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import { mentorRoster } from '../../matching/index.js';
import type { WorkspaceDeps } from './workspace-deps.js';

/** The funnel's bars, in the scheme's order, and the journey stages each one holds. */
export const FUNNEL: readonly { readonly bar: string; readonly label: string; readonly stages: readonly MentorStage[] }[] = [
  { bar: 'interested', label: 'Interested', stages: ['interested', 'awaitingApproval'] },
  { bar: 'approved', label: 'Approved', stages: ['approved'] },
  { bar: 'booked', label: 'Booked', stages: ['booked'] },
  { bar: 'trained', label: 'Trained', stages: ['trained'] },
  { bar: 'ready', label: 'Ready (pen picture)', stages: ['profileComplete'] },
  { bar: 'matched', label: 'Matched', stages: ['matched'] },
  { bar: 'mentoring', label: 'Mentoring', stages: ['active'] },
  { bar: 'ended', label: 'Ended', stages: ['ended'] },
];

export interface OverviewPerson {
  readonly id: string;
  readonly name: string;
  readonly stage: MentorStage;
  /** Days since they came into the stage; for a record from before that was kept, since its last change (`stageSinceKnown` false). */
  readonly days: number;
  readonly stageSinceKnown: boolean;
}

export interface Overview {
  readonly funnel: readonly { readonly bar: string; readonly label: string; readonly count: number; readonly people: readonly OverviewPerson[] }[];
  /** Report 3.8: trained (or ready) and no young person; how long each has waited, longest first. */
  readonly trainedWithoutYoungPerson: readonly (OverviewPerson & { readonly hasProfile: boolean; readonly dbsCleared: boolean })[];
  /** Report 13.1: young people waiting for a mentor, as days waited only (nobody identifiable). */
  readonly youngPeopleWaitingDays: readonly number[];
  readonly youngPeopleByStatus: Readonly<Record<string, number>>;
}

const DAY_MS = 86_400_000;

/**
 * The scheme at a glance, for a coordinator: the mentor list (the coordinator check is its own) and two plain columns
 * of the young people's table (status, waiting since), nothing of a young person's record. The same figures as the
 * `pipeline` use case, from one read of the mentors instead of two.
 */
export async function overview(deps: WorkspaceDeps, actor: PersonRef): Promise<Result<Overview>> {
  const [roster, youngPeopleByStatus, waiting] = await Promise.all([
    mentorRoster(deps.matching, actor),
    deps.matching.youngPeople.countByStatus(),
    deps.matching.youngPeople.waitingSince(),
  ]);
  if (!roster.ok) return roster;
  const now = deps.sessions.clock.now().getTime();
  const daysSince = (iso: string): number => Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));
  const person = (mentor: Mentor): OverviewPerson => {
    const since = stageStartedAt(mentor);
    return { id: mentor.id, name: mentor.name, stage: mentor.stage, days: daysSince(since.at), stageSinceKnown: since.known };
  };
  const funnel = FUNNEL.map(({ bar, label, stages }) => {
    const people = roster.value.filter((entry) => stages.includes(entry.mentor.stage)).map((entry) => person(entry.mentor));
    return { bar, label, count: people.length, people: people.sort((a, b) => b.days - a.days) };
  });
  const trainedWithoutYoungPerson = roster.value
    .filter((entry) => entry.mentor.stage === 'trained' || entry.mentor.stage === 'profileComplete')
    .map((entry) => ({ ...person(entry.mentor), hasProfile: entry.hasProfile, dbsCleared: entry.dbs === 'cleared' }))
    .sort((a, b) => b.days - a.days);
  const youngPeopleWaitingDays = waiting.map((each) => (each.since ? daysSince(each.since) : 0)).sort((a, b) => b - a);
  return ok({ funnel, trainedWithoutYoungPerson, youngPeopleWaitingDays, youngPeopleByStatus });
}

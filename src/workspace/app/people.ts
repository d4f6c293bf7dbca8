import { stageStartedAt, type Mentor } from '../../journey/domain/index.js';
import { remindApprover } from '../../journey/index.js';
import { mentorRoster, youngPeoplePage, type RosterEntry } from '../../matching/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export interface MentorRow {
  readonly id: string;
  readonly name: string;
  readonly role?: string;
  readonly stage: string;
  /** Days since the mentor came into this stage; for a record from before that was kept, since its last change (`stageSinceKnown` false). */
  readonly daysInStage: number;
  readonly stageSinceKnown: boolean;
  /** A pending approval: who it waits on and since when. */
  readonly approval?: { readonly waitingOn: readonly string[]; readonly since: string };
  readonly dbs: RosterEntry['dbs'];
  readonly dbsRenewsOn?: string;
  readonly hasProfile: boolean;
  readonly matched: boolean;
}

export interface YoungPersonRow {
  /** The service's own reference: no name, no date of birth (the least data the list needs). */
  readonly reference: string;
  readonly status: string;
  readonly daysWaiting?: number;
}

const DAY_MS = 86_400_000;

function daysInStage(mentor: Mentor, now: number): { daysInStage: number; stageSinceKnown: boolean } {
  const since = stageStartedAt(mentor);
  return { daysInStage: Math.max(0, Math.floor((now - Date.parse(since.at)) / DAY_MS)), stageSinceKnown: since.known };
}

/** Every mentor, for a coordinator. */
export async function mentorRows(deps: WorkspaceDeps, actor: PersonRef): Promise<Result<MentorRow[]>> {
  const roster = await mentorRoster(deps.matching, actor);
  if (!roster.ok) return roster;
  const now = deps.sessions.clock.now().getTime();
  return ok(
    roster.value.map(({ mentor, dbs, dbsRenewsOn, hasProfile, activeMatches }) => ({
      id: mentor.id,
      name: mentor.name,
      ...(mentor.details ? { role: mentor.details.role === 'electedMember' ? 'Councillor' : 'Senior manager' } : {}),
      stage: mentor.stage,
      ...daysInStage(mentor, now),
      ...(mentor.approval?.status === 'pending'
        ? { approval: { waitingOn: mentor.approval.approvers.map((approver) => approver.name), since: mentor.approval.requestedAt } }
        : {}),
      dbs,
      ...(dbsRenewsOn ? { dbsRenewsOn } : {}),
      hasProfile,
      matched: activeMatches > 0,
    })),
  );
}

export interface YoungPeopleRows {
  readonly rows: readonly YoungPersonRow[];
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

export const YOUNG_PEOPLE_PAGE = 25;

/** One page of young people not closed (those matching `search`, when given), for a coordinator: only the page's records are read, and logged, as shown. */
export async function youngPersonRows(deps: WorkspaceDeps, actor: PersonRef, page: unknown, search?: unknown): Promise<Result<YoungPeopleRows>> {
  const wanted = typeof page === 'string' && /^\d{1,6}$/.test(page) ? Number(page) : 0;
  const listed = await youngPeoplePage(deps.matching, actor, wanted, YOUNG_PEOPLE_PAGE, search);
  if (!listed.ok) return listed;
  const now = deps.sessions.clock.now().getTime();
  return ok({
    rows: listed.value.youngPeople.map((youngPerson) => ({
      reference: youngPerson.reference,
      status: youngPerson.status,
      ...(youngPerson.status === 'waiting' ? { daysWaiting: Math.max(0, Math.floor((now - Date.parse(youngPerson.updatedAt)) / DAY_MS)) } : {}),
    })),
    page: listed.value.page,
    pages: listed.value.pages,
    total: listed.value.total,
  });
}

/** "Remind" on a pending approval: the journey's use case sends the approvers the card again. */
export async function remindMentorsApprover(deps: WorkspaceDeps, actor: PersonRef, mentorId: string): Promise<Result<{ remindedAt: string }>> {
  const reminded = await remindApprover(deps.sessions, actor, mentorId);
  return reminded.ok ? ok({ remindedAt: reminded.value.approval?.remindedAt ?? '' }) : reminded;
}

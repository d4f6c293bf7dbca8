import { remindApprover } from '../../journey/index.js';
import { listYoungPeople, mentorRoster, type RosterEntry } from '../../matching/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export interface MentorRow {
  readonly id: string;
  readonly name: string;
  readonly role?: string;
  readonly stage: string;
  readonly daysInStage: number;
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
      daysInStage: Math.max(0, Math.floor((now - Date.parse(mentor.updatedAt)) / DAY_MS)),
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

/** Young people not closed, for a coordinator: each record read is logged by the store, as the chat's list does. */
export async function youngPersonRows(deps: WorkspaceDeps, actor: PersonRef): Promise<Result<YoungPersonRow[]>> {
  const listed = await listYoungPeople(deps.matching, actor, 'open');
  if (!listed.ok) return listed;
  const waitingSince = new Map((await deps.matching.youngPeople.waitingSince()).map((each) => [each.youngPersonId, each.since]));
  const now = deps.sessions.clock.now().getTime();
  return ok(
    listed.value.map((youngPerson) => {
      const since = waitingSince.get(youngPerson.id);
      return {
        reference: youngPerson.reference,
        status: youngPerson.status,
        ...(youngPerson.status === 'waiting' && since ? { daysWaiting: Math.max(0, Math.floor((now - Date.parse(since)) / DAY_MS)) } : {}),
      };
    }),
  );
}

/** "Remind" on a pending approval: the journey's use case sends the approvers the card again. */
export async function remindMentorsApprover(deps: WorkspaceDeps, actor: PersonRef, mentorId: string): Promise<Result<{ remindedAt: string }>> {
  const reminded = await remindApprover(deps.sessions, actor, mentorId);
  return reminded.ok ? ok({ remindedAt: reminded.value.approval?.remindedAt ?? '' }) : reminded;
}

import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { MentorStage } from '../../journey/domain/index.js';

/** What audience selection needs to know about a mentor. */
export interface AudienceMentor {
  readonly id: string;
  readonly stage: MentorStage;
  /** Set by whoever knows of a current match; the stages 'matched' and 'active' count as matched without it. */
  readonly matched?: boolean;
}

/** The journey groups a coordinator picks from, each a set of stages. */
export const AUDIENCE_GROUPS = {
  approvedNotBooked: ['approved'],
  booked: ['booked'],
  trainedNotMatched: ['trained', 'profileComplete'],
  matched: ['matched', 'active'],
} as const satisfies Record<string, readonly MentorStage[]>;

export type AudienceGroup = keyof typeof AUDIENCE_GROUPS;

/**
 * Who a broadcast goes to: mentors at any of `stages` or in any of `groups`, plus `people` by id (named people, or the
 * members of Entra groups the Graph adapter has already read). Someone picked twice gets one message.
 */
export interface AudienceCriteria {
  readonly stages?: readonly MentorStage[];
  readonly groups?: readonly AudienceGroup[];
  readonly people?: readonly string[];
}

export type AudienceErrorCode = 'AUDIENCE_EMPTY';

const NOT_IN_SCHEME: ReadonlySet<MentorStage> = new Set(['ended', 'withdrawn', 'declined']);

export function isMatched(mentor: AudienceMentor): boolean {
  if (NOT_IN_SCHEME.has(mentor.stage)) return false;
  return mentor.matched === true || mentor.stage === 'matched' || mentor.stage === 'active';
}

/** Ids in first-seen order, one per person; Entra ids are compared without regard to case. */
export function uniqueIds(ids: Iterable<string>): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of ids) {
    const id = raw.trim();
    const key = id.toLowerCase();
    if (id === '' || seen.has(key)) continue;
    seen.add(key);
    unique.push(id);
  }
  return unique;
}

export function selectAudience(mentors: readonly AudienceMentor[], criteria: AudienceCriteria): Result<string[], AudienceErrorCode> {
  const stages = new Set<MentorStage>([...(criteria.stages ?? []), ...(criteria.groups ?? []).flatMap((group) => AUDIENCE_GROUPS[group])]);
  const byStage = mentors.filter((mentor) => stages.has(mentor.stage)).map((mentor) => mentor.id);
  const recipients = uniqueIds([...byStage, ...(criteria.people ?? [])]);
  if (recipients.length === 0) return fail('AUDIENCE_EMPTY', 'Nobody matches this audience, so there is no one to send to.');
  return ok(recipients);
}

/** Everyone matched at this moment is invited to group supervision (4.5 in the report). An empty list is not an error. */
export function supervisionAudience(mentors: readonly AudienceMentor[]): string[] {
  return uniqueIds(mentors.filter(isMatched).map((mentor) => mentor.id));
}

/** Those in `audience` who have not been invited yet: mentors matched after the supervision invitations went out. */
export function notYetInvited(audience: readonly string[], invited: readonly string[]): string[] {
  const done = new Set(invited.map((id) => id.trim().toLowerCase()));
  return uniqueIds(audience).filter((id) => !done.has(id.toLowerCase()));
}

import type { PersonRef } from '../../platform/kernel/person.js';
import {
  approveClaim,
  claimsCsv,
  markClaimPaid,
  parseMonthKey,
  rejectClaim,
  type ClaimErrorCode,
  type MonthKey,
  type RefreshmentClaim,
} from '../domain/index.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import type { RelationshipDeps } from './relationship-ports.js';
import { asId } from './relationship-record.js';
import { restrictedRefusal } from '../../platform/app/restricted-people.js';
import { withoutRestrictedParties } from './restricted-matches.js';

export type ClaimDecision = 'approve' | 'reject' | 'pay';

/** The month a coordinator asks about: refused for anyone else, and for anything that is not a month as YYYY-MM. */
export function coordinatorsMonth(deps: RelationshipDeps, actor: PersonRef, value: unknown): Result<MonthKey> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) && parseMonthKey(value) ? ok(value) : fail('MONTH_INVALID', 'Please give a month as YYYY-MM, such as 2026-11.');
}

export interface MonthClaims {
  readonly month: MonthKey;
  readonly claims: readonly RefreshmentClaim[];
  readonly mentorNames: ReadonlyMap<string, string>;
}

/** A month's claims across every match (but those of restricted people), for the coordinator, with the mentors' names. */
export async function claimsForMonth(deps: RelationshipDeps, actor: PersonRef, month: unknown): Promise<Result<MonthClaims>> {
  const checked = coordinatorsMonth(deps, actor, month);
  if (!checked.ok) return checked;
  const stored = (await deps.relationships.claimsForMonth(checked.value)).map((each) => each.value);
  const claims = (await withoutRestrictedParties(deps, stored)).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return ok({ month: checked.value, claims, mentorNames: await mentorNamesOf(deps, claims.map((claim) => claim.mentorId)) });
}

const POINT_READS_AT_MOST = 10;

/** Mentors' names: a few point reads in parallel, or for more than a few one query of every mentor. */
export async function mentorNamesOf(deps: RelationshipDeps, mentorIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(mentorIds)];
  if (unique.length > POINT_READS_AT_MOST) {
    const everyone = new Map<string, string>();
    for await (const { value } of deps.journey.mentors.listAll()) everyone.set(value.id, value.name);
    return new Map(unique.map((id) => [id, everyone.get(id) ?? 'A mentor']));
  }
  const found = await Promise.all(unique.map(async (id) => [id, (await deps.journey.mentors.get(id))?.value.name ?? 'A mentor'] as const));
  return new Map(found);
}

/** Approve, reject or mark paid: one etag-guarded write of the claim with its audit entry. A paid claim is final. */
export async function decideClaim(
  deps: RelationshipDeps,
  actor: PersonRef,
  input: { matchId: unknown; claimId: unknown; decision: unknown; reason?: unknown },
): Promise<Result<RefreshmentClaim>> {
  const allowed = requireCoordinator(deps.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const { decision } = input;
  const matchId = asId(input.matchId);
  const claimId = asId(input.claimId);
  if (!matchId || !claimId || (decision !== 'approve' && decision !== 'reject' && decision !== 'pay')) {
    return fail('CLAIM_ACTION_INVALID', 'This button is out of date. Please type "claims" for the current list.');
  }
  const pair = (await deps.relationships.get(matchId))?.value;
  const refused = await restrictedRefusal(deps.journey.restricted, pair?.mentorId, pair?.youngPersonId);
  if (refused) return refused;
  return retryOnConflict(async (): Promise<Result<RefreshmentClaim>> => {
    const current = await deps.relationships.getClaim(matchId, claimId);
    if (!current) return fail('CLAIM_NOT_FOUND', 'That claim is not on record.');
    const now = deps.journey.clock.now();
    const decided: Result<RefreshmentClaim, ClaimErrorCode> =
      decision === 'approve'
        ? approveClaim(current.value, actor.name, now)
        : decision === 'pay'
          ? markClaimPaid(current.value, actor.name, now)
          : rejectClaim(current.value, actor.name, now, input.reason ?? '');
    if (!decided.ok) return decided;
    await deps.relationships.commit({
      matchId,
      claim: { value: decided.value, etag: current.etag },
      audit: [{ at: now.toISOString(), actor, action: `${decision}Claim`, subjectId: matchId, fromStage: current.value.state, toStage: decided.value.state, detail: claimId }],
      effects:
        decision === 'reject'
          ? [{ id: `${claimId}.rejected`, recipientId: current.value.mentorId, message: { type: 'claimRejected', matchId, claimId } }]
          : [],
    });
    return ok(decided.value);
  });
}

/** The month's claims as CSV for finance (every state but rejected). */
export async function exportClaims(deps: RelationshipDeps, actor: PersonRef, month: unknown): Promise<Result<{ month: MonthKey; csv: string; count: number }>> {
  const found = await claimsForMonth(deps, actor, month);
  if (!found.ok) return found;
  const { claims, mentorNames } = found.value;
  const csv = claimsCsv(claims, found.value.month, { mentorName: (id) => mentorNames.get(id), timeZone: deps.policy.timeZone });
  return ok({ month: found.value.month, csv, count: claims.filter((claim) => claim.state !== 'rejected').length });
}

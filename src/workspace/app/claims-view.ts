import { claimsForMonth, decideClaim, exportClaims } from '../../relationship/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { WorkspaceDeps } from './workspace-deps.js';

export interface ClaimRow {
  readonly matchId: string;
  readonly claimId: string;
  readonly mentor: string;
  readonly date: string;
  readonly amountPence: number;
  readonly purpose: string;
  readonly state: string;
}

export interface ClaimsMonth {
  readonly month: string;
  readonly claims: readonly ClaimRow[];
  /** Pence per state, and the total owed (everything not rejected). */
  readonly totals: Readonly<Record<'submitted' | 'approved' | 'paid' | 'rejected' | 'owed', number>>;
}

export async function claimsMonth(deps: WorkspaceDeps, actor: PersonRef, month: unknown): Promise<Result<ClaimsMonth>> {
  const found = await claimsForMonth(deps.relationship, actor, month);
  if (!found.ok) return found;
  const claims = found.value.claims.map((claim) => ({
    matchId: claim.matchId,
    claimId: claim.id,
    mentor: found.value.mentorNames.get(claim.mentorId) ?? 'A mentor',
    date: claim.date,
    amountPence: claim.amountPence,
    purpose: claim.purpose,
    state: claim.state,
  }));
  const totals = { submitted: 0, approved: 0, paid: 0, rejected: 0, owed: 0 };
  for (const claim of claims) {
    totals[claim.state as 'submitted' | 'approved' | 'paid' | 'rejected'] += claim.amountPence;
    if (claim.state !== 'rejected') totals.owed += claim.amountPence;
  }
  return ok({ month: found.value.month, claims, totals });
}

export interface BulkOutcome {
  readonly done: number;
  /** Each claim refused, with the use case's own sentence. */
  readonly refused: readonly { readonly claimId: string; readonly message: string }[];
}

const MAX_BULK = 500;

/** Approve or mark paid many claims: each through the relationship use case (authority, etag, audit), one by one. */
export async function decideClaims(deps: WorkspaceDeps, actor: PersonRef, body: unknown): Promise<Result<BulkOutcome>> {
  // Who may is checked before what was sent, so anyone else gets 403 whatever the body.
  const allowed = requireCoordinator(deps.relationship.journey.roles, actor);
  if (!allowed.ok) return allowed;
  const { decision, claims } = (body ?? {}) as { decision?: unknown; claims?: unknown };
  if (decision !== 'approve' && decision !== 'pay') return fail('BULK_DECISION_INVALID', 'Choose approve or mark paid.');
  if (!Array.isArray(claims) || claims.length === 0 || claims.length > MAX_BULK || !claims.every(isClaimRef)) {
    return fail('BULK_CLAIMS_INVALID', 'Choose at least one claim (at most 500 at once).');
  }
  const refused: { claimId: string; message: string }[] = [];
  let done = 0;
  for (const claim of claims) {
    const decided = await decideClaim(deps.relationship, actor, { matchId: claim.matchId, claimId: claim.claimId, decision });
    if (decided.ok) done += 1;
    else if (decided.error.code === 'NOT_COORDINATOR') return decided;
    else refused.push({ claimId: claim.claimId, message: decided.error.message });
  }
  return ok({ done, refused });
}

function isClaimRef(value: unknown): value is { matchId: string; claimId: string } {
  const ref = value as { matchId?: unknown; claimId?: unknown } | null;
  return !!ref && typeof ref.matchId === 'string' && typeof ref.claimId === 'string';
}

export async function claimsCsvFile(deps: WorkspaceDeps, actor: PersonRef, month: unknown): Promise<Result<{ month: string; csv: string }>> {
  const exported = await exportClaims(deps.relationship, actor, month);
  return exported.ok ? ok({ month: exported.value.month, csv: exported.value.csv }) : exported;
}

import type { PersonRef } from '../../platform/kernel/person.js';
import { describeClaimState, monthOfDate, type ClaimState } from '../domain/index.js';
import type { RelationshipDeps } from './relationship-ports.js';

export interface MyClaim {
  readonly claimId: string;
  /** YYYY-MM: the month of the meeting the claim is for. */
  readonly month: string;
  readonly date: string;
  readonly amountPence: number;
  readonly purpose: string;
  readonly state: ClaimState;
  /** The state in the words the chat uses ("waiting for approval"). */
  readonly status: string;
  readonly rejectionReason?: string;
}

/** A mentor's own refreshment claims, newest first: read by their own id through their own matches, nobody else's. */
export async function myClaims(deps: RelationshipDeps, actor: PersonRef): Promise<MyClaim[]> {
  const matches = await deps.matches.forMentor(actor.id);
  const claims = (await Promise.all(matches.map((match) => deps.relationships.claimsOf(match.id)))).flat().filter((claim) => claim.mentorId === actor.id);
  return claims
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .map((claim) => ({
      claimId: claim.id,
      month: monthOfDate(claim.date),
      date: claim.date,
      amountPence: claim.amountPence,
      purpose: claim.purpose,
      state: claim.state,
      status: describeClaimState(claim.state),
      ...(claim.rejectionReason ? { rejectionReason: claim.rejectionReason } : {}),
    }));
}

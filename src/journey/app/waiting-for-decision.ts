import { isApprover, type Mentor } from '../domain/index.js';
import type { JourneyDeps } from './journey-deps.js';

/** The requests waiting for this person's decision, oldest first: an approver sees these before anything else. */
export async function waitingForDecision(deps: JourneyDeps, personId: string): Promise<Mentor[]> {
  const waiting: Mentor[] = [];
  for await (const { value: mentor } of deps.mentors.listByStage('awaitingApproval')) {
    if (mentor.approval?.status === 'pending' && isApprover(mentor.approval, personId)) waiting.push(mentor);
  }
  return waiting.sort((a, b) => a.approval!.requestedAt.localeCompare(b.approval!.requestedAt));
}

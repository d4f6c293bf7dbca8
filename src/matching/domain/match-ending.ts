/**
 * Why a match ends: the words both capabilities use. Matching offers them when a coordinator closes the record of a
 * matched young person; the relationship capability decides what follows each one (src/relationship/domain/ending.ts).
 */
export const MATCH_END_REASONS = [
  'relationshipBrokeDown',
  'youngPersonMovedOn',
  'youngPersonNoLongerWants',
  'mentorUnavailable',
  'safeguardingDecision',
  'termComplete',
] as const;
export type MatchEndReason = (typeof MATCH_END_REASONS)[number];

/** How each reason reads as a choice on a form. */
export const MATCH_END_REASON_TITLES: Record<MatchEndReason, string> = {
  relationshipBrokeDown: 'It broke down: it was not working out',
  youngPersonMovedOn: 'The young person has moved on (work, college, a move away)',
  youngPersonNoLongerWants: 'The young person no longer wants a mentor',
  mentorUnavailable: 'The mentor is no longer available',
  safeguardingDecision: 'A safeguarding decision',
  termComplete: 'The term is complete (after six months or more)',
};

export function isMatchEndReason(value: unknown): value is MatchEndReason {
  return typeof value === 'string' && (MATCH_END_REASONS as readonly string[]).includes(value);
}

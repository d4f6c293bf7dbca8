import type { Match } from '../../matching/domain/index.js';
import type { RelationshipDeps } from './relationship-ports.js';

/** Matches whose mentor or young person is restricted (docs/privacy.md) are left out of the coordinator's lists. */
export async function withoutRestrictedMatches<T extends Pick<Match, 'mentorId' | 'youngPersonId'>>(deps: RelationshipDeps, matches: readonly T[]): Promise<T[]> {
  const restricted = await deps.journey.restricted.restrictedIds();
  return matches.filter((match) => !restricted.has(match.mentorId.toLowerCase()) && !restricted.has(match.youngPersonId.toLowerCase()));
}

/**
 * Of `items` (each of one match), those whose match has neither party restricted. A claim names its mentor, not its
 * young person: the relationship rows say who that is, read only when someone is restricted.
 */
export async function withoutRestrictedParties<T extends { readonly matchId: string; readonly mentorId: string }>(deps: RelationshipDeps, items: readonly T[]): Promise<T[]> {
  const restricted = await deps.journey.restricted.restrictedIds();
  if (restricted.size === 0) return [...items];
  const youngPersonOf = new Map((await deps.relationships.list()).map(({ value }) => [value.matchId, value.youngPersonId.toLowerCase()]));
  return items.filter((item) => !restricted.has(item.mentorId.toLowerCase()) && !restricted.has(youngPersonOf.get(item.matchId) ?? ''));
}

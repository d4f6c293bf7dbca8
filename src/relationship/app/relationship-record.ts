import type { Match } from '../../matching/domain/index.js';
import { parseLocalDate, startOfLocalDay, type CommitmentPause } from '../domain/index.js';
import { ConcurrencyError, type Versioned } from '../../platform/app/ports.js';
import type { Relationship, RelationshipDeps } from './relationship-ports.js';

/** The first instant of the match's start day in the council's zone: what the domain's month and term rules count from. */
export function startedAt(startedOn: string, timeZone: string): Date {
  const parts = parseLocalDate(startedOn.slice(0, 10));
  if (!parts) throw new RangeError('A match start day is not a date.');
  return startOfLocalDay(parts.year, parts.month, parts.day, timeZone);
}

export function newRelationship(match: Match, now: Date): Relationship {
  return {
    matchId: match.id,
    mentorId: match.mentorId,
    youngPersonId: match.youngPersonId,
    startedOn: match.startedOn,
    status: 'active',
    nudgedMonths: [],
    alertedMonths: [],
    createdAt: now.toISOString(),
  };
}

/** The relationship row for a match, created on first need (two instances creating it at once: one wins, both read it). */
export async function relationshipFor(deps: RelationshipDeps, match: Match): Promise<Versioned<Relationship>> {
  const found = await deps.relationships.get(match.id);
  if (found) return found;
  try {
    await deps.relationships.commit({ matchId: match.id, relationship: { value: newRelationship(match, deps.journey.clock.now()) }, audit: [], effects: [] });
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
  }
  const created = await deps.relationships.get(match.id);
  if (!created) throw new Error('relationship row missing after create');
  return created;
}

/** The active match a mentor means: the one named on the card if it is theirs, else their only (or first) one. */
export async function mentorsMatch(deps: RelationshipDeps, mentorId: string, matchId?: unknown): Promise<Match | undefined> {
  const matches = await deps.matches.forMentor(mentorId);
  return (typeof matchId === 'string' ? matches.find((match) => match.id === matchId) : undefined) ?? matches.sort((a, b) => a.startedOn.localeCompare(b.startedOn))[0];
}

/** An id from a card, fit to be a storage key (encoded, well under the 1 KiB key limit), or undefined. */
export function asId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && !/[\u0000-\u001f\u007f]/.test(value) ? value : undefined;
}

/** The match's pauses (its young person was paused), as the commitment rules read them. */
export function pausesOf(match: Pick<Match, 'pauses' | 'pausedSince'>): CommitmentPause[] {
  const ended = (match.pauses ?? []).map((pause) => ({ from: new Date(pause.from), to: new Date(pause.to) }));
  return match.pausedSince ? [...ended, { from: new Date(match.pausedSince) }] : ended;
}

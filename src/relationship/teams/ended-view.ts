import type { Relationship, YoungPersonContact } from '../app/relationship-ports.js';
import type { MatchEndedView } from './cards/match-ending.card.js';

/** The ended-match card's view of a stored ending, for whoever reads it; the note is the coordinator's only. */
export function endedView(
  relationship: Relationship,
  ending: NonNullable<Relationship['ending']>,
  reader: { forMentor: boolean; mentorName: string; youngPerson?: YoungPersonContact },
): MatchEndedView {
  return {
    matchId: relationship.matchId,
    reason: ending.reason,
    endedByName: ending.endedBy.name,
    youngPersonNext: ending.youngPerson,
    forMentor: reader.forMentor,
    mentorName: reader.mentorName,
    ...(ending.mentorNext ? { mentorNext: ending.mentorNext } : {}),
    ...(reader.youngPerson ? { youngPerson: reader.youngPerson } : {}),
    ...(!reader.forMentor && ending.note ? { note: ending.note } : {}),
    ...(ending.closedRecord ? { closedRecord: true } : {}),
  };
}

/** How the people invited to a session answered: booked (a place or a wait), can't make it, or nothing yet. */
export interface InvitationTally {
  readonly booked: number;
  readonly cantMakeIt: number;
  readonly noAnswer: number;
}

/** Counts only the broadcast's own recipients (ids compared without case); anyone else who booked is not counted. */
export function tallyAnswers(recipientIds: readonly string[], booked: readonly string[], declined: readonly string[]): InvitationTally {
  const yes = new Set(booked.map((id) => id.toLowerCase()));
  const no = new Set(declined.map((id) => id.toLowerCase()));
  let tally = { booked: 0, cantMakeIt: 0, noAnswer: 0 };
  for (const id of new Set(recipientIds.map((each) => each.toLowerCase()))) {
    if (yes.has(id)) tally = { ...tally, booked: tally.booked + 1 };
    else if (no.has(id)) tally = { ...tally, cantMakeIt: tally.cantMakeIt + 1 };
    else tally = { ...tally, noAnswer: tally.noAnswer + 1 };
  }
  return tally;
}

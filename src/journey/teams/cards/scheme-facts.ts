/** The scheme's asks, worded once for every card that states them (report 3.8, 4.1, 13.2). */
export const SCHEME_ASKS = [
  "A full day's training: safeguarding awareness, professional boundaries, the role of the mentor, relationship building, confidentiality and problem solving.",
  'At least 90 minutes a month with your young person, for at least 6 and at most 18 months.',
  "Your line manager's agreement to the time out of work (councillors: the scheme's governance approver, after a declaration of interests).",
  'An enhanced DBS check before you mentor a young person under 18.',
];

export const TIME_COST: Array<[string, string]> = [
  ['Training', 'One full day, plus an optional information session'],
  ['Each month', 'At least 90 minutes with the young person, some of it in working hours'],
  ['For', '6 to 18 months'],
];

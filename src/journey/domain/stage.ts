/** Where a mentor is in the scheme's journey (SCHEME.md, "The journey of a mentor"). DBS clearance is an attribute, not a stage. */
export const MENTOR_STAGES = [
  'interested',
  'awaitingApproval',
  'approved',
  'declined',
  'booked',
  'trained',
  'profileComplete',
  'matched',
  'active',
  'ended',
  'withdrawn',
] as const;

export type MentorStage = (typeof MENTOR_STAGES)[number];

export const MENTOR_ROLES = ['seniorManager', 'electedMember'] as const;
export type MentorRole = (typeof MENTOR_ROLES)[number];

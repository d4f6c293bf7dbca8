/** What a senior manager's sign-up card sends when every field is filled in (Input.Toggle values are strings). */
export const SIGN_UP_FORM = {
  role: 'seniorManager',
  directorateOrWard: 'Regeneration and Environment',
  jobTitle: 'Head of Highways',
  worksInChildrensServices: 'false',
  motivation: 'I grew up near here and want to open doors into council jobs.',
  consent: 'true',
  commitment: 'true',
} as const;

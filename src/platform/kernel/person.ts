/** Someone known by their Entra object id (Teams `from.aadObjectId`) and display name. */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
}

/** The bot itself, as the actor of what it does on a schedule. */
export const SYSTEM: PersonRef = { id: 'system', name: 'Mentoring scheme bot' };

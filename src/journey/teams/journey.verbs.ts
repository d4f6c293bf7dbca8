/** The card actions of this capability: the card that emits a verb and the route that handles it share this name. */
export const JOURNEY_VERBS = {
  decideApproval: 'decideApproval',
  expressInterest: 'expressInterest',
  refreshApproval: 'refreshApproval',
  submitSignUp: 'submitSignUp',
} as const;

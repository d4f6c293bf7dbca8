/** Every Action.Execute verb the bot answers; cards and routes both use these names. */
export const VERBS = {
  expressInterest: 'expressInterest',
  submitSignUp: 'submitSignUp',
  decideApproval: 'decideApproval',
  refreshApproval: 'refreshApproval',
} as const;

export const KNOWN_VERBS: readonly string[] = Object.values(VERBS);

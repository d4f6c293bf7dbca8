/** The card actions of this capability: the card that emits a verb and the route that handles it share this name. */
export const PRIVACY_VERBS = {
  subjectAccessStep: 'subjectAccessStep',
  subjectAccessExport: 'subjectAccessExport',
  confirmErasure: 'confirmErasure',
} as const;

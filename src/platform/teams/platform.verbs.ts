/** The card actions of the Teams door itself: the card that emits a verb and the route that handles it share this name. */
export const PLATFORM_VERBS = {
  tryAgainUndelivered: 'tryAgainUndelivered',
} as const;

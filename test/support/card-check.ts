import * as AC from 'adaptivecards';

/**
 * Parses a card with the Adaptive Cards SDK the way a client would and returns every problem it reports, from both
 * places the SDK reports them: parse-time events and property validation.
 */
export function cardProblems(json: unknown): string[] {
  const problems: string[] = [];
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i += 1) {
    const event = context.getEventAt(i);
    if (event.phase !== undefined) problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const version = (json as { version?: unknown }).version;
  if (version !== '1.5') problems.push(`version is ${String(version)}, expected 1.5`);
  return problems;
}

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
  const searched = searchedChoiceSetIds(json);
  for (const event of card.validateProperties().validationEvents) {
    // Teams' people picker is an Input.ChoiceSet with no choices of its own, filled by `choices.data` (a Data.Query
    // on graph.microsoft.com/users), as Teams documents it; the SDK, which does not know the extension, says empty.
    if (event.event === AC.ValidationEvent.CollectionCantBeEmpty && searched.has(String((event.source as { id?: unknown } | undefined)?.id))) continue;
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const version = (json as { version?: unknown }).version;
  if (version !== '1.5') problems.push(`version is ${String(version)}, expected 1.5`);
  return problems;
}

/** Ids of the choice sets whose choices come from a Teams directory search. */
function searchedChoiceSetIds(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const each of node) searchedChoiceSetIds(each, found);
  else if (typeof node === 'object' && node !== null) {
    const element = node as Record<string, unknown>;
    const query = element['choices.data'] as { type?: unknown; dataset?: unknown } | undefined;
    if (element.type === 'Input.ChoiceSet' && query?.type === 'Data.Query' && String(query.dataset).startsWith('graph.microsoft.com/users')) found.add(String(element.id));
    for (const value of Object.values(element)) searchedChoiceSetIds(value, found);
  }
  return found;
}

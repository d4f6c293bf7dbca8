import type { AdaptiveCardJson } from '../../src/platform/teams/cards/card.js';

type Json = Record<string, unknown>;

/** Teams' limit on `refresh.userIds`. */
const REFRESH_LIMIT = 60;
/** What a button does, read from its words: these undo something or tell other people. */
const DESTRUCTIVE_TITLE = /^(cancel|decline|close|end|remove|reject|withdraw|delete|stop|leave)\b/i;

/**
 * What can be read from a card's JSON alone: fallbackText, the notification summary of a proactive card, destructive
 * actions behind a confirmation, headings and wrapping, Teams' refresh limit.
 */
export function cardRuleProblems(card: AdaptiveCardJson, proactiveMentions?: readonly string[]): string[] {
  const problems: string[] = [];
  const json = card as unknown as Json;
  const fallback = typeof json.fallbackText === 'string' ? json.fallbackText.trim() : '';
  if (!fallback) problems.push('no fallbackText');
  if (proactiveMentions) {
    if (typeof json.summary !== 'string' || !json.summary.trim()) problems.push('proactive card without a summary for the notification');
    else for (const word of proactiveMentions) if (!json.summary.toLowerCase().includes(word.toLowerCase())) problems.push(`summary "${json.summary}" does not say "${word}"`);
  }
  const refresh = json.refresh as { userIds?: unknown[] } | undefined;
  if (refresh && (!Array.isArray(refresh.userIds) || refresh.userIds.length > REFRESH_LIMIT)) problems.push(`refresh.userIds has ${refresh.userIds?.length ?? 'no'} ids (Teams allows ${REFRESH_LIMIT})`);
  walk(json, [], problems);
  return problems;
}

function walk(node: unknown, confirmations: Json[], problems: string[], topLevelAction = false): void {
  if (Array.isArray(node)) {
    for (const each of node) walk(each, confirmations, problems, topLevelAction);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const element = node as Json;
  const type = element.type;
  if (type === 'TextBlock' && element.style !== 'heading') problems.push(`TextBlock "${String(element.text).slice(0, 40)}" is not a heading (the bot's text goes out as TextRun)`);
  if (type === 'Input.Toggle' && element.wrap !== true) problems.push(`toggle "${String(element.title).slice(0, 40)}" does not wrap`);
  if (type === 'Input.ChoiceSet' && element.style !== 'compact' && element.wrap !== true) problems.push(`choice set "${String(element.label ?? element.id)}" does not wrap`);
  if ((type === 'Action.Execute' || type === 'Action.Submit') && isDestructive(element)) {
    // "End the match…": the ellipsis says it opens a form that asks first; it must still be tucked away.
    if (String(element.title).endsWith('…')) {
      if (confirmations.length === 0 && element.mode !== 'secondary' && topLevelOf(element)) problems.push(`"${String(element.title)}" opens a destructive form but is not mode "secondary"`);
    } else if (isConfirmedStep(element)) {
      // The button of a whole-card confirmation ("Are you sure?"): the server acts only on `confirmed: true`.
    } else if (confirmations.length === 0) problems.push(`destructive "${String(element.title)}" acts at once, without a confirmation`);
    else if (confirmations[0]!.mode !== 'secondary' && topLevelOf(confirmations[0]!)) problems.push(`"${String(confirmations[0]!.title)}" opens a destructive confirmation but is not mode "secondary"`);
  }
  const inner = type === 'Action.ShowCard' ? [...confirmations, element] : confirmations;
  for (const [key, value] of Object.entries(element)) {
    if (key === 'card' && type === 'Action.ShowCard') walk(value, inner, problems);
    else if (key === 'actions' && type === 'AdaptiveCard' && confirmations.length === 0) walk(markTopLevel(value), inner, problems, true);
    else if (typeof value === 'object') walk(value, inner, problems);
  }
}

const TOP_LEVEL = new WeakSet<object>();
function markTopLevel(actions: unknown): unknown {
  if (Array.isArray(actions)) for (const action of actions) if (typeof action === 'object' && action) TOP_LEVEL.add(action);
  return actions;
}
function topLevelOf(action: Json): boolean {
  return TOP_LEVEL.has(action);
}

function isConfirmedStep(action: Json): boolean {
  const data = action.data as Json | undefined;
  return data?.confirmed === true;
}

function isDestructive(action: Json): boolean {
  return DESTRUCTIVE_TITLE.test(String(action.title ?? ''));
}

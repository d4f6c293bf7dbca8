import { expect } from 'vitest';
import type { TestPerson } from './people.js';
import { textOf } from './teams-connector.js';
import { action, invokeCard } from './test-bot.js';

/** A bad form, and words the card refusing it must hold. */
export type RefusedForm = readonly [Record<string, string>, string];

/** Sends each bad form as `verb` from `person`; each answer names its problem and says `unchanged`. Answers the cards. */
export async function expectEachRefused(
  t: { send(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> },
  person: TestPerson,
  verb: string,
  cases: readonly RefusedForm[],
  unchanged: string,
): Promise<unknown[]> {
  const cards: unknown[] = [];
  for (const [form, words] of cases) {
    const card = invokeCard(await t.send(action(person, verb, form)));
    expect(textOf(card)).toContain(words);
    expect(textOf(card)).toContain(unchanged);
    cards.push(card);
  }
  return cards;
}

import type { FieldProblem } from '../../kernel/validation/index.js';
import { fieldProblem, notice, type CardElement } from './card.js';

/** A refused form's problems, placed under the inputs they belong to. */
export interface PlacedProblems {
  /** The problem lines to show right under this input. */
  under(inputId: string): CardElement[];
  /** The labels of the refused inputs among these elements (inside containers and columns too), for a folded section. */
  refusedIn(elements: readonly CardElement[]): string[];
  /** The notice at the top: what was not done ("Nothing was saved"), how many answers to correct, and any problem that has no field. */
  lead(nothingDone: string): CardElement[];
}

/**
 * Places each problem under its input: `inputOf` turns the parser's field ("needs.menteeAges.min") into the card's
 * input id ("menteeAgeMin"). A problem with no input (the form as a whole) goes in the lead notice, so none is lost.
 */
export function placeProblems(problems: readonly FieldProblem[], inputOf: (field: string) => string | undefined): PlacedProblems {
  const byInput = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const each of problems) {
    const input = each.field ? inputOf(each.field) : undefined;
    if (input === undefined) unplaced.push(each.message);
    else byInput.set(input, [...(byInput.get(input) ?? []), each.message]);
  }
  return {
    under: (inputId) => (byInput.get(inputId) ?? []).map((message) => fieldProblem(message)),
    refusedIn: (elements) => inputsIn(elements).filter((input) => byInput.has(String(input.id))).map((input) => String(input.label ?? input.title ?? input.id)),
    lead(nothingDone) {
      if (byInput.size === 0 && unplaced.length === 0) return [];
      const marked = byInput.size === 0 ? '.' : `: ${byInput.size === 1 ? 'one answer' : byInput.size} to correct.`;
      return [notice([nothingDone + marked, ...unplaced].join(' '), 'attention', 'Small')];
    },
  };
}

/** The field problems of a refusal, when it has them (a refusal of the whole request has none). */
export function problemsOf(error: { readonly message: string } & { readonly problems?: readonly FieldProblem[] }): readonly FieldProblem[] {
  return Array.isArray(error.problems) ? error.problems : [];
}

function inputsIn(elements: readonly CardElement[]): CardElement[] {
  return elements.flatMap((element) => {
    const own = typeof element.type === 'string' && element.type.startsWith('Input.') ? [element] : [];
    const children = [element.items, element.columns].flatMap((list) => (Array.isArray(list) ? (list as CardElement[]) : []));
    return [...own, ...inputsIn(children)];
  });
}

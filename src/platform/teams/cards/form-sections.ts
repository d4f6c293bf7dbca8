import { fieldProblem, type CardElement } from './card.js';

/**
 * Part of a form folded behind a button that opens it in place (Action.ToggleVisibility), for fields that are optional
 * or rarely changed ("More about you"). Folded inputs are still sent with the form, so nothing typed is lost. When a
 * folded field was refused, its problem sits under the field inside, and a line under the button names the field, so
 * the problem is seen without the whole section opening (on a phone that would push the rest of the form away).
 */
export function foldedSection(id: string, title: string, items: readonly CardElement[], refusedInside: readonly string[] = []): CardElement[] {
  return [
    { type: 'ActionSet', id: `${id}Toggle`, spacing: 'Medium', actions: [{ type: 'Action.ToggleVisibility', title, targetElements: [id] }] },
    ...(refusedInside.length ? [fieldProblem(`In here: ${refusedInside.join('; ')}.`)] : []),
    { type: 'Container', id, isVisible: false, spacing: 'Small', items: [...items] },
  ];
}

/** Two short inputs side by side (gender and age, youngest and oldest): each keeps its own label and problem line. */
export function sideBySide(left: readonly CardElement[], right: readonly CardElement[]): CardElement {
  return {
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [...left] },
      { type: 'Column', width: 'stretch', items: [...right] },
    ],
  };
}

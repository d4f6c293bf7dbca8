import { describeValue } from '../../domain/index.js';
import { choiceInput as plainChoiceInput } from '../../../platform/teams/cards/form-inputs.js';
import type { CardElement } from '../../../platform/teams/cards/card.js';

/** A choice among the matching vocabulary, each value shown in the words people use (`describeValue`). */
export function choiceInput(...[id, label, known, value, options = {}]: Parameters<typeof plainChoiceInput>): CardElement {
  return plainChoiceInput(id, label, known, value, { describe: describeValue, ...options });
}

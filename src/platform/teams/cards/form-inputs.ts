import type { CardElement } from './card.js';

/** Input elements for the coordinators' and mentors' forms. Values go back exactly as the domain parsers expect after `form-input.ts`. */
export function textInput(id: string, label: string, value: string | undefined, maxLength: number, options: { multiline?: boolean; required?: boolean; placeholder?: string } = {}): CardElement {
  return {
    type: 'Input.Text',
    id,
    label,
    value: value ?? '',
    maxLength,
    ...(options.multiline ? { isMultiline: true } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.required === false ? {} : { isRequired: true, errorMessage: `${label} is required.` }),
  };
}

/** More choices than this in a multi-select list: use the filtered style. */
const LONG_LIST = 6;

export function choiceInput(
  id: string,
  label: string,
  known: readonly string[],
  value: readonly string[] | string | undefined,
  options: { multi?: boolean; expanded?: boolean; required?: boolean; errorMessage?: string; titles?: Partial<Record<string, string>>; describe?: (value: string) => string } = {},
): CardElement {
  const selected = Array.isArray(value) ? value.join(',') : ((value as string | undefined) ?? '');
  // A long multi-choice list is a search box with chips, not a column of ticks that runs off a phone screen.
  const style = options.multi && known.length > LONG_LIST ? 'filtered' : options.multi || options.expanded ? 'expanded' : 'compact';
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    value: selected,
    style,
    wrap: true,
    ...(options.multi ? { isMultiSelect: true } : {}),
    ...(options.required ? { isRequired: true, errorMessage: options.errorMessage ?? `Please choose ${options.multi ? 'at least one' : 'one'}.` } : {}),
    choices: known.map((each) => ({ title: options.titles?.[each] ?? capitalised((options.describe ?? String)(each)), value: each })),
  };
}

export function numberInput(id: string, label: string, value: number | undefined, min: number, max: number): CardElement {
  return { type: 'Input.Number', id, label, min, max, ...(value === undefined ? {} : { value }), isRequired: true, errorMessage: `${label}: a number from ${min} to ${max}.` };
}

export function dateInput(id: string, label: string, value: string | undefined): CardElement {
  return { type: 'Input.Date', id, label, ...(value ? { value } : {}), isRequired: true, errorMessage: `${label} is required.` };
}

export function toggleInput(id: string, title: string, value: boolean): CardElement {
  return { type: 'Input.Toggle', id, title, value: value ? 'true' : 'false', valueOn: 'true', valueOff: 'false', wrap: true };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Puts back what the person typed into a form that was refused, so they fix one field instead of filling it all again.
 * Only string values, each cut to its input's maxLength; a number input takes a number or stays as it was.
 */
export function withTypedValues<T extends { body: CardElement[] }>(form: T, typed: unknown): T {
  if (typeof typed !== 'object' || typed === null || Array.isArray(typed)) return form;
  const values = typed as Record<string, unknown>;
  const refill = (element: CardElement): CardElement => {
    const id = element.id;
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof id === 'string' && typeof values[id] === 'string') {
      const raw = values[id] as string;
      if (element.type === 'Input.Number') return /^\d{1,6}$/.test(raw.trim()) ? { ...element, value: Number(raw) } : element;
      const max = typeof element.maxLength === 'number' ? element.maxLength : 5000;
      return { ...element, value: raw.slice(0, max) };
    }
    // Inputs inside a container or a column are put back too.
    for (const key of ['items', 'columns'] as const) {
      const children = element[key];
      if (Array.isArray(children)) return { ...element, [key]: children.map((child) => refill(child as CardElement)) };
    }
    return element;
  };
  return { ...form, body: form.body.map(refill) };
}

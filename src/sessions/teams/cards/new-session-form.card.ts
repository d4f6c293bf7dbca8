import { choiceInput } from '../../../platform/teams/cards/form-inputs.js';
import { SESSION_VERBS } from '../sessions.verbs.js';
import { SESSION_KINDS, MAX_SEATS, MAX_TITLE_LENGTH, MAX_VENUE_LENGTH, MIN_SEATS } from '../../domain/index.js';
import type { FieldProblem } from '../../../platform/kernel/validation/index.js';
import { card, execute, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { placeProblems } from '../../../platform/teams/cards/field-problems.js';
import { sideBySide } from '../../../platform/teams/cards/form-sections.js';
import { KIND_NAMES } from './session-parts.js';

export const NEW_SESSION_FIELDS = ['kind', 'title', 'date', 'startTime', 'endTime', 'location', 'venue', 'seats', 'closesDate', 'closesTime'] as const;
export type NewSessionValues = Partial<Record<(typeof NEW_SESSION_FIELDS)[number], string>>;

/**
 * The coordinator's form: the day from a date picker, times from time pickers and seats as a number (Input.Date,
 * Input.Time, Input.Number), which send YYYY-MM-DD, HH:mm and digits. After a refusal it comes back with what was
 * typed and each problem under its field.
 */
export function newSessionFormCard(timeZone: string, values: NewSessionValues = {}, problems: readonly FieldProblem[] = []): AdaptiveCardJson {
  // A problem with no input here (the time zone, or a date-time typed on an older card) goes in the notice at the top.
  const placed = placeProblems(problems, (field) => ((NEW_SESSION_FIELDS as readonly string[]).includes(field) ? field : undefined));
  const field = (input: CardElement): CardElement[] => [input, ...placed.under(String(input.id))];
  const seats = /^\d{1,6}$/.test((values.seats ?? '').trim()) ? { value: Number(values.seats) } : {};
  const body: CardElement[] = [
    heading('New session'),
    text(`Times are ${timeZone} time.`, { subtle: true }),
    ...placed.lead('Nothing was created'),
    ...field(choiceInput('kind', 'Kind', SESSION_KINDS, values.kind ?? 'training', { required: true, errorMessage: 'Please choose a kind.', titles: KIND_NAMES })),
    ...field({ type: 'Input.Text', id: 'title', label: 'Title', isRequired: true, errorMessage: 'Please give a title.', maxLength: MAX_TITLE_LENGTH, value: values.title ?? '' }),
    ...field({ type: 'Input.Date', id: 'date', label: 'Day', isRequired: true, errorMessage: 'Please choose the day.', value: values.date ?? '' }),
    sideBySide(
      field({ type: 'Input.Time', id: 'startTime', label: 'Starts', isRequired: true, errorMessage: 'Please give the start time.', value: values.startTime ?? '' }),
      field({ type: 'Input.Time', id: 'endTime', label: 'Ends', isRequired: true, errorMessage: 'Please give the end time.', value: values.endTime ?? '' }),
    ),
    ...field(choiceInput('location', 'Where', ['inPerson', 'online'], values.location ?? 'inPerson', { expanded: true, titles: { inPerson: 'In person', online: 'Online (a Teams meeting)' } })),
    ...field({ type: 'Input.Text', id: 'venue', label: 'Venue (in person)', maxLength: MAX_VENUE_LENGTH, value: values.venue ?? '' }),
    ...field({ type: 'Input.Number', id: 'seats', label: 'Seats', min: MIN_SEATS, max: MAX_SEATS, isRequired: true, errorMessage: `Seats: a whole number from ${MIN_SEATS} to ${MAX_SEATS}.`, placeholder: `${MIN_SEATS} to ${MAX_SEATS}`, ...seats }),
    text('Booking closes (optional: when the session starts, if left empty)', { weight: 'Bolder', spacing: 'Medium' }),
    sideBySide(
      field({ type: 'Input.Date', id: 'closesDate', label: 'Day', value: values.closesDate ?? '' }),
      field({ type: 'Input.Time', id: 'closesTime', label: 'Time', value: values.closesTime ?? '' }),
    ),
  ];
  return card(body, [execute('Create session', SESSION_VERBS.createSession, {}, 'positive')]);
}

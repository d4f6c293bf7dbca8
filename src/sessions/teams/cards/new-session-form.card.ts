import { choiceInput } from '../../../platform/teams/cards/form-inputs.js';
import { SESSION_VERBS } from '../sessions.verbs.js';
import { SESSION_KINDS, MAX_SEATS, MAX_TITLE_LENGTH, MAX_VENUE_LENGTH } from '../../domain/index.js';
import type { FieldProblem } from '../../../platform/kernel/validation/index.js';
import { card, execute, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { KIND_NAMES } from './session-parts.js';

export type NewSessionValues = Partial<Record<'kind' | 'title' | 'startsAt' | 'endsAt' | 'location' | 'venue' | 'seats' | 'bookingClosesAt', string>>;

/** The coordinator's form; after a refusal it comes back with what was typed and each problem by its field. */
export function newSessionFormCard(timeZone: string, values: NewSessionValues = {}, problems: readonly FieldProblem[] = []): AdaptiveCardJson {
  const problemFor = (field: string): CardElement[] =>
    problems.filter((p) => p.field === field).map((p) => text(p.message, { color: 'Attention' }));
  const body: CardElement[] = [
    heading('New session'),
    text(`Times are ${timeZone} time, as 2026-11-30 09:30.`, { subtle: true }),
    ...(problems.length ? [text('Nothing was created. Please correct the fields marked below.', { weight: 'Bolder', color: 'Attention' })] : []),
    choiceInput('kind', 'Kind', SESSION_KINDS, values.kind ?? 'training', { required: true, errorMessage: 'Please choose a kind.', titles: KIND_NAMES }),
    ...problemFor('kind'),
    { type: 'Input.Text', id: 'title', label: 'Title', isRequired: true, errorMessage: 'Please give a title.', maxLength: MAX_TITLE_LENGTH, value: values.title ?? '' },
    ...problemFor('title'),
    { type: 'Input.Text', id: 'startsAt', label: 'Starts', isRequired: true, errorMessage: 'Please give the start.', placeholder: '2026-11-30 09:30', value: values.startsAt ?? '' },
    ...problemFor('startsAt'),
    { type: 'Input.Text', id: 'endsAt', label: 'Ends', isRequired: true, errorMessage: 'Please give the end.', placeholder: '2026-11-30 16:30', value: values.endsAt ?? '' },
    ...problemFor('endsAt'),
    choiceInput('location', 'Where', ['inPerson', 'online'], values.location ?? 'inPerson', { expanded: true, titles: { inPerson: 'In person', online: 'Online (a Teams meeting)' } }),
    ...problemFor('location'),
    { type: 'Input.Text', id: 'venue', label: 'Venue (in person)', maxLength: MAX_VENUE_LENGTH, value: values.venue ?? '' },
    ...problemFor('venue'),
    { type: 'Input.Text', id: 'seats', label: `Seats (1 to ${MAX_SEATS})`, isRequired: true, errorMessage: 'Please give the number of seats.', value: values.seats ?? '' },
    ...problemFor('seats'),
    { type: 'Input.Text', id: 'bookingClosesAt', label: 'Booking closes (optional; the start when empty)', placeholder: '2026-11-29 09:30', value: values.bookingClosesAt ?? '' },
    ...problemFor('bookingClosesAt'),
  ];
  return card(body, [execute('Create session', SESSION_VERBS.createSession, {}, 'positive')]);
}

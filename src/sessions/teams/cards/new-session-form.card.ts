import { SESSION_VERBS } from '../sessions.verbs.js';
import { SESSION_KINDS, MAX_SEATS, MAX_TITLE_LENGTH, MAX_VENUE_LENGTH, type FieldProblem } from '../../domain/index.js';
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
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: 'Kind',
      isRequired: true,
      errorMessage: 'Please choose a kind.',
      value: values.kind ?? 'training',
      choices: SESSION_KINDS.map((kind) => ({ title: KIND_NAMES[kind], value: kind })),
    },
    ...problemFor('kind'),
    { type: 'Input.Text', id: 'title', label: 'Title', isRequired: true, errorMessage: 'Please give a title.', maxLength: MAX_TITLE_LENGTH, value: values.title ?? '' },
    ...problemFor('title'),
    { type: 'Input.Text', id: 'startsAt', label: 'Starts', isRequired: true, errorMessage: 'Please give the start.', placeholder: '2026-11-30 09:30', value: values.startsAt ?? '' },
    ...problemFor('startsAt'),
    { type: 'Input.Text', id: 'endsAt', label: 'Ends', isRequired: true, errorMessage: 'Please give the end.', placeholder: '2026-11-30 16:30', value: values.endsAt ?? '' },
    ...problemFor('endsAt'),
    {
      type: 'Input.ChoiceSet',
      id: 'location',
      label: 'Where',
      style: 'expanded',
      value: values.location ?? 'inPerson',
      choices: [
        { title: 'In person', value: 'inPerson' },
        { title: 'Online (a Teams meeting)', value: 'online' },
      ],
    },
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

import { SESSION_VERBS } from '../sessions.verbs.js';
import { MAX_CLOSES_HOURS_BEFORE, MAX_COHORT_NAME_LENGTH, MAX_SEATS, MAX_VENUE_LENGTH, MIN_SEATS, type CohortFormValues } from '../../domain/index.js';
import type { FieldProblem } from '../../../platform/kernel/validation/index.js';
import { card, execute, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { choiceInput } from '../../../platform/teams/cards/form-inputs.js';
import { withFallback } from './card-fallback.js';

/** The coordinator's form for the next cohort, filled from the scheme file; after a refusal, as typed with each problem under its field. */
export function openCohortFormCard(timeZone: string, values: CohortFormValues, problems: readonly FieldProblem[] = []): AdaptiveCardJson {
  const under = (field: string): CardElement[] => problems.filter((p) => p.field === field).map((p) => text(p.message, { color: 'Attention', weight: 'Bolder' }));
  const wrong = (field: string) => (problems.some((p) => p.field === field) ? { errorMessage: problems.find((p) => p.field === field)!.message } : {});
  const date = (id: 'informationDate' | 'trainingDate', label: string): CardElement[] => [
    { type: 'Input.Date', id, label, isRequired: true, errorMessage: `${label} is required.`, value: values[id] ?? '', ...wrong(id) },
    ...under(id),
  ];
  const time = (id: 'informationStart' | 'informationEnd' | 'trainingStart' | 'trainingEnd', label: string, named: string): CardElement[] => [
    { type: 'Input.Time', id, label, isRequired: true, errorMessage: `${named} is required.`, value: values[id] ?? '', ...wrong(id) },
    ...under(id),
  ];
  type TimeId = 'informationStart' | 'informationEnd' | 'trainingStart' | 'trainingEnd';
  // Start and end side by side: the form fits a phone's screen, and the pair reads as one span.
  const span = (session: string, start: TimeId, end: TimeId): CardElement => ({
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: time(start, 'Starts', `${session} start`) },
      { type: 'Column', width: 'stretch', items: time(end, 'Ends', `${session} end`) },
    ],
  });
  const body: CardElement[] = [
    heading('Open the next cohort'),
    text(`Its information session and full-day training. Times are ${timeZone} time. Filled in from the scheme's settings: change what differs.`, { subtle: true }),
    ...(problems.length ? [{ type: 'Container', style: 'attention', items: [text('Nothing was opened. Please correct the fields marked below.', { weight: 'Bolder' })] }] : []),
    { type: 'Input.Text', id: 'name', label: 'Name', isRequired: true, errorMessage: 'Please give the cohort a name.', maxLength: MAX_COHORT_NAME_LENGTH, placeholder: '2027 cohort', value: values.name ?? '', ...wrong('name') },
    ...under('name'),
    text('Information session', { weight: 'Bolder', spacing: 'Medium' }),
    ...date('informationDate', 'Information session date'),
    span('Information session', 'informationStart', 'informationEnd'),
    text('Full-day training', { weight: 'Bolder', spacing: 'Medium' }),
    ...date('trainingDate', 'Training date'),
    span('Training', 'trainingStart', 'trainingEnd'),
    text('Both sessions', { weight: 'Bolder', spacing: 'Medium' }),
    { ...choiceInput('location', 'Where', ['inPerson', 'online'], values.location ?? 'inPerson', { expanded: true, titles: { inPerson: 'In person', online: 'Online (a Teams meeting)' } }), ...wrong('location') },
    ...under('location'),
    { type: 'Input.Text', id: 'venue', label: 'Venue (in person)', maxLength: MAX_VENUE_LENGTH, value: values.venue ?? '', ...wrong('venue') },
    ...under('venue'),
    { type: 'Input.Number', id: 'seats', label: `Seats (${MIN_SEATS} to ${MAX_SEATS})`, min: MIN_SEATS, max: MAX_SEATS, isRequired: true, errorMessage: `Seats: a number from ${MIN_SEATS} to ${MAX_SEATS}.`, ...numberValue(values.seats), ...wrong('seats') },
    ...under('seats'),
    { type: 'Input.Number', id: 'closesHoursBefore', label: 'Booking closes (hours before each session)', min: 0, max: MAX_CLOSES_HOURS_BEFORE, ...numberValue(values.closesHoursBefore), ...wrong('closesHoursBefore') },
    ...under('closesHoursBefore'),
    text('Opening it lets approved mentors book at once, and sends the booking card to everyone waiting for dates.', { subtle: true, spacing: 'Medium' }),
  ];
  return withFallback(card(body, [execute('Open the cohort', SESSION_VERBS.openCohort, {}, 'positive')]), 'Open the next cohort: its information session and training.');
}

function numberValue(value: string | undefined): { value?: number } {
  return value !== undefined && /^\d{1,6}$/.test(value.trim()) ? { value: Number(value) } : {};
}

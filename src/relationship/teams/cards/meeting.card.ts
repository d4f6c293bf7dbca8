import { card, execute, heading, notice, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import type { RelationshipProgress } from '../../app/progress.js';
import { CLAIM_TEXT_MAX, formatPounds, MEETING_FOCUS_GUIDANCE, MEETING_FOCUS_MAX, MEETING_MINUTES_MAX, MEETING_MINUTES_MIN } from '../../domain/index.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';
import { progressFacts } from './commitment.card.js';
import { supportButton } from './support-button.card.js';

export interface MeetingFormView {
  readonly matchId: string;
  /** Made when the form is drawn; the same submit twice is stored once. */
  readonly logId: string;
  readonly today: string;
  readonly problem?: string;
  /** What was typed, shown again with a problem. */
  readonly values?: Readonly<Record<string, unknown>>;
  readonly intro?: string;
}

const MODE_CHOICES = [
  { title: 'In person', value: 'inPerson' },
  { title: 'Online or by phone', value: 'online' },
];

function typed(values: MeetingFormView['values'], key: string): string {
  const value = values?.[key];
  return typeof value === 'string' ? value.slice(0, 300) : typeof value === 'number' ? String(value) : '';
}

export function meetingFormCard(view: MeetingFormView): AdaptiveCardJson {
  const v = view.values;
  const body: CardElement[] = [heading('Log a meeting')];
  if (view.intro) body.push(text(view.intro));
  if (view.problem) body.push(text(view.problem, { color: 'Attention', weight: 'Bolder' }));
  body.push(
    { type: 'Input.Date', id: 'date', label: 'Date of the meeting', value: typed(v, 'date') || view.today, max: view.today, isRequired: true, errorMessage: 'Please give the date.' },
    {
      type: 'Input.Number',
      id: 'minutes',
      label: 'How long (minutes)',
      min: MEETING_MINUTES_MIN,
      max: MEETING_MINUTES_MAX,
      ...(typed(v, 'minutes') && /^\d{1,4}$/.test(typed(v, 'minutes')) ? { value: Number(typed(v, 'minutes')) } : {}),
      isRequired: true,
      errorMessage: `Whole minutes, from ${MEETING_MINUTES_MIN} to ${MEETING_MINUTES_MAX}.`,
    },
    { type: 'Input.ChoiceSet', id: 'mode', label: 'How you met', style: 'expanded', wrap: true, value: typed(v, 'mode') || 'inPerson', choices: MODE_CHOICES, isRequired: true, errorMessage: 'Please choose one.' },
    text(MEETING_FOCUS_GUIDANCE, { subtle: true, spacing: 'Medium' }),
    { type: 'Input.Text', id: 'focus', label: 'Focus (a few words)', value: typed(v, 'focus'), maxLength: MEETING_FOCUS_MAX, isRequired: true, errorMessage: 'Please add a few words on the focus.' },
    text('Refreshments to reclaim (leave empty if none)', { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'Input.Text', id: 'refreshmentAmount', label: 'Amount (£)', placeholder: '4.50', value: typed(v, 'refreshmentAmount'), maxLength: 12 },
    { type: 'Input.Text', id: 'refreshmentPurpose', label: 'What it was for', placeholder: 'Two coffees', value: typed(v, 'refreshmentPurpose'), maxLength: CLAIM_TEXT_MAX },
    { type: 'Input.Text', id: 'refreshmentNote', label: 'Note (needed for larger amounts)', value: typed(v, 'refreshmentNote'), maxLength: CLAIM_TEXT_MAX },
  );
  return card(body, [execute('Log meeting', RELATIONSHIP_VERBS.logMeeting, { matchId: view.matchId, logId: view.logId }, 'positive'), supportButton(view.matchId)]);
}

export function meetingLoggedCard(progress: RelationshipProgress, options: { repeated: boolean; claim?: { amountPence: number } }): AdaptiveCardJson {
  const met = progress.minutesThisMonth >= progress.expectedMinutes;
  return card(
    [
      heading(options.repeated ? 'Already logged' : 'Meeting logged'),
      notice(options.repeated ? 'This meeting was logged already; nothing new was added.' : 'Thank you. Your meeting is on record.', options.repeated ? 'info' : 'good'),
      ...(options.claim ? [text(`Refreshments of ${formatPounds(options.claim.amountPence)} claimed; the Leaving Care Team will approve them.`)] : []),
      progressFacts(progress),
      text(!progress.counted ? 'This month is not counted towards the 90 minutes.' : met ? 'You have met the 90 minutes for this month.' : `${progress.expectedMinutes - progress.minutesThisMonth} minutes to go this month.`, { spacing: 'Medium' }),
    ],
    [execute('Log another', RELATIONSHIP_VERBS.meetingForm, { matchId: progress.matchId }), supportButton(progress.matchId)],
  );
}

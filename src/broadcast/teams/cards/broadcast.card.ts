import { choiceInput } from '../../../platform/teams/cards/form-inputs.js';
import { BROADCAST_VERBS } from '../broadcast.verbs.js';
import type { AudienceGroup, InvitationTally } from '../../domain/index.js';
import { BROADCAST_TEXT_MAX } from '../../domain/index.js';
import type { Broadcast, ProgressCounts, SessionSummary } from '../../app/broadcast.js';
import type { PersonRef } from '../../../platform/kernel/person.js';
import { broadcastMessageCard, sessionWhen } from './broadcast-message.card.js';
import { bullets, card, execute, facts, heading, notice, subheading, text, userMri, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';

export const AUDIENCE_LABELS: Record<'eligible' | AudienceGroup, string> = {
  eligible: 'Everyone eligible to mentor (the configured directory groups)',
  approvedNotBooked: 'Approved, not yet booked on training',
  booked: 'Booked on training',
  trainedNotMatched: 'Trained, not yet matched',
  matched: 'Matched mentors',
};

/** What the compose form holds, carried from card to card so Edit brings it back. */
export interface ComposeValues {
  readonly sessionId?: string;
  readonly text?: string;
  /** Comma-separated audience keys, as Input.ChoiceSet sends a multi-select. */
  readonly audience?: string;
  readonly people?: string;
  /** Directory ids chosen in the people picker, comma-separated. */
  readonly picked?: string;
}

export interface ComposeView {
  readonly draftId: string;
  readonly sessions: readonly SessionSummary[];
  readonly groupsConfigured: boolean;
  readonly values?: ComposeValues;
  /** The people picked so far, by name (read back from the directory), so the picker shows names, never ids. */
  readonly pickedPeople?: readonly PersonRef[];
  readonly problem?: string;
}

export function broadcastComposeCard(view: ComposeView): AdaptiveCardJson {
  const values = view.values ?? {};
  const audiences = (Object.keys(AUDIENCE_LABELS) as Array<keyof typeof AUDIENCE_LABELS>).filter((key) => key !== 'eligible' || view.groupsConfigured);
  const body: CardElement[] = [
    heading('New broadcast'),
    text('Write to many people at once: each gets the message in their own chat with the bot.', { subtle: true }),
    choiceInput('sessionId', 'What is it about?', ['none', ...view.sessions.map((session) => session.id)], values.sessionId ?? 'none', {
      titles: { none: 'A plain announcement', ...Object.fromEntries(view.sessions.map((session) => [session.id, `Invitation: ${session.title} (${sessionWhen(session)})`])) },
    }),
    { type: 'Input.Text', id: 'text', label: 'Message', isMultiline: true, maxLength: BROADCAST_TEXT_MAX, isRequired: true, errorMessage: 'Please write the message.', value: values.text ?? '' },
    choiceInput('audience', 'Who to send it to', audiences, values.audience ?? '', { multi: true, titles: AUDIENCE_LABELS }),
    ...peoplePicker(view.pickedPeople ?? [], values.picked),
    // For a client without the people picker: the same people, typed.
    { type: 'Input.Text', id: 'people', label: 'Or type their work e-mail addresses (optional)', placeholder: 'Separated by commas', value: values.people ?? '' },
    ...(view.problem ? [text(view.problem, { color: 'Attention', weight: 'Bolder' })] : []),
  ];
  return card(body, [execute('Preview', BROADCAST_VERBS.broadcastPreview, { draftId: view.draftId })]);
}

/**
 * Named people, chosen by name: Teams' people picker searches the organisation's directory as a name is typed and sends
 * directory ids. Those picked before (back on Edit) are ticks above it, by name, so nobody reads an id.
 */
function peoplePicker(picked: readonly PersonRef[], value: string | undefined): CardElement[] {
  const wanted = new Set((value ?? '').split(','));
  const kept = picked.filter((person) => wanted.has(person.id));
  const chosen: CardElement[] = kept.length
    ? [{
        type: 'Input.ChoiceSet',
        id: 'chosen',
        label: 'Named people (untick to leave someone out)',
        isMultiSelect: true,
        style: 'expanded',
        wrap: true,
        choices: kept.map((person) => ({ title: person.name, value: person.id })),
        value: kept.map((person) => person.id).join(','),
      }]
    : [];
  return [
    ...chosen,
    {
      type: 'Input.ChoiceSet',
      id: 'picked',
      label: kept.length ? 'Add more people: type a name to search the directory' : 'Named people (optional): type a name to search the directory',
      isMultiSelect: true,
      style: 'filtered',
      placeholder: 'Type a name',
      wrap: true,
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      value: '',
    },
  ];
}

export interface PreviewView {
  readonly draftId: string;
  readonly values: ComposeValues;
  readonly text: string;
  readonly session?: SessionSummary;
  readonly audienceLabel: string;
  readonly recipients: number;
  /** Named people not found in the directory, as typed. */
  readonly unknown: readonly string[];
  /** The named people found, by name. */
  readonly named?: readonly string[];
  readonly bookVerb?: string;
}

export function broadcastPreviewCard(view: PreviewView): AdaptiveCardJson {
  const sample = broadcastMessageCard({ text: view.text, ...(view.session ? { session: view.session } : {}) }, view.bookVerb ? { bookVerb: view.bookVerb } : {});
  const body: CardElement[] = [
    heading('Check before sending'),
    facts([
      ['About', view.session ? `Invitation: ${view.session.title}` : 'An announcement'],
      ['Audience', view.audienceLabel],
      ...(view.named?.length ? [['Named', namesInBrief(view.named)] as [string, string]] : []),
      ['Recipients', `${view.recipients} ${view.recipients === 1 ? 'person' : 'people'}`],
    ]),
    ...(view.unknown.length ? [notice(notFound(view.unknown), 'warning')] : []),
    text('What each person will see', { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'Container', style: 'emphasis', items: sample.body },
  ];
  const data = { draftId: view.draftId, ...view.values };
  return card(body, [
    execute(`Send to ${view.recipients} ${view.recipients === 1 ? 'person' : 'people'}`, BROADCAST_VERBS.broadcastSend, data, 'positive'),
    execute('Edit', BROADCAST_VERBS.broadcastEdit, data),
  ]);
}

const NAMES_SHOWN = 10;

/** Names, the first ten and how many more. */
function namesInBrief(names: readonly string[]): string {
  const more = names.length - NAMES_SHOWN;
  return more > 0 ? `${names.slice(0, NAMES_SHOWN).join(', ')} and ${more} more` : names.join(', ');
}

/**
 * Named people the directory does not know. E-mail addresses are shown as typed, so a typing slip can be seen; anything
 * else (a directory id pasted in) is only counted: a person reads names, never ids.
 */
function notFound(unknown: readonly string[]): string {
  const addresses = unknown.filter((entry) => entry.includes('@'));
  const others = unknown.length - addresses.length;
  const parts = [...(addresses.length ? [addresses.join(', ')] : []), ...(others ? [`${others} ${others === 1 ? 'person' : 'people'} chosen who ${others === 1 ? 'is' : 'are'} no longer in it`] : [])];
  return `Not found in the directory, so left out: ${parts.join('; ')}.`;
}

export interface ProgressView {
  readonly broadcast: Broadcast;
  readonly progress: ProgressCounts;
  readonly finished: boolean;
  /** Failures with names, for the final report. */
  readonly failures: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
  /** The viewer may not see delivery reports. */
  readonly forbidden?: boolean;
  /** For an invitation with Book: how its recipients have answered so far. */
  readonly answers?: InvitationTally;
}

const FAILURES_SHOWN = 50;

/** Teams cannot say whether a send cut off mid-way arrived, so the bot sends again rather than risk leaving someone out. */
function mayHaveReceivedTwice(count: number): string {
  const who = count === 1 ? '1 person' : `${count} people`;
  return `${who} may have received it twice: sending to them was cut off before Teams confirmed it (the bot stopped, or the connection broke), so it was sent again rather than risk them missing it.`;
}

/** The coordinator's card while sending (updated in place) and the final report, with Retry failed. */
export function broadcastProgressCard(view: ProgressView): AdaptiveCardJson {
  const { broadcast, progress, finished } = view;
  const refresh = {
    action: execute('Refresh', BROADCAST_VERBS.refreshBroadcast, { broadcastId: broadcast.id }),
    userIds: broadcast.reportTo ? [userMri(broadcast.reportTo)] : [],
  };
  if (view.forbidden) return card([heading('Broadcast'), text('Only the scheme coordinators can see delivery reports.')], [], refresh);
  const twice = progress.mayHaveReceivedTwice ?? 0;
  const body: CardElement[] = [
    heading(progressHeading(progress, finished)),
    facts([
      ['About', broadcast.content.session ? `Invitation: ${broadcast.content.session.title}` : 'An announcement'],
      ['Audience', broadcast.audienceLabel],
      ['Sent', String(progress.sent)],
      ...(twice > 0 ? [['May have received it twice', String(twice)] as [string, string]] : []),
      ['Failed', String(progress.failed)],
      ['Remaining', String(progress.remaining)],
      ['Of', String(progress.total)],
    ]),
  ];
  if (twice > 0) body.push(text(mayHaveReceivedTwice(twice), { spacing: 'Medium' }));
  if (view.answers) {
    body.push(subheading('Answers so far'));
    body.push(facts([
      ['Booked', String(view.answers.booked)],
      ["Can't make it", String(view.answers.cantMakeIt)],
      ['No answer yet', String(view.answers.noAnswer)],
    ]));
  }
  if (finished && view.failures.length > 0) {
    body.push(text('Not delivered', { weight: 'Bolder', color: 'Attention', spacing: 'Medium' }));
    body.push(...bullets(view.failures.slice(0, FAILURES_SHOWN).map((failure) => `${failure.name}: ${failure.reason}`)));
    if (view.failures.length > FAILURES_SHOWN) body.push(text(`…and ${view.failures.length - FAILURES_SHOWN} more.`));
  }
  if (finished && progress.failed === 0) body.push(notice('Everyone received it.', 'good'));
  const actions: CardAction[] = finished && progress.failed > 0 ? [execute(`Retry failed (${progress.failed})`, BROADCAST_VERBS.broadcastRetryFailed, { broadcastId: broadcast.id })] : [];
  return card(body, actions, refresh);
}

function people(count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}

/** What has really happened: sending until the worker has finished, then how many it reached (and never "sent" to nobody). */
function progressHeading(progress: ProgressCounts, finished: boolean): string {
  if (!finished) return `Sending to ${people(progress.total)}…`;
  if (progress.total === 0) return 'Nobody to send to';
  if (progress.sent === 0) return `Not sent: none of the ${people(progress.total)} could be reached`;
  return progress.sent < progress.total ? `Sent to ${progress.sent} of ${people(progress.total)}` : `Sent to ${people(progress.sent)}`;
}

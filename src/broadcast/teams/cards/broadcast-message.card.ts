import { BROADCAST_VERBS } from '../broadcast.verbs.js';
import type { BroadcastContent, SessionSummary } from '../../app/broadcast.js';
import { formatTimeRange } from '../../../platform/kernel/time/time-range.format.js';
import { card, execute, facts, heading, notice, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';

export interface MessageCardOptions {
  /** The sessions feature's booking verb, when that feature is running. */
  readonly bookVerb?: string;
  /** The sessions feature's "Can't make it" verb, shown beside Book when that feature runs. */
  readonly declineVerb?: string;
  /** For a supervision invitation: the answer already given, shown instead of asking again. */
  readonly answered?: 'attend' | 'decline';
}

/** When a session happens, in its own time zone and saying which, as every card writes it: "Tue 12 Jan 2027, 10:00–12:00 (GMT)". */
export function sessionWhen(session: Pick<SessionSummary, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  return formatTimeRange(session.startsAt, session.endsAt, session.timeZone);
}

/**
 * The coordinator's words, one literal text run per line: RichTextBlock TextRuns are never read as Markdown, so nothing
 * a coordinator types can become a link, an image or another card element, and escapeForTextBlock is not needed.
 */
export function literalLines(value: string): CardElement[] {
  return value.split('\n').map((line, index) => text(line === '' ? ' ' : line, index > 0 && line === '' ? { spacing: 'Medium' } : {}));
}

export function sessionFacts(session: SessionSummary): CardElement {
  return facts([
    ['When', sessionWhen(session)],
    ['Where', session.where],
  ]);
}

/** What each recipient gets in their own chat: an announcement, or an invitation with Book and Can't make it (or Attend / Can't make it). */
export function broadcastMessageCard(content: BroadcastContent, options: MessageCardOptions = {}): AdaptiveCardJson {
  const session = content.session;
  const body: CardElement[] = [heading(session ? session.title : 'From the mentoring scheme'), ...(session ? [sessionFacts(session)] : []), ...literalLines(content.text)];
  return card(body, session ? answerActions(session, options) : [], undefined, options.answered ? {} : { summary: summaryOf(content) });
}

/** The notification line: the invitation and when, or the announcement's first words. */
function summaryOf(content: BroadcastContent): string {
  if (content.session) return `Invitation from the mentoring scheme: ${content.session.title}, ${sessionWhen(content.session)}`;
  const first = content.text.replace(/\s+/g, ' ').trim();
  return `From the mentoring scheme: ${first.length > 80 ? `${first.slice(0, 79)}…` : first}`;
}

function answerActions(session: SessionSummary, options: MessageCardOptions): CardAction[] {
  if (session.answer === 'rsvp') {
    if (options.answered) return [];
    return [
      execute(`Attend ${session.title}`, BROADCAST_VERBS.supervisionRsvp, { occurrenceId: session.id, answer: 'attend' }, 'positive'),
      execute("Can't make it", BROADCAST_VERBS.supervisionRsvp, { occurrenceId: session.id, answer: 'decline' }),
    ];
  }
  if (!options.bookVerb) return [];
  return [
    execute(`Book ${session.title}`, options.bookVerb, { sessionId: session.id }, 'positive'),
    ...(options.declineVerb ? [execute("Can't make it", options.declineVerb, { sessionId: session.id })] : []),
  ];
}

/** The invitation again after an answer, with the answer on it. */
export function supervisionAnsweredCard(content: BroadcastContent, answer: 'attend' | 'decline'): AdaptiveCardJson {
  const base = broadcastMessageCard(content, { answered: answer });
  const line = answer === 'attend' ? notice("You're attending. Thank you.", 'good') : notice("You've said you can't make it. You can still come if that changes: Attend after all.", 'info');
  const actions: CardAction[] =
    content.session && answer === 'decline'
      ? [execute('Attend after all', BROADCAST_VERBS.supervisionRsvp, { occurrenceId: content.session.id, answer: 'attend' })]
      : content.session
        ? [execute("Can't make it after all", BROADCAST_VERBS.supervisionRsvp, { occurrenceId: content.session.id, answer: 'decline' })]
        : [];
  return card([...base.body, line], actions);
}

import { SESSION_VERBS } from '../sessions.verbs.js';
import { bookingWindow, checkChangeable, findBooking, mayBook, seatsLeft } from '../../domain/index.js';
import type { MentorStage } from '../../../journey/domain/index.js';
import { card, execute, heading, notice, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { cancelPlaceAction, joinButton, sessionBlock, yourPlace, type SessionView } from './session-parts.js';

export interface BookingCardView {
  readonly sessions: readonly SessionView[];
  readonly personId: string;
  readonly stage: MentorStage | undefined;
  readonly now: Date;
  /** What just happened (booked, waiting, cancelled), or why an action was refused. */
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' };
  /** Sent on approval: says so first. */
  readonly approved?: boolean;
}

/** The cohort's sessions with Book / Join waiting list / Cancel; refreshed after each action from what is stored. */
export function sessionBookingCard(view: BookingCardView): AdaptiveCardJson {
  const body: CardElement[] = [
    heading(view.approved ? 'Your sign-up is approved: book your sessions' : 'Information session and training'),
  ];
  if (view.notice) body.push(notice(view.notice.text, view.notice.tone));
  if (view.sessions.length === 0) {
    body.push(text('No sessions are planned at the moment. The scheme coordinator will let you know when they are.'));
    return card(body);
  }
  const refusals = new Set(view.sessions.flatMap((s) => {
    const may = mayBook(s.session.kind, view.stage);
    return may.ok || hasBooking(s, view.personId) ? [] : [may.error.message];
  }));
  for (const refusal of refusals) if (refusal !== view.notice?.text) body.push(notice(refusal, 'info'));
  for (const session of view.sessions) body.push(bookingBlock(session, view));
  body.push(text('A booking puts the session in your Outlook and Teams calendar. You will get a reminder the day before.', { subtle: true, spacing: 'Medium' }));
  return card(body, [], undefined, view.approved ? { summary: 'Your sign-up is approved: book your information session and training' } : {});
}

function hasBooking(view: SessionView, personId: string): boolean {
  const booking = findBooking(view.session, personId);
  return !!booking && booking.status !== 'cancelled';
}

function bookingBlock(view: SessionView, card: BookingCardView): CardElement {
  const mine = yourPlace(view.session, card.personId);
  const actions = sessionActions(view, card);
  return sessionBlock(view, card.now, [...(mine ? [mine] : []), ...(actions.length ? [{ type: 'ActionSet', actions }] : [])]);
}

function sessionActions(view: SessionView, card: BookingCardView): CardAction[] {
  const { session } = view;
  const data = { sessionId: session.id };
  if (hasBooking(view, card.personId)) {
    if (!checkChangeable(session, card.now).ok) return [];
    const waiting = findBooking(session, card.personId)?.status === 'waiting';
    return [...(waiting ? [] : joinButton(view)), cancelPlaceAction(view, waiting)];
  }
  if (!mayBook(session.kind, card.stage).ok || bookingWindow(session, card.now) !== 'open') return [];
  return seatsLeft(session) > 0
    ? [execute('Book', SESSION_VERBS.bookSession, data, 'positive')]
    : [execute('Join the waiting list', SESSION_VERBS.bookSession, data)];
}

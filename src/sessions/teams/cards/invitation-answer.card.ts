import { SESSION_VERBS } from '../sessions.verbs.js';
import { bookingWindow } from '../../domain/index.js';
import { card, confirmAction, execute, heading, notice, text, type AdaptiveCardJson, type CardAction } from '../../../platform/teams/cards/card.js';
import type { CalendarInUse } from './session-notice.card.js';
import { joinButton, KIND_NAMES, sessionFacts, type SessionView } from './session-parts.js';

export type InvitationAnswer =
  | { readonly kind: 'booked' }
  | { readonly kind: 'waiting'; readonly position: number }
  | { readonly kind: 'declined'; readonly gaveUp: 'place' | 'wait' | undefined }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * The answer to a workshop or shadowing day invitation (Book or Can't make it), in place of the invitation: where the
 * person stands, and the way to change their mind. Giving up a place is confirmed first.
 */
export function invitationAnswerCard(view: SessionView, answer: InvitationAnswer, now: Date, calendar: CalendarInUse): AdaptiveCardJson {
  const { session } = view;
  const body = [heading(session.title), text(KIND_NAMES[session.kind], { subtle: true }), sessionFacts(view, now), noticeFor(session.title, answer, calendar)];
  return card(body, actionsFor(view, answer, now));
}

function noticeFor(title: string, answer: InvitationAnswer, calendar: CalendarInUse) {
  switch (answer.kind) {
    case 'booked':
      return notice(`You are booked on ${title}.${calendar ? ' It will appear in your calendar shortly.' : ''}`, 'good');
    case 'waiting':
      return notice(`${title} is full. You are number ${answer.position} on the waiting list; if a place frees up it is yours and you will be told.`, 'warning');
    case 'declined': {
      const gave = answer.gaveUp === 'place' ? ' Your place has been given up, so someone waiting can have it.' : answer.gaveUp === 'wait' ? ' You have left the waiting list.' : '';
      return notice(`You've said you can't make it. Thank you for letting us know.${gave}`, 'info');
    }
    case 'refused':
      return notice(answer.message, 'attention');
  }
}

function actionsFor(view: SessionView, answer: InvitationAnswer, now: Date): CardAction[] {
  const { session } = view;
  const data = { sessionId: session.id };
  if (answer.kind === 'booked' || answer.kind === 'waiting') {
    const waiting = answer.kind === 'waiting';
    return [
      ...(waiting ? [] : joinButton(view)),
      confirmAction({
        opener: "Can't make it after all…",
        consequence: waiting
          ? `You will leave the waiting list for ${session.title}, and the coordinator will see that you can't make it.`
          : `You will give up your place at ${session.title}; the next person waiting gets it, and the coordinator will see that you can't make it.`,
        confirm: waiting ? 'Leave the waiting list' : 'Give up my place',
        verb: SESSION_VERBS.declineSession,
        data,
      }),
    ];
  }
  if (answer.kind === 'declined' && bookingWindow(session, now) === 'open') return [execute('Book after all', SESSION_VERBS.bookSession, data, 'positive')];
  return [];
}

import { cancelPlaceAction, joinButton, KIND_NAMES, sessionFacts, type SessionView } from './session-parts.js';
import { relativeDay } from '../../domain/index.js';
import { card, command, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

/** Before it starts: when, in words ("today at 15:40"), the details, and a way to give up the place for someone waiting. */
export function sessionReminderCard(view: SessionView, now: Date): AdaptiveCardJson {
  const { session } = view;
  return card(
    [heading(`Reminder: ${KIND_NAMES[session.kind].toLowerCase()} ${relativeDay(new Date(session.startsAt), now, session.timeZone)}`), text(session.title, { weight: 'Bolder' }), sessionFacts(view, now), text('If you can no longer come, please cancel so that someone on the waiting list can have your place.')],
    [...joinButton(view), cancelPlaceAction(view)],
    undefined,
    { summary: `Reminder: ${session.title} is ${relativeDay(new Date(session.startsAt), now, session.timeZone)}` },
  );
}

/** Whether bookings go into people's Outlook calendars here (an organiser mailbox is configured): cards say so only then. */
export type CalendarInUse = boolean;

export function sessionPromotedCard(view: SessionView, now: Date, calendar: CalendarInUse): AdaptiveCardJson {
  const { session } = view;
  return card(
    [
      heading('A place came free: you are booked'),
      text(`You were on the waiting list for ${session.title}, and now have a place.`),
      sessionFacts(view, now),
      ...(calendar ? [text('It will appear in your calendar shortly.', { subtle: true })] : []),
    ],
    [...joinButton(view), cancelPlaceAction(view)],
    undefined,
    { summary: `A place came free: you are booked on ${session.title}` },
  );
}

export function sessionCancelledCard(view: SessionView, now: Date, calendar: CalendarInUse): AdaptiveCardJson {
  return card(
    [
      heading('Session cancelled'),
      text(`${view.session.title} has been cancelled by the scheme coordinator.`),
      sessionFacts(view, now),
      ...(calendar ? [text('It will be removed from your calendar.')] : []),
    ],
    [command('See other sessions', 'sessions')],
    undefined,
    { summary: `${view.session.title} has been cancelled` },
  );
}

export function sessionMovedCard(view: SessionView, now: Date, calendar: CalendarInUse): AdaptiveCardJson {
  const { session } = view;
  return card(
    [heading('Session moved'), text(`${session.title} has a new time. Your place is kept${calendar ? ', and your calendar will be updated' : ''}.`), sessionFacts(view, now)],
    [...joinButton(view), cancelPlaceAction(view)],
    undefined,
    { summary: `${session.title} has moved to a new time: your place is kept` },
  );
}

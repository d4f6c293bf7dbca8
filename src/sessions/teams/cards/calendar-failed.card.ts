import { SESSION_VERBS } from '../sessions.verbs.js';
import type { CalendarFailure } from '../../app/calendar-failure.js';
import { OPERATION_TEXT } from '../../app/calendar-failure.js';
import { formatSessionTime } from '../../domain/index.js';
import { card, detailsForIt, execute, facts, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';
import { KIND_NAMES, type SessionView } from './session-parts.js';

/** To a coordinator: a session's Outlook/Teams event could not be updated for good; what failed, and what to do. */
export function calendarFailedCard(view: SessionView, failure: CalendarFailure): AdaptiveCardJson {
  const { session } = view;
  const details = detailsForIt('calendarDetails', [whatFailed(failure), ...whatToDo(failure)]);
  return card(
    [
      heading("A session's calendar could not be updated"),
      text(`${KIND_NAMES[session.kind]}: ${session.title}`, { weight: 'Bolder' }),
      facts([
        ['When', formatSessionTime(session)],
        ['What happened', PLAIN[failure.cause]],
      ]),
      text(
        'Bookings are not affected: people keep their places and are told in Teams. Only the calendar invitations are behind. Once the cause is fixed, press Try again (the calendar also catches up at the next booking change).',
        { subtle: true, spacing: 'Medium' },
      ),
      details.container,
    ],
    [execute('Try again', SESSION_VERBS.retrySessionCalendar, { sessionId: session.id }), details.toggle],
    undefined,
    { summary: `The calendar for ${session.title} could not be updated: IT needs to look` },
  );
}

/** What happened and who can fix it, in plain words; the technical detail is behind Details for IT. */
const PLAIN: Record<CalendarFailure['cause'], string> = {
  accessDenied: 'The bot is not allowed to change the scheme\'s calendar. IT (your Exchange administrator) can fix this: show them Details for IT.',
  notSignedIn: 'The bot could not sign in to the calendar. IT can fix this: show them Details for IT.',
  rejected: 'The calendar refused the change. IT can check it: show them Details for IT.',
  gaveUp: 'The calendar service was busy or out of reach every time the bot tried. Try again later.',
};

function whatFailed(failure: CalendarFailure): string {
  const mailbox = failure.mailbox ? ` (${failure.mailbox})` : '';
  const what = failure.operation ? OPERATION_TEXT[failure.operation] : 'update the calendar event';
  switch (failure.cause) {
    case 'accessDenied':
      return `Microsoft Graph refused access (HTTP 403) when the bot tried to ${what} in the organiser mailbox${mailbox}.`;
    case 'notSignedIn':
      return `Microsoft Graph did not accept the bot's sign-in (HTTP 401) when it tried to ${what}.`;
    case 'rejected':
      return `Microsoft Graph rejected the request (HTTP ${failure.status ?? 'error'}) when the bot tried to ${what} in the organiser mailbox${mailbox}.`;
    case 'gaveUp':
      return 'Microsoft Graph stayed busy or could not be reached, every time the bot tried, so it stopped trying.';
  }
}

function whatToDo(failure: CalendarFailure): string[] {
  const mailbox = failure.mailbox ?? 'the organiser mailbox';
  switch (failure.cause) {
    case 'accessDenied':
      return [
        `Ask your Exchange administrator to check the application access policy for ${mailbox}: Test-ApplicationAccessPolicy -Identity ${mailbox} -AppId <the bot's application id> must say Granted. If it says Denied, add the mailbox to the policy's group.`,
        "Check that the bot's app registration has the Calendars.ReadWrite application permission, with admin consent.",
        'A policy change can take up to an hour to apply.',
      ];
    case 'notSignedIn':
      return ["Ask IT to check the bot's app registration: its client secret or certificate (or managed identity) and admin consent for Calendars.ReadWrite."];
    case 'rejected':
      return [
        `Check that ${mailbox} is a working mailbox and is the one the bot is set to use (the ORGANISER_MAILBOX setting).`,
        "Otherwise ask IT to look at the bot's log for this session's calendar; the session's details may need correcting.",
      ];
    case 'gaveUp':
      return ['Check Microsoft 365 service health. Nothing needs changing in the bot: press Try again later.'];
  }
}

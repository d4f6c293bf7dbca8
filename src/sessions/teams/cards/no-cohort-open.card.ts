import { SESSION_VERBS } from '../sessions.verbs.js';
import { card, execute, heading, text, type AdaptiveCardJson } from '../../../platform/teams/cards/card.js';

export interface NoCohortOpenView {
  /** The latest cohort's name, when there has been one ("2026 cohort"). */
  readonly lastCohort?: string;
  /** How many approved mentors wait for the next dates. */
  readonly waiting: number;
}

export const NO_COHORT_OPEN_SUMMARY = 'No cohort is open: open the next one so new mentors can book';

/** To each coordinator, once per gap, by itself: nobody can book training now; the next step is to open a cohort. */
export function noCohortOpenCard(view: NoCohortOpenView): AdaptiveCardJson {
  const closed = view.lastCohort ? `Booking for the ${view.lastCohort} has closed, and no later cohort is open.` : 'No cohort has been opened yet.';
  const waiting =
    view.waiting === 0
      ? 'Newly approved mentors are told the dates are not set yet, and wait.'
      : `${view.waiting === 1 ? '1 approved mentor is' : `${view.waiting} approved mentors are`} waiting for the dates. Everyone waiting gets the booking card as soon as you open the next cohort.`;
  return card(
    [
      heading('No cohort is open for booking'),
      { type: 'Container', style: 'warning', items: [text(closed, { weight: 'Bolder' }), text('Approved mentors cannot book an information session or training.')] },
      text(waiting),
      text('Open the next cohort to set its dates, times, place and seats.', { subtle: true }),
    ],
    [execute('Open the next cohort', SESSION_VERBS.openCohortForm, {}, 'positive')],
    undefined,
    { summary: NO_COHORT_OPEN_SUMMARY },
  );
}

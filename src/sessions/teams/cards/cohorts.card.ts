import { SESSION_VERBS } from '../sessions.verbs.js';
import type { CohortOverview } from '../../app/cohort-views.js';
import { formatSessionTime, type CohortStatus } from '../../domain/index.js';
import { card, execute, facts, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { withFallback } from './card-fallback.js';

const STATUS: Record<CohortStatus, string> = {
  open: 'Open for booking',
  bookingClosed: 'Booking closed; sessions still to come',
  past: 'Past: its sessions have taken place',
  cancelled: 'Cancelled',
};

const NAMES_SHOWN = 10;
const PAST_SHOWN = 3;

/** For coordinators: whether anyone can book, who waits for dates, each cohort and its sessions (past ones folded). */
export function cohortsCard(view: CohortOverview, notice?: string): AdaptiveCardJson {
  const body: CardElement[] = [heading('Cohorts')];
  if (notice) body.push({ type: 'Container', style: 'good', items: [text(notice, { weight: 'Bolder' })] });
  if (!view.anyOpen) body.push(noneOpen());
  body.push(waiting(view));
  const current = view.cohorts.filter((each) => each.status !== 'past');
  const past = view.cohorts.filter((each) => each.status === 'past').slice(0, PAST_SHOWN);
  for (const each of current) body.push(cohortBlock(each));
  if (past.length > 0) {
    body.push({ type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: `Past cohorts (${past.length})`, targetElements: ['past-cohorts'] }] });
    body.push({ type: 'Container', id: 'past-cohorts', isVisible: false, items: past.map(cohortBlock) });
  }
  const fallback = view.anyOpen ? 'Cohorts: a cohort is open for booking.' : 'Cohorts: no cohort is open for booking. Open the next cohort.';
  return withFallback(card(body, [execute('Open the next cohort', SESSION_VERBS.openCohortForm, {}, 'positive')]), fallback);
}

function noneOpen(): CardElement {
  return {
    type: 'Container',
    style: 'warning',
    items: [
      text('No cohort is open for booking.', { weight: 'Bolder' }),
      text('Newly approved mentors are told the next dates are not set yet, and wait. Open the next cohort to set them: everyone waiting gets the booking card.'),
    ],
  };
}

function waiting(view: CohortOverview): CardElement {
  const names = view.waitingForDates.map((each) => each.name);
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
  return text(`Waiting for dates (${names.length}): ${names.length ? shown + more : 'nobody'}`);
}

function cohortBlock({ cohort, status, sessions }: CohortOverview['cohorts'][number]): CardElement {
  return {
    type: 'Container',
    separator: true,
    items: [
      text(cohort.name, { weight: 'Bolder', size: 'Medium' }),
      facts([['Status', STATUS[status]], ...sessions.map((session): [string, string] => [session.kind === 'training' ? 'Training' : 'Information session', formatSessionTime(session)])]),
    ],
  };
}

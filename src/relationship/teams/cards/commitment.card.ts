import { card, execute, facts, formatDate, formatMonth, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import type { RelationshipProgress } from '../../app/progress.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';
import { supportButton } from './support-button.card.js';
import { thisMonthWords } from './month-count.js';

export function progressFacts(progress: RelationshipProgress): CardElement {
  const term = progress.term;
  return facts([
    ['This month', thisMonthWords(progress)],
    ['Months so far', `${term.monthsElapsed} (at least ${term.minimumMonths}, at most ${term.maximumMonths})`],
    ['Review', formatDate(term.reviewDate)],
    ['Ends by', formatDate(term.endDate)],
  ]);
}

export function commitmentNudgeCard(progress: RelationshipProgress): AdaptiveCardJson {
  return card(
    [
      heading('A gentle reminder'),
      text(
        `The month is nearly over and ${progress.minutesThisMonth} of the ${progress.expectedMinutes} minutes are logged. ` +
          'If you have met and not logged it yet, log it now; if meeting has been hard, the Leaving Care Team can help.',
      ),
      progressFacts(progress),
    ],
    [execute('Log a meeting', RELATIONSHIP_VERBS.meetingForm, { matchId: progress.matchId }, 'positive'), supportButton(progress.matchId)],
    undefined,
    { summary: `${progress.minutesThisMonth} of ${progress.expectedMinutes} minutes logged this month: log a meeting, or ask for support` },
  );
}

export function shortfallCard(view: { mentorName: string; month: string; minutesByMonth: readonly [string, number][] }): AdaptiveCardJson {
  return card(
    [
      heading('A match under 90 minutes two months running'),
      text(`${view.mentorName} has logged under 90 minutes a month for two months running, up to ${formatMonth(view.month)}. They may need support.`),
      facts(view.minutesByMonth.map(([month, minutes]) => [formatMonth(month), `${minutes} minutes`])),
    ],
    [],
    undefined,
    { summary: `${view.mentorName} has met under 90 minutes a month for two months: they may need support` },
  );
}

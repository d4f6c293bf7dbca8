import { card, execute, facts, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { formatPounds, type MonthlySummary } from '../../domain/index.js';
import { RELATIONSHIP_VERBS } from '../relationship.verbs.js';

export function summaryCard(view: { summary: MonthlySummary; mentorNames: ReadonlyMap<string, string> }): AdaptiveCardJson {
  const { summary } = view;
  const totals = summary.totals;
  const body: CardElement[] = [
    heading(`Relationships: ${summary.month}`),
    facts([
      ['Matches running', String(totals.matches)],
      ...(totals.ended ? [['Ended this month', String(totals.ended)] as [string, string]] : []),
      ['Minutes logged', String(totals.minutes)],
      ['Under 90 minutes', String(totals.matchesUnderExpectation)],
      ['Two months under', String(totals.coordinatorAlerts)],
      ['Refreshments claimed', formatPounds(totals.claims.claimedPence)],
      ['Paid', formatPounds(totals.claims.paidPence)],
    ]),
  ];
  for (const row of summary.matches.slice(0, 30)) {
    const flags = [row.ended ? 'ended' : '', row.counted ? '' : 'month not counted', row.metExpectation ? '' : 'under 90', row.coordinatorToBeTold ? 'follow up' : '', row.reviewDue ? 'review due' : '', row.endDue ? 'term over' : '']
      .filter(Boolean)
      .join(', ');
    body.push(text(`${view.mentorNames.get(row.mentorId) ?? 'A mentor'}: ${row.minutes} min, month ${row.monthsElapsed}${flags ? ` (${flags})` : ''}`));
  }
  if (summary.matches.length > 30) body.push(text(`and ${summary.matches.length - 30} more.`, { subtle: true }));
  return card(body, [execute('Claims this month', RELATIONSHIP_VERBS.claimsForMonth, { month: summary.month })]);
}

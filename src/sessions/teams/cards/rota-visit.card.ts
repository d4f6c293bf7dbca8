import { SESSION_VERBS } from '../sessions.verbs.js';
import { monthName, type RotaVisit, type VisitRota } from '../../domain/index.js';
import { card, execute, heading, text, type AdaptiveCardJson, type CardAction, type CardElement } from '../../../platform/teams/cards/card.js';
import { withFallback } from './card-fallback.js';
import { doneLine } from './rota.card.js';

function homeName(rota: VisitRota, homeId: string): string {
  return rota.homes.find((home) => home.id === homeId)?.name ?? 'a home no longer on the rota';
}

function recordAction(rota: VisitRota, visit: RotaVisit): CardAction {
  return execute(`Record the visit as done: ${homeName(rota, visit.homeId)}, ${monthName(visit.month)}`, SESSION_VERBS.recordRotaVisit, { homeId: visit.homeId, month: visit.month }, 'positive');
}

/** To the member: what, where and when, and the one button for after the visit. */
export function rotaVisitCard(rota: VisitRota, visit: RotaVisit, purpose: 'assigned' | 'reminder'): AdaptiveCardJson {
  const home = homeName(rota, visit.homeId);
  const month = monthName(visit.month);
  const title = purpose === 'assigned' ? `You are on the Regulation 33 rota: ${home}, ${month}` : `Reminder: your Regulation 33 visit to ${home} is in ${month}`;
  return withFallback(
    card(
      [
        heading(title),
        text(`Please visit ${home} during ${month} and arrange the day with the home's manager. Afterwards, record the visit as done here.`),
        text('Your visit report goes to the home and the service as usual; nothing about the young people is kept in this bot.', { subtle: true }),
      ],
      visit.doneAt ? [] : [recordAction(rota, visit)],
    ),
    title,
  );
}

/** `rota` for a member: the visits they are on, each with its state, and the button for those not yet recorded. */
export function myRotaVisitsCard(rota: VisitRota, visits: readonly RotaVisit[], notice?: { text: string; tone: 'good' | 'attention' }): AdaptiveCardJson {
  const body: CardElement[] = [heading('Your Regulation 33 visits')];
  if (notice) body.push({ type: 'Container', style: notice.tone === 'good' ? 'good' : 'attention', items: [text(notice.text, { weight: 'Bolder' })] });
  if (visits.length === 0) body.push(text('You are not on the Regulation 33 rota. The scheme coordinator puts members on visits.'));
  const actions: CardAction[] = [];
  for (const visit of [...visits].sort((a, b) => a.month.localeCompare(b.month))) {
    body.push(text(`${monthName(visit.month)}: ${homeName(rota, visit.homeId)}${visit.doneAt ? ` (${doneLine(visit.doneAt)})` : ''}`));
    if (!visit.doneAt && actions.length < 5) actions.push(recordAction(rota, visit));
  }
  return withFallback(card(body, actions), 'Your Regulation 33 visits.');
}

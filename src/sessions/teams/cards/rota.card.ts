import { SESSION_VERBS } from '../sessions.verbs.js';
import type { RotaView } from '../../app/visit-rota.js';
import { findVisit, monthName, type RotaGap, type RotaVisit, type VisitRota } from '../../domain/index.js';
import { card, execute, facts, formatDate, heading, text, type AdaptiveCardJson, type CardElement } from '../../../platform/teams/cards/card.js';
import { withFallback } from './card-fallback.js';

const GAPS_SHOWN = 5;
const MONTHS_SHOWN = 1;

/** For coordinators: the rota's gaps first, then the coming months home by home (later months folded), and the forms. */
export function rotaCard(view: RotaView, notice?: string): AdaptiveCardJson {
  const { rota, gaps } = view;
  const body: CardElement[] = [heading('Regulation 33 rota'), text('A member visits each children\'s home every month. Nothing about the young people living there is kept here.', { subtle: true })];
  if (notice) body.push({ type: 'Container', style: 'good', items: [text(notice, { weight: 'Bolder' })] });
  if (rota.homes.length === 0 || rota.months.length === 0) {
    body.push(text('No rota yet. Add the children\'s homes and the months to visit.'));
    return withFallback(card(body, [execute('Add homes and months', SESSION_VERBS.rotaSetupForm, {}, 'positive')]), 'Regulation 33 rota: no rota yet.');
  }
  body.push(gapsBlock(gaps));
  const coming = rota.months.filter((month) => month >= view.thisMonth);
  for (const month of coming.slice(0, MONTHS_SHOWN)) body.push(monthBlock(rota, month));
  const later = coming.slice(MONTHS_SHOWN);
  if (later.length > 0) {
    body.push({ type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: `Later months (${later.length})`, targetElements: ['rota-later'] }] });
    body.push({ type: 'Container', id: 'rota-later', isVisible: false, items: later.map((month) => monthBlock(rota, month)) });
  }
  const fallback = gaps.length === 0 ? 'Regulation 33 rota: no gaps.' : `Regulation 33 rota: ${gaps.length} gaps to fill.`;
  return withFallback(
    card(body, [execute('Put a member on a visit', SESSION_VERBS.rotaAssignForm, {}, 'positive'), execute('Add homes or months', SESSION_VERBS.rotaSetupForm)]),
    fallback,
  );
}

function gapsBlock(gaps: readonly RotaGap[]): CardElement {
  if (gaps.length === 0) return { type: 'Container', style: 'good', items: [text('No gaps: every visit has a member, and every past visit is recorded.', { weight: 'Bolder' })] };
  const lines = gaps.slice(0, GAPS_SHOWN).map((gap) => text(`${gap.home.name}, ${monthName(gap.month)}: ${gap.kind === 'noMember' ? 'no member yet' : 'not recorded as done'}`));
  const more = gaps.length > GAPS_SHOWN ? [text(`and ${gaps.length - GAPS_SHOWN} more`, { subtle: true })] : [];
  return { type: 'Container', style: 'warning', items: [text(`Gaps in the rota (${gaps.length})`, { weight: 'Bolder' }), ...lines, ...more] };
}

function monthBlock(rota: VisitRota, month: string): CardElement {
  return {
    type: 'Container',
    separator: true,
    items: [text(monthName(month), { weight: 'Bolder', size: 'Medium' }), facts(rota.homes.map((home) => [home.name, visitLine(findVisit(rota, home.id, month))]))],
  };
}

export function visitLine(visit: RotaVisit | undefined): string {
  if (!visit?.member) return 'No member yet';
  return visit.doneAt ? `${visit.member.name} (${doneLine(visit.doneAt)})` : visit.member.name;
}

export function doneLine(doneAt: string): string {
  return `visited; recorded ${formatDate(doneAt)}`;
}

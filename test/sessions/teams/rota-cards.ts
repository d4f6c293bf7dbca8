import { assignVisit, EMPTY_ROTA, recordVisitDone, rotaGaps, setUpRota, type VisitRota } from '../../../src/sessions/domain/index.js';
import type { AdaptiveCardJson } from '../../../src/platform/teams/cards/card.js';
import { rotaCard } from '../../../src/sessions/teams/cards/rota.card.js';
import { rotaAssignFormCard, rotaSetupFormCard } from '../../../src/sessions/teams/cards/rota-forms.card.js';
import { myRotaVisitsCard, rotaVisitCard } from '../../../src/sessions/teams/cards/rota-visit.card.js';

const NOW = new Date('2026-12-04T10:00:00Z');
const LONDON = 'Europe/London';
const EVIL = { id: 'm', name: '[Adele](http://evil) **Vance**' };
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const homes = Array.from({ length: 12 }, (_, i) => `${i === 0 ? '# Oak *House*' : `Home ${i}`}`).join('\n');
const empty = must(setUpRota(EMPTY_ROTA, { homes, fromMonth: '2026-12', toMonth: '2027-11' }, NOW, LONDON));
const assigned: VisitRota = must(assignVisit(empty, empty.homes[0]!.id, '2026-12', EVIL, NOW, LONDON));
const done = must(recordVisitDone(assigned, empty.homes[0]!.id, '2026-12', EVIL, false, NOW, LONDON)).rota;
const view = (rota: VisitRota) => ({ rota, gaps: rotaGaps(rota, NOW, LONDON), thisMonth: '2026-12' });

/** The Regulation 33 rota's cards in their states, for the card checks in cards.test.ts. */
export const ROTA_CARDS: Array<[string, AdaptiveCardJson]> = [
  ['rota: none yet', rotaCard(view(EMPTY_ROTA))],
  ['rota: 12 homes, a year, gaps, later months folded', rotaCard(view(assigned), 'Rota updated: 12 homes, 12 months.')],
  ['rota: a visit recorded', rotaCard(view(done))],
  ['rota: set-up form', rotaSetupFormCard(empty)],
  ['rota: set-up form, refused', rotaSetupFormCard(EMPTY_ROTA, { homes: '***', fromMonth: 'Jan' }, [{ field: 'homes', code: 'HOME_NAME_NO_WORDS', message: 'Each home needs a name with letters or digits in it.' }, { field: 'fromMonth', code: 'MONTH_INVALID', message: 'Please give the first month.' }])],
  ['rota: assign form', rotaAssignFormCard({ rota: empty, months: empty.months, members: [EVIL, { id: 'p', name: 'Patti Fernandez' }] })],
  ['rota: assign form, refused', rotaAssignFormCard({ rota: empty, months: empty.months, members: [EVIL] }, { homeId: empty.homes[0]!.id, month: '2026-12' }, [{ field: 'memberId', code: 'MEMBER_NOT_FOUND', message: 'Please choose the member by name.' }])],
  ['rota: visit assigned, to the member', rotaVisitCard(assigned, assigned.visits[0]!, 'assigned')],
  ['rota: visit reminder, to the member', rotaVisitCard(assigned, assigned.visits[0]!, 'reminder')],
  ['rota: my visits', myRotaVisitsCard(done, done.visits, { text: 'Recorded: thank you for the visit.', tone: 'good' })],
  ['rota: my visits, none', myRotaVisitsCard(EMPTY_ROTA, [])],
];

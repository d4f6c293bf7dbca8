import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';
import { assignRotaVisit, recordRotaVisit, rotaAssignForm, rotaFor, rotaToManage, setUpVisitRota } from '../app/visit-rota.js';
import { findVisit, monthName } from '../domain/index.js';
import { rotaCard } from './cards/rota.card.js';
import { rotaAssignFormCard, rotaSetupFormCard, type RotaAssignValues, type RotaSetupValues } from './cards/rota-forms.card.js';
import { myRotaVisitsCard } from './cards/rota-visit.card.js';
import type { SessionHandlerDeps } from './sessions.handler.js';

const COORDINATORS_ONLY = 'That is for the scheme coordinators. Type "rota" to see the visits you are on.';
const notCoordinator = () => errorCard(COORDINATORS_ONLY, 'Coordinators only');

function strings<K extends string>(data: unknown, fields: readonly K[]): Partial<Record<K, string>> {
  const raw = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const values: Partial<Record<K, string>> = {};
  for (const field of fields) if (typeof raw[field] === 'string') values[field] = (raw[field] as string).slice(0, 5000);
  return values;
}

export function rotaCommand(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const shown = await rotaFor(h.sessions, actor);
    await sendCard(context, shown.role === 'coordinator' ? rotaCard(shown.view) : myRotaVisitsCard(shown.rota, shown.visits));
  };
}

export function rotaSetupFormAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const view = await rotaToManage(h.sessions, actor);
    await answerInvoke(context, view.ok ? rotaSetupFormCard(view.value.rota) : notCoordinator());
  };
}

export function setUpRotaAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const values: RotaSetupValues = strings(data, ['homes', 'fromMonth', 'toMonth'] as const);
    const result = await setUpVisitRota(h.sessions, actor, values);
    if (!result.ok && result.error.code === 'NOT_COORDINATOR') return answerInvoke(context, notCoordinator());
    const view = await rotaToManage(h.sessions, actor);
    if (!view.ok) return answerInvoke(context, notCoordinator());
    if (!result.ok) return answerInvoke(context, rotaSetupFormCard(view.value.rota, values, result.error.problems));
    await answerInvoke(context, rotaCard(view.value, `Rota updated: ${result.value.homes.length} homes, ${result.value.months.length} months.`));
  };
}

export function rotaAssignFormAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const form = await rotaAssignForm(h.sessions, actor);
    await answerInvoke(context, form.ok ? rotaAssignFormCard(form.value) : notCoordinator());
  };
}

export function assignRotaVisitAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const values: RotaAssignValues = strings(data, ['homeId', 'month', 'memberId'] as const);
    const result = await assignRotaVisit(h.sessions, actor, values);
    if (!result.ok && result.error.code === 'NOT_COORDINATOR') return answerInvoke(context, notCoordinator());
    if (!result.ok) {
      const form = await rotaAssignForm(h.sessions, actor);
      return answerInvoke(context, form.ok ? rotaAssignFormCard(form.value, values, result.error.problems) : notCoordinator());
    }
    const view = await rotaToManage(h.sessions, actor);
    if (!view.ok) return answerInvoke(context, notCoordinator());
    const { rota } = view.value;
    const visit = findVisit(result.value, values.homeId!, values.month!);
    const home = rota.homes.find((each) => each.id === values.homeId)?.name ?? 'the home';
    await answerInvoke(context, rotaCard(view.value, `${visit?.member?.name ?? 'The member'} is on the visit to ${home} in ${monthName(values.month!)}, and is being told.`));
  };
}

export function recordRotaVisitAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const values = strings(data, ['homeId', 'month'] as const);
    const result = await recordRotaVisit(h.sessions, actor, values);
    const shown = await rotaFor(h.sessions, actor);
    const rota = shown.role === 'coordinator' ? shown.view.rota : shown.rota;
    const mine = rota.visits.filter((visit) => visit.member?.id === actor.id);
    const notice = result.ok
      ? { text: result.value.changed ? 'Recorded: thank you for the visit.' : 'This visit was already recorded as done.', tone: 'good' as const }
      : { text: result.error.message, tone: 'attention' as const };
    await answerInvoke(context, myRotaVisitsCard(rota, mine, notice));
  };
}

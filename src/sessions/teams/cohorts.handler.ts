import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';
import { cohortOverview, openCohortForm } from '../app/cohort-views.js';
import { openCohort } from '../app/open-cohort.js';
import { COHORT_FORM_FIELDS, type CohortFormValues } from '../domain/index.js';
import { cohortsCard } from './cards/cohorts.card.js';
import { openCohortFormCard } from './cards/open-cohort-form.card.js';
import type { SessionHandlerDeps } from './sessions.handler.js';

const COORDINATORS_ONLY = 'That is for the scheme coordinators. Type "sessions" to see the sessions you can book.';
const notCoordinator = () => errorCard(COORDINATORS_ONLY, 'Coordinators only');

export function cohortsCommand(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const shown = await cohortOverview(h.sessions, actor);
    await sendCard(context, shown.ok ? cohortsCard(shown.value) : notCoordinator());
  };
}

export function openCohortCommand(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const form = await openCohortForm(h.sessions, actor);
    await sendCard(context, form.ok ? openCohortFormCard(h.timeZone, form.value) : notCoordinator());
  };
}

export function openCohortFormAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const form = await openCohortForm(h.sessions, actor);
    await answerInvoke(context, form.ok ? openCohortFormCard(h.timeZone, form.value) : notCoordinator());
  };
}

export function openCohortAction(h: SessionHandlerDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const values = formValues(data);
    const result = await openCohort(h.sessions, actor, values);
    if (!result.ok && result.error.code === 'NOT_COORDINATOR') return answerInvoke(context, notCoordinator());
    // The form comes back as typed, cut to what the fields hold, with each problem under its field.
    if (!result.ok) return answerInvoke(context, openCohortFormCard(h.timeZone, cut(values), result.error.problems));
    const { cohort, offered } = result.value;
    const told = offered === 0 ? '' : offered === 1 ? ' The one mentor waiting for dates is being sent the booking card.' : ` The ${offered} mentors waiting for dates are being sent the booking card.`;
    const shown = await cohortOverview(h.sessions, actor);
    const notice = `Opened: ${cohort.name}. Approved mentors can book now.${told}`;
    await answerInvoke(context, shown.ok ? cohortsCard(shown.value, notice) : notCoordinator());
  };
}

/** Strings as typed (a number input may arrive as a number); anything else is left out, so the parser says it is missing. */
function formValues(data: unknown): CohortFormValues {
  const raw = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const values: CohortFormValues = {};
  for (const field of COHORT_FORM_FIELDS) {
    const value = raw[field];
    if (typeof value === 'string') values[field] = value.slice(0, 20_000);
    else if (typeof value === 'number' && Number.isFinite(value)) values[field] = String(value);
  }
  return values;
}

function cut(values: CohortFormValues): CohortFormValues {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.slice(0, 200)])) as CohortFormValues;
}

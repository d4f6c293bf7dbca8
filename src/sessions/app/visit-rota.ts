import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import { SYSTEM, type PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { Effect } from '../../platform/app/ports.js';
import type { FieldProblem } from '../../platform/kernel/validation/index.js';
import {
  assignVisit,
  currentMonth,
  markReminded,
  recordVisitDone,
  rotaGaps,
  setUpRota,
  visitsToRemind,
  type RotaGap,
  type RotaVisit,
  type VisitRota,
} from '../domain/index.js';
import { cohortAudit } from './cohort-book.js';
import { MENTOR_STAGES } from '../../journey/domain/index.js';
import type { RotaDeps } from './rota-ports.js';
import { isRestricted, RESTRICTED_REFUSAL, withoutRestricted } from '../../platform/app/restricted-people.js';

export interface RotaView {
  readonly rota: VisitRota;
  readonly gaps: readonly RotaGap[];
  /** 'YYYY-MM' in the council's zone. */
  readonly thisMonth: string;
}

type FormResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly problems: readonly FieldProblem[] } };

/** `rota`: the whole rota with its gaps for a coordinator; for anyone else, the visits they are on. */
export async function rotaFor(deps: RotaDeps, actor: PersonRef): Promise<{ readonly role: 'coordinator'; readonly view: RotaView } | { readonly role: 'member'; readonly rota: VisitRota; readonly visits: readonly RotaVisit[] }> {
  const rota = (await deps.rota.get()).value;
  if (requireCoordinator(deps.roles, actor).ok) return { role: 'coordinator', view: viewOf(deps, rota) };
  return { role: 'member', rota, visits: rota.visits.filter((visit) => visit.member?.id === actor.id) };
}

/** The coordinator's view of the rota, refused to anyone else. */
export async function rotaToManage(deps: RotaDeps, actor: PersonRef): Promise<Result<RotaView, 'NOT_COORDINATOR'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  return allowed.ok ? ok(viewOf(deps, (await deps.rota.get()).value)) : allowed;
}

function viewOf(deps: RotaDeps, rota: VisitRota): RotaView {
  const now = deps.clock.now();
  return { rota, gaps: rotaGaps(rota, now, deps.timeZone), thisMonth: currentMonth(now, deps.timeZone) };
}

export interface RotaAssignForm {
  readonly rota: VisitRota;
  /** The months a member can still be put on: this month and later. */
  readonly months: readonly string[];
  /** Elected members the scheme knows (councillors who signed up, members already on the rota), offered by name. */
  readonly members: readonly PersonRef[];
}

/** What the "put a member on a visit" form offers (coordinators only); anyone else can be found by name in the directory. */
export async function rotaAssignForm(deps: RotaDeps, actor: PersonRef): Promise<Result<RotaAssignForm, 'NOT_COORDINATOR'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  const { rota, thisMonth } = viewOf(deps, (await deps.rota.get()).value);
  const members = new Map<string, PersonRef>();
  for (const visit of rota.visits) if (visit.member) members.set(visit.member.id, visit.member);
  for (const stage of MENTOR_STAGES) {
    for await (const { value } of deps.mentors.listByStage(stage)) if (value.details?.role === 'electedMember') members.set(value.id, { id: value.id, name: value.name });
  }
  return ok({ rota, months: rota.months.filter((month) => month >= thisMonth), members: [...members.values()].sort((a, b) => a.name.localeCompare(b.name)) });
}

/** Adds homes and months to the rota (coordinators); bad input changes nothing. */
export async function setUpVisitRota(deps: RotaDeps, actor: PersonRef, input: unknown): Promise<FormResult<VisitRota>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return { ok: false, error: { ...allowed.error, problems: [] } };
  return retryOnConflict(async () => {
    const stored = await deps.rota.get();
    const now = deps.clock.now();
    const next = setUpRota(stored.value, input, now, deps.timeZone);
    if (!next.ok) return next;
    const audit = [cohortAudit(actor, 'setUpRota', 'regulation33', now, `HOMES_${next.value.homes.length}_MONTHS_${next.value.months.length}`)];
    await deps.rota.save({ value: next.value, ...(stored.etag ? { etag: stored.etag } : {}), audit, effects: [] });
    return { ok: true, value: next.value };
  });
}

/** Puts a member (chosen by name in the people picker; the name comes from the directory) on a visit, and tells them. */
export async function assignRotaVisit(deps: RotaDeps, actor: PersonRef, input: { homeId?: unknown; month?: unknown; memberId?: unknown }): Promise<FormResult<VisitRota>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return { ok: false, error: { ...allowed.error, problems: [] } };
  const { homeId, month, memberId } = input;
  if (typeof homeId !== 'string' || typeof month !== 'string') return refused('homeId', 'VISIT_NOT_ON_ROTA', 'Please choose a home and a month from the lists.');
  const person = typeof memberId === 'string' && memberId.length <= 100 && memberId ? await deps.directory.getPerson(memberId) : undefined;
  if (!person) return refused('memberId', 'MEMBER_NOT_FOUND', 'Please choose the member by name: that person was not found in the directory.');
  if (await isRestricted(deps.restricted, person.id)) return refused('memberId', 'RESTRICTED', RESTRICTED_REFUSAL);
  const member: PersonRef = { id: person.id, name: person.name };
  return retryOnConflict(async () => {
    const stored = await deps.rota.get();
    const now = deps.clock.now();
    const next = assignVisit(stored.value, homeId, month, member, now, deps.timeZone);
    if (!next.ok) return refused(next.error.code === 'VISIT_NOT_ON_ROTA' ? 'homeId' : 'month', next.error.code, next.error.message);
    const effects: Effect[] = [{ id: `rota.${homeId}.${month}.${member.id}.assigned.${now.getTime()}`, recipientId: member.id, message: { type: 'rotaVisitAssigned', homeId, month, memberId: member.id } }];
    const audit = [cohortAudit(actor, 'assignRotaVisit', `${homeId}|${month}`, now)];
    await deps.rota.save({ value: next.value, ...(stored.etag ? { etag: stored.etag } : {}), audit, effects });
    return { ok: true, value: next.value };
  });
}

/** The member on the visit (or a coordinator) records it as done. */
export async function recordRotaVisit(deps: RotaDeps, actor: PersonRef, input: { homeId?: unknown; month?: unknown }): Promise<Result<{ rota: VisitRota; changed: boolean }, string>> {
  const { homeId, month } = input;
  if (typeof homeId !== 'string' || typeof month !== 'string') return fail('VISIT_NOT_ON_ROTA', 'This card is out of date. Type "rota" for a new one.');
  return retryOnConflict(async () => {
    const stored = await deps.rota.get();
    const now = deps.clock.now();
    const done = recordVisitDone(stored.value, homeId, month, actor, deps.roles.isCoordinator(actor.id), now, deps.timeZone);
    if (!done.ok || !done.value.changed) return done;
    const audit = [cohortAudit(actor, 'recordRotaVisit', `${homeId}|${month}`, now)];
    await deps.rota.save({ value: done.value.rota, ...(stored.etag ? { etag: stored.etag } : {}), audit, effects: [] });
    return done;
  });
}

/** The week-before reminders: once per member and visit, queued with the write that records them (any instance may run this). */
export async function sendRotaReminders(deps: RotaDeps): Promise<number> {
  return retryOnConflict(async () => {
    const stored = await deps.rota.get();
    const now = deps.clock.now();
    // A transaction holds 100 rows: the rest are reminded on the next run. A restricted member is not reminded.
    const due = (await withoutRestricted(deps.restricted, visitsToRemind(stored.value, now, deps.timeZone), (visit) => visit.member!.id)).slice(0, 90);
    if (due.length === 0) return 0;
    const effects: Effect[] = due.map((visit) => ({
      id: `rota.${visit.homeId}.${visit.month}.${visit.member!.id}.reminder`,
      recipientId: visit.member!.id,
      message: { type: 'rotaVisitReminder', homeId: visit.homeId, month: visit.month, memberId: visit.member!.id },
    }));
    const audit = [cohortAudit(SYSTEM, 'remindRotaVisits', 'regulation33', now, `REMINDED_${due.length}`)];
    await deps.rota.save({ value: markReminded(stored.value, due), ...(stored.etag ? { etag: stored.etag } : {}), audit, effects });
    return due.length;
  });
}

function refused(field: string, code: string, message: string): { ok: false; error: { code: string; message: string; problems: FieldProblem[] } } {
  return { ok: false, error: { code, message, problems: [{ field, code, message }] } };
}

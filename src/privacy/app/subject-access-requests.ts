import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { checkFreeText } from '../../platform/kernel/text/index.js';
import { retryOnConflict } from '../../platform/app/retry-on-conflict.js';
import {
  advanceRequest,
  buildExport,
  dateOf,
  dueOn,
  isCalendarDate,
  needsReminder,
  newRequest,
  renderExportHtml,
  type CalendarDate,
  type DataSubject,
  type ExportDocument,
  type RequestStep,
  type SubjectAccessRequest,
} from '../domain/index.js';
import { privacyOfficers, requirePrivacyActor } from './privacy-authority.js';
import type { PrivacyDeps } from './privacy-ports.js';

export type SubjectRef = { readonly kind: 'mentor'; readonly personId: string } | { readonly kind: 'youngPerson'; readonly reference: string };

export interface RequestView {
  readonly request: SubjectAccessRequest;
  readonly dueOn: CalendarDate;
}

/** A subject access request, started by a coordinator or the DPO for a mentor (directory identity) or a young person (case reference). */
export async function startSubjectAccess(deps: PrivacyDeps, actor: PersonRef, ref: SubjectRef, receivedOn?: string): Promise<Result<RequestView>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  const today = dateOf(deps.clock.now());
  const received = receivedOn?.trim() || today;
  if (!isCalendarDate(received) || received > today) return fail('BAD_DATE', 'The date received must be a date, today or earlier.');
  const subject = await subjectOf(deps, actor, ref);
  if (!subject.ok) return subject;
  const request = newRequest(deps.newId(), subject.value, actor, received);
  await deps.store.saveRequest({ value: request, audit: [audit(actor, 'subjectAccessStarted', request, deps)], effects: [] });
  return ok({ request, dueOn: dueOn(request, today) });
}

export async function subjectOf(deps: PrivacyDeps, actor: PersonRef, ref: SubjectRef): Promise<Result<DataSubject>> {
  if (ref.kind === 'mentor') {
    const person = await deps.directory.getPerson(ref.personId).catch(() => undefined);
    if (!person) return fail('UNKNOWN_PERSON', 'There is nobody with that identity in the directory. Choose the person from the directory.');
    return ok({ kind: 'mentor', personId: person.id, name: person.name });
  }
  const found = await deps.personalData.youngPersonByReference(ref.reference, actor);
  if (!found) return fail('UNKNOWN_REFERENCE', 'No young person on the scheme has that case reference. Check it against the case record.');
  return ok({ kind: 'youngPerson', youngPersonId: found.id, reference: ref.reference.trim() });
}

/** Pause for identity, identity confirmed, extend (with a reason), into review, sent: each step audited. */
export async function stepSubjectAccess(deps: PrivacyDeps, actor: PersonRef, requestId: string, step: RequestStep): Promise<Result<RequestView>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  if (step.step === 'extend') {
    const why = checkFreeText(step.reason, { label: 'the reason for the extension', max: 500, required: true });
    if (!why.ok) return why;
    step = { step: 'extend', reason: why.value };
  }
  return retryOnConflict(async () => {
    const stored = await deps.store.getRequest(requestId);
    if (!stored) return fail('UNKNOWN_REQUEST', 'That request is not on record. It may have been typed wrongly.');
    const today = dateOf(deps.clock.now());
    const next = advanceRequest(stored.value, step, actor, today);
    if (!next.ok) return next;
    await deps.store.saveRequest({ value: next.value, etag: stored.etag, audit: [audit(actor, `subjectAccess.${step.step}`, next.value, deps)], effects: [] });
    return ok({ request: next.value, dueOn: dueOn(next.value, today) });
  });
}

export async function listSubjectAccess(deps: PrivacyDeps, actor: PersonRef): Promise<Result<RequestView[]>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  const today = dateOf(deps.clock.now());
  const views = (await deps.store.listRequests()).map(({ value }) => ({ request: value, dueOn: dueOn(value, today) }));
  return ok(views.sort((a, b) => Number(a.request.state === 'sent') - Number(b.request.state === 'sent') || a.dueOn.localeCompare(b.dueOn)));
}

export interface SubjectAccessExport {
  readonly document: ExportDocument;
  readonly html: string;
  readonly json: string;
}

/** Everything held about the request's subject, as a readable page and as JSON, with other people named flagged. */
export async function exportSubjectAccess(deps: PrivacyDeps, actor: PersonRef, requestId: string): Promise<Result<SubjectAccessExport>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  const stored = await deps.store.getRequest(requestId);
  if (!stored) return fail('UNKNOWN_REQUEST', 'That request is not on record. It may have been typed wrongly.');
  const rows = await deps.personalData.rowsAbout(stored.value.subject, actor);
  const document = buildExport(stored.value.subject, rows, deps.clock.now().toISOString());
  await retryOnConflict(async () => {
    const latest = (await deps.store.getRequest(requestId))!;
    await deps.store.saveRequest({ value: latest.value, etag: latest.etag, audit: [audit(actor, 'subjectAccessExported', latest.value, deps, `ROWS_${rows.length}`)], effects: [] });
  });
  return ok({ document, html: renderExportHtml(document), json: JSON.stringify(document, null, 2) });
}

/** The daily reminder: every open request due within the reminder days, once per due date, to coordinators and the DPO. */
export async function remindSubjectAccessDue(deps: PrivacyDeps): Promise<number> {
  const today = dateOf(deps.clock.now());
  let reminded = 0;
  for (const { value } of await deps.store.listRequests()) {
    if (!needsReminder(value, today, deps.reminderDays)) continue;
    const due = dueOn(value, today);
    await retryOnConflict(async () => {
      const latest = await deps.store.getRequest(value.id);
      if (!latest || !needsReminder(latest.value, today, deps.reminderDays)) return;
      const effects = privacyOfficers(deps).map((person) => ({
        id: `sarDue.${value.id}.${due}.${person.id}`,
        recipientId: person.id,
        message: { type: 'subjectAccessDue' as const, requestId: value.id, dueOn: due },
      }));
      await deps.store.saveRequest({ value: { ...latest.value, remindedFor: due }, etag: latest.etag, audit: [], effects });
      reminded += 1;
    });
  }
  return reminded;
}

function audit(actor: PersonRef, action: string, request: SubjectAccessRequest, deps: PrivacyDeps, detail?: string) {
  return { at: deps.clock.now().toISOString(), actor, action, subjectId: request.id, ...(detail ? { detail } : {}) };
}

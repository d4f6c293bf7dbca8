import { SYSTEM, type PersonRef } from '../../platform/kernel/person.js';
import { ok, type Result } from '../../platform/kernel/result.js';
import { dateOf, type CalendarDate } from '../domain/index.js';
import { privacyOfficers, requirePrivacyActor } from './privacy-authority.js';
import type { ClassCounts, FigureTotals, PrivacyDeps } from './privacy-ports.js';

/** One instance at a time (a lease in the table every instance shares). */
export interface Lease {
  acquire(): Promise<boolean>;
}

export type RetentionOutcome = { readonly ran: false } | { readonly ran: true; readonly mode: 'dryRun' | 'removal'; readonly counts: ClassCounts };

/**
 * The daily retention job. Every instance calls it; the one holding the lease acts. The first run in a deployment only
 * reports what would go (a dry run to the coordinators and the DPO); removal starts the day after, once per day.
 */
export async function runRetention(deps: PrivacyDeps, lease: Lease): Promise<RetentionOutcome> {
  if (!(await lease.acquire())) return { ran: false };
  const today = dateOf(deps.clock.now());
  const runs = await deps.store.runs();
  if (runs.some((run) => run.on === today && run.mode === 'removal')) return { ran: false };
  if (!runs.some((run) => run.mode === 'dryRun')) return { ran: true, mode: 'dryRun', counts: await dryRun(deps, SYSTEM, today, true) };
  if (runs.every((run) => run.mode === 'dryRun' && run.on === today)) return { ran: false };
  const holds = new Set((await deps.store.activeHolds()).map((hold) => hold.key));
  const due = await deps.retention.due(deps.schedule, today, holds);
  const counts = await deps.retention.remove(due);
  const finishedAt = deps.clock.now().toISOString();
  await deps.store.saveRun({ on: today, mode: 'removal', counts, finishedAt }, [{ at: finishedAt, actor: SYSTEM, action: 'retentionRun', subjectId: today, detail: countsCode(counts) }]);
  return { ran: true, mode: 'removal', counts };
}

/** On demand: what the next run would remove, reported to the coordinators and the DPO (and answered to who asked). */
export async function retentionDryRun(deps: PrivacyDeps, actor: PersonRef): Promise<Result<ClassCounts>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  return ok(await dryRun(deps, actor, dateOf(deps.clock.now()), false));
}

async function dryRun(deps: PrivacyDeps, actor: PersonRef, today: CalendarDate, firstRun: boolean): Promise<ClassCounts> {
  const holds = new Set((await deps.store.activeHolds()).map((hold) => hold.key));
  const { counts } = await deps.retention.due(deps.schedule, today, holds);
  const finishedAt = deps.clock.now().toISOString();
  const audit = [{ at: finishedAt, actor, action: 'retentionDryRun', subjectId: today, detail: countsCode(counts) }];
  await deps.store.saveRun({ on: today, mode: 'dryRun', counts, finishedAt }, audit);
  // The first run's report is worth a message only when something would go; one asked for is always answered.
  if (firstRun && Object.values(counts).every((count) => !count)) return counts;
  await deps.tell(
    privacyOfficers(deps).map((person) => ({
      id: `retentionDryRun.${finishedAt}.${person.id}`,
      recipientId: person.id,
      message: { type: 'retentionDryRun' as const, on: today, counts, firstRun },
    })),
  );
  return counts;
}

/** The board's figures over removed records too: live rows plus the anonymised traces of those removed. */
export async function boardFigures(deps: PrivacyDeps, actor: PersonRef): Promise<Result<Map<string, FigureTotals>>> {
  const allowed = requirePrivacyActor(deps, actor);
  if (!allowed.ok) return allowed;
  const [live, removed] = await Promise.all([deps.retention.liveFigures(), deps.store.figures()]);
  const totals = new Map(live);
  for (const [key, sum] of removed) {
    const current = totals.get(key) ?? { count: 0, minutes: 0, pence: 0 };
    totals.set(key, { count: current.count + sum.count, minutes: current.minutes + sum.minutes, pence: current.pence + sum.pence });
  }
  return ok(totals);
}

/** An audit detail is a stable code, never free text: `MEETINGLOG_12.ACCESSLOG_40`. */
function countsCode(counts: ClassCounts): string {
  return Object.entries(counts).map(([recordClass, count]) => `${recordClass.toUpperCase()}_${count}`).join('.') || 'NONE';
}

import type { MentorStore } from '../../../journey/index.js';
import { SYSTEM } from '../../../platform/kernel/person.js';
import { supervisionAudience, type AudienceMentor } from '../../domain/index.js';
import { planSupervision, quarterLabel, type SupervisionOccurrence, type SupervisionSetting } from '../../domain/supervision/index.js';
import type { SessionSummary } from '../broadcast.js';
import type { BroadcastStore, RecipientQueue } from '../ports.js';
import { startBroadcast } from '../start-broadcast.js';

/** Where the quarter's supervision session is kept (the sessions feature's store once it has supervision sessions). */
export interface SupervisionSessions {
  create(session: SessionSummary, now: Date): Promise<boolean>;
  get(id: string): Promise<SessionSummary | undefined>;
}

/** Only one instance schedules at a time (a lease in Tables). */
export interface SchedulerLease {
  acquire(): Promise<boolean>;
}

export interface SupervisionDeps {
  readonly setting: SupervisionSetting;
  readonly sessions: SupervisionSessions;
  readonly mentors: MentorStore;
  readonly broadcasts: BroadcastStore;
  readonly queue: RecipientQueue;
  readonly lease: SchedulerLease;
  readonly now: () => Date;
  /** Tells the worker there is a broadcast to watch. */
  readonly touch?: (broadcastId: string) => void;
}

export interface SupervisionRun {
  /** False when another instance holds the lease. */
  readonly ran: boolean;
  readonly created: readonly string[];
  readonly invited: number;
}

export const SUPERVISION_TEXT =
  'You are invited to the quarterly group supervision for matched mentors: a chance to talk through how your mentoring is going with the Leaving Care Service and other mentors. Please say whether you can come.';

export function supervisionSession(occurrence: SupervisionOccurrence): SessionSummary {
  return {
    id: occurrence.id,
    title: `Group supervision, ${quarterLabel(occurrence.quarter).replace('-', ' ')}`,
    startsAt: occurrence.start.toISOString(),
    endsAt: occurrence.end.toISOString(),
    timeZone: occurrence.timeZone,
    where: occurrence.format === 'online' ? 'Online, in Microsoft Teams' : 'In person; the venue will follow',
    answer: 'rsvp',
  };
}

/**
 * The quarterly job: under the lease, makes sure every supervision session now due exists (a run that was missed is
 * caught up, by id, until the session starts) and that every mentor matched now is invited, once: the invitations are a
 * broadcast with the session's id, whose recipient rows make a second invitation impossible.
 */
export async function scheduleSupervision(deps: SupervisionDeps): Promise<SupervisionRun> {
  if (!(await deps.lease.acquire())) return { ran: false, created: [], invited: 0 };
  const now = deps.now();
  const plan = planSupervision(deps.setting, now);
  if (plan.toCreate.length === 0) return { ran: true, created: [], invited: 0 };
  const matched = supervisionAudience(await matchedMentors(deps.mentors));
  const created: string[] = [];
  let invited = 0;
  for (const occurrence of plan.toCreate) {
    const session = supervisionSession(occurrence);
    if (await deps.sessions.create(session, now)) created.push(session.id);
    const existing = await deps.broadcasts.get(session.id);
    if (!existing) {
      if (matched.length === 0) continue;
      const started = await startBroadcast(deps, SYSTEM, { id: session.id, content: { text: SUPERVISION_TEXT, session }, audienceLabel: 'Matched mentors', recipients: matched }, now);
      if (started.created) invited += matched.length;
    } else {
      const added = await deps.broadcasts.addRecipients(session.id, matched, now);
      await deps.queue.enqueueAll(session.id, added);
      invited += added.length;
    }
    deps.touch?.(session.id);
  }
  return { ran: true, created, invited };
}

async function matchedMentors(mentors: MentorStore): Promise<AudienceMentor[]> {
  const found: AudienceMentor[] = [];
  for (const stage of ['matched', 'active'] as const) {
    for await (const { value } of mentors.listByStage(stage)) found.push({ id: value.id.toLowerCase(), stage: value.stage });
  }
  return found;
}

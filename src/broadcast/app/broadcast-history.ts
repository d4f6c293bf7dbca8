import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import { failureInPlainWords } from '../domain/index.js';
import type { CoordinatorBroadcastDeps } from './coordinator-broadcasts.js';

/** One broadcast in the list: what it was, to whom, and where it has got to. */
export interface BroadcastSummary {
  readonly id: string;
  /** The first line of what was sent, or the session it invites to. */
  readonly title: string;
  readonly audience: string;
  readonly sentBy: string;
  readonly createdAt: string;
  readonly finished: boolean;
  readonly total: number;
  readonly sent: number;
  readonly failed: number;
  /** Not sent yet, or waiting to try again. */
  readonly waiting: number;
}

export interface RecipientLine {
  readonly name: string;
  readonly status: 'sent' | 'failed' | 'waiting';
  /** For a failure: why, in plain words. */
  readonly why?: string;
  /** For a failure: what Teams answered, for IT. */
  readonly detail?: string;
  readonly sentAt?: string;
}

export interface BroadcastDeliveries extends BroadcastSummary {
  readonly text: string;
  readonly recipients: readonly RecipientLine[];
}

type NotCoordinator = 'NOT_COORDINATOR';

const LISTED = 50;
const COUNTED_AT_ONCE = 8;
const TITLE_MAX = 80;

/** The newest broadcasts, with their counts from the recipients' rows: for a coordinator. */
export async function listBroadcasts(deps: CoordinatorBroadcastDeps, actor: PersonRef): Promise<Result<BroadcastSummary[], NotCoordinator>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  const recent = await deps.broadcasts.listRecent(LISTED);
  const summaries: BroadcastSummary[] = [];
  for (let start = 0; start < recent.length; start += COUNTED_AT_ONCE) {
    const counted = recent.slice(start, start + COUNTED_AT_ONCE).map(async ({ broadcast, state }) => {
      const counts = await deps.broadcasts.counts(broadcast.id, broadcast.total);
      return summaryOf(broadcast, state === 'finished', counts);
    });
    summaries.push(...(await Promise.all(counted)));
  }
  return ok(summaries);
}

/** One broadcast's report: everyone it went to, by name, who got it, who did not and why. For a coordinator. */
export async function broadcastDeliveries(deps: CoordinatorBroadcastDeps, actor: PersonRef, broadcastId: string): Promise<Result<BroadcastDeliveries, NotCoordinator | 'BROADCAST_NOT_FOUND'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  const stored = await deps.broadcasts.get(broadcastId);
  if (!stored) return fail('BROADCAST_NOT_FOUND', 'This broadcast no longer exists.');
  const [outcomes, counts] = await Promise.all([deps.broadcasts.recipientsOf(broadcastId), deps.broadcasts.counts(broadcastId, stored.broadcast.total)]);
  const names = await namesOf(deps, outcomes.map((each) => each.recipientId));
  const recipients = outcomes.map((each): RecipientLine => {
    const name = names.get(each.recipientId.toLowerCase()) ?? 'Someone no longer in the directory';
    if (each.status === 'sent') return { name, status: 'sent', ...(each.sentAt ? { sentAt: each.sentAt } : {}) };
    if (each.status === 'failed') return { name, status: 'failed', why: failureInPlainWords(each.code), ...(each.reason ? { detail: each.reason } : {}) };
    return { name, status: 'waiting' };
  });
  const order = { failed: 0, waiting: 1, sent: 2 };
  recipients.sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name));
  return ok({ ...summaryOf(stored.broadcast, stored.state === 'finished', counts), text: stored.broadcast.content.text, recipients });
}

function summaryOf(
  broadcast: { id: string; content: { text: string; session?: { title: string } }; audienceLabel: string; createdBy: PersonRef; createdAt: string; total: number },
  finished: boolean,
  counts: { total: number; sent: number; failed: number; remaining: number },
): BroadcastSummary {
  return {
    id: broadcast.id,
    title: titleOf(broadcast.content),
    audience: broadcast.audienceLabel,
    sentBy: broadcast.createdBy.name,
    createdAt: broadcast.createdAt,
    finished,
    total: counts.total,
    sent: counts.sent,
    failed: counts.failed,
    waiting: counts.remaining,
  };
}

function titleOf(content: { text: string; session?: { title: string } }): string {
  const firstLine = content.text.split('\n').map((line) => line.trim()).find((line) => line.length > 0) ?? '';
  const title = content.session ? `${content.session.title}: ${firstLine}` : firstLine || 'A broadcast';
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/** Names from the mentors' rows (one query) and, for anyone else, the directory. */
async function namesOf(deps: CoordinatorBroadcastDeps, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  for await (const { value } of deps.audience.mentors.listAll()) names.set(value.id.toLowerCase(), value.name);
  const missing = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => !names.has(id));
  for (let start = 0; start < missing.length; start += COUNTED_AT_ONCE) {
    await Promise.all(
      missing.slice(start, start + COUNTED_AT_ONCE).map(async (id) => {
        const person = await deps.directory.getPerson(id).catch(() => undefined);
        if (person) names.set(id, person.name);
      }),
    );
  }
  return names;
}

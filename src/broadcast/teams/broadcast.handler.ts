import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import { randomUUID } from 'node:crypto';
import type { SessionSummary } from '../app/broadcast.js';
import { parseCompose, parseDraftId, type ComposeInput } from '../app/compose.input.js';
import type { BroadcastStore, RecipientQueue, SessionCatalog } from '../app/ports.js';
import { resolveAudience, type AudienceDeps } from '../app/resolve-audience.js';
import { retryFailed, startBroadcast } from '../app/start-broadcast.js';
import type { JourneyDeps } from '../../journey/index.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { Logger } from '../../log.js';
import type { CardMessageRepository } from '../../platform/storage/card-message.repository.js';
import { progressSubject } from './broadcast-sender.js';
import { AUDIENCE_LABELS, broadcastComposeCard, broadcastPreviewCard, broadcastProgressCard, type ComposeValues } from './cards/broadcast.card.js';
import { card, heading, text, type AdaptiveCardJson } from '../../platform/teams/cards/card.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';

export interface BroadcastTeamsDeps {
  readonly journey: JourneyDeps;
  readonly broadcasts: BroadcastStore;
  readonly queue: RecipientQueue;
  readonly audience: AudienceDeps;
  readonly sessions: SessionCatalog;
  readonly groupsConfigured: boolean;
  readonly cardMessages: CardMessageRepository;
  readonly bookVerb: () => string | undefined;
  /** Tells this instance's worker there is news about a broadcast (its card is refreshed on the next tick). */
  readonly touch: (broadcastId: string) => void;
  readonly log: Logger;
}

const COORDINATORS_ONLY = 'Only the scheme coordinators can send broadcasts or see their delivery reports.';

export function broadcastCommand(deps: BroadcastTeamsDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    if (!deps.journey.roles.isCoordinator(actor.id)) {
      await sendCard(context, card([heading('Broadcasts'), text(COORDINATORS_ONLY)]));
      return;
    }
    const draftId = randomUUID();
    const compose = broadcastComposeCard({ draftId, sessions: await deps.sessions.upcoming(deps.journey.clock.now()), groupsConfigured: deps.groupsConfigured });
    const activityId = await sendCard(context, compose);
    await remember(deps, context, draftId, activityId, actor);
  };
}

export function broadcastEditAction(deps: BroadcastTeamsDeps) {
  return coordinatorOnly(deps, async (context, _actor, data) => {
    const draftId = parseDraftId(data);
    if (!draftId.ok) return answerInvoke(context, errorCard(draftId.message));
    await answerInvoke(context, await composeCard(deps, draftId.value, valuesOf(data)));
  });
}

export function broadcastPreviewAction(deps: BroadcastTeamsDeps) {
  return coordinatorOnly(deps, async (context, _actor, data) => {
    const prepared = await prepare(deps, data);
    if (!prepared.ok) return answerInvoke(context, prepared.card);
    const { input, session, recipients, unknown } = prepared;
    const bookVerb = deps.bookVerb();
    await answerInvoke(
      context,
      broadcastPreviewCard({
        draftId: input.draftId,
        values: input.values,
        text: input.text,
        ...(session ? { session } : {}),
        audienceLabel: audienceLabel(input),
        recipients: recipients.length,
        unknown,
        ...(bookVerb ? { bookVerb } : {}),
      }),
    );
  });
}

export function broadcastSendAction(deps: BroadcastTeamsDeps) {
  return coordinatorOnly(deps, async (context, actor, data) => {
    const prepared = await prepare(deps, data);
    if (!prepared.ok) return answerInvoke(context, prepared.card);
    const { input, session, recipients } = prepared;
    const now = deps.journey.clock.now();
    // The card that was pressed is the one to update in place.
    if (context.replyToId) await remember(deps, context, input.draftId, context.replyToId, actor);
    const { broadcast } = await startBroadcast(
      deps,
      actor,
      {
        id: input.draftId,
        content: { text: input.text, ...(session ? { session } : {}) },
        audienceLabel: audienceLabel(input),
        recipients,
        reportTo: actor.id,
      },
      now,
      { inBackground: (queueing) => void queueing.catch((error: unknown) => deps.log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'queueing a broadcast failed; the sweeper will queue the rest')) },
    );
    deps.touch(broadcast.id);
    await answerInvoke(context, await progressCard(deps, broadcast.id));
  });
}

export function broadcastRetryFailedAction(deps: BroadcastTeamsDeps) {
  return coordinatorOnly(deps, async (context, _actor, data) => {
    const broadcastId = idOf(data);
    if (!broadcastId || !(await deps.broadcasts.get(broadcastId))) return answerInvoke(context, errorCard('This broadcast no longer exists.'));
    await retryFailed(deps, broadcastId, deps.journey.clock.now());
    deps.touch(broadcastId);
    await answerInvoke(context, await progressCard(deps, broadcastId));
  });
}

/** Universal Actions refresh: coordinators see the live report; anyone else a plain sentence. */
export function refreshBroadcastAction(deps: BroadcastTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const broadcastId = idOf(data);
    const stored = broadcastId ? await deps.broadcasts.get(broadcastId) : undefined;
    if (!stored || !broadcastId) return answerInvoke(context, errorCard('This broadcast no longer exists.'));
    if (!deps.journey.roles.isCoordinator(actor.id)) {
      const progress = { total: 0, sent: 0, failed: 0, remaining: 0, failures: [] };
      return answerInvoke(context, broadcastProgressCard({ broadcast: stored.broadcast, progress, finished: false, failures: [], forbidden: true }));
    }
    await answerInvoke(context, await progressCard(deps, broadcastId));
  };
}

type Prepared =
  | { ok: true; input: ComposeInput; session?: SessionSummary; recipients: string[]; unknown: string[] }
  | { ok: false; card: AdaptiveCardJson };

/** Checks the form, the session and the audience, server-side, every time (Preview and Send alike). */
async function prepare(deps: BroadcastTeamsDeps, data: unknown): Promise<Prepared> {
  const input = parseCompose(data);
  if (!input.ok) {
    const draftId = parseDraftId(data);
    return { ok: false, card: draftId.ok ? await composeCard(deps, draftId.value, valuesOf(data), input.message) : errorCard(input.message) };
  }
  const problem = async (message: string): Promise<Prepared> => ({ ok: false, card: await composeCard(deps, input.value.draftId, input.value.values, message) });
  const session = input.value.sessionId ? await deps.sessions.get(input.value.sessionId) : undefined;
  if (input.value.sessionId && !session) return problem('That session is no longer open for invitations; please pick another.');
  const audience = await resolveAudience(deps.audience, input.value.audience);
  if (!audience.ok) return problem(audience.error.message);
  return { ok: true, input: input.value, ...(session ? { session } : {}), ...audience.value };
}

async function composeCard(deps: BroadcastTeamsDeps, draftId: string, values: ComposeValues, problem?: string): Promise<AdaptiveCardJson> {
  const sessions = await deps.sessions.upcoming(deps.journey.clock.now());
  return broadcastComposeCard({ draftId, sessions, groupsConfigured: deps.groupsConfigured, values, ...(problem ? { problem } : {}) });
}

async function progressCard(deps: BroadcastTeamsDeps, broadcastId: string): Promise<AdaptiveCardJson> {
  const stored = (await deps.broadcasts.get(broadcastId))!;
  const progress = await deps.broadcasts.counts(broadcastId, stored.broadcast.total);
  const finished = stored.state === 'finished';
  const failures = finished
    ? await Promise.all(
        progress.failures.slice(0, 50).map(async (failure) => ({
          name: (await deps.journey.directory.getPerson(failure.recipientId).catch(() => undefined))?.name ?? 'Someone no longer in the directory',
          reason: failure.reason,
        })),
      )
    : [];
  return broadcastProgressCard({ broadcast: stored.broadcast, progress, finished, failures });
}

function audienceLabel(input: ComposeInput): string {
  const parts: string[] = [
    ...(input.audience.eligible ? [AUDIENCE_LABELS.eligible] : []),
    ...input.audience.groups.map((group) => AUDIENCE_LABELS[group]),
    ...(input.audience.people.length ? [`${input.audience.people.length} named ${input.audience.people.length === 1 ? 'person' : 'people'}`] : []),
  ];
  return parts.join('; ');
}

function valuesOf(data: unknown): ComposeValues {
  const record = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const field = (name: string, max: number) => (typeof record[name] === 'string' ? (record[name] as string).slice(0, max) : undefined);
  const values = { sessionId: field('sessionId', 200), text: field('text', 4000), audience: field('audience', 500), people: field('people', 40_000) };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as ComposeValues;
}

function idOf(data: unknown): string | undefined {
  const id = (data as { broadcastId?: unknown } | undefined)?.broadcastId;
  return typeof id === 'string' && id.length <= 200 ? id : undefined;
}

async function remember(deps: BroadcastTeamsDeps, context: Turn, broadcastId: string, activityId: string | undefined, actor: PersonRef): Promise<void> {
  const { conversationId, serviceUrl } = context;
  if (!activityId || !conversationId || !serviceUrl) return;
  await deps.cardMessages.remember({ subjectId: progressSubject(broadcastId), recipientId: actor.id, conversationId, activityId, serviceUrl });
}

function coordinatorOnly(deps: BroadcastTeamsDeps, handler: (context: Turn, actor: PersonRef, data: unknown) => Promise<void>) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    if (!deps.journey.roles.isCoordinator(actor.id)) return answerInvoke(context, errorCard(COORDINATORS_ONLY));
    await handler(context, actor, data);
  };
}

import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import { randomUUID } from 'node:crypto';
import { broadcastReport, draftBroadcast, prepareBroadcast, retryFailedSends, sendBroadcast, type CoordinatorBroadcastDeps, type PreparedBroadcast } from '../app/coordinator-broadcasts.js';
import { pickedPeople } from '../app/picked-people.js';
import { parseCompose, parseDraftId, type ComposeInput } from '../app/compose.input.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { Logger } from '../../log.js';
import type { CardMessageRepository } from '../../platform/storage/card-message.repository.js';
import { progressSubject } from './broadcast-sender.js';
import { AUDIENCE_LABELS, broadcastComposeCard, broadcastPreviewCard, broadcastProgressCard, type ComposeValues } from './cards/broadcast.card.js';
import { card, heading, text, type AdaptiveCardJson } from '../../platform/teams/cards/card.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';

export interface BroadcastTeamsDeps {
  /** The coordinators' broadcast use cases' needs (each use case checks the actor is a coordinator). */
  readonly desk: CoordinatorBroadcastDeps;
  readonly groupsConfigured: boolean;
  readonly cardMessages: CardMessageRepository;
  readonly bookVerb: () => string | undefined;
  /** Tells this instance's worker there is news about a broadcast (its card is refreshed on the next tick). */
  readonly touch: (broadcastId: string) => void;
  readonly log: Logger;
}

/** As many picked people as the form takes (compose.input.ts). */
const MAX_PICKED = 500;

const COORDINATORS_ONLY = 'Only the scheme coordinators can send broadcasts or see their delivery reports.';

export function broadcastCommand(deps: BroadcastTeamsDeps) {
  return async (context: Turn, actor: PersonRef): Promise<void> => {
    const draft = await draftBroadcast(deps.desk, actor);
    if (!draft.ok) return void (await sendCard(context, card([heading('Broadcasts'), text(COORDINATORS_ONLY)])));
    const draftId = randomUUID();
    const activityId = await sendCard(context, broadcastComposeCard({ draftId, sessions: draft.value, groupsConfigured: deps.groupsConfigured }));
    await remember(deps, context, draftId, activityId, actor);
  };
}

export function broadcastEditAction(deps: BroadcastTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const draftId = parseDraftId(data);
    if (!draftId.ok) return answerInvoke(context, errorCard(draftId.error.message));
    await answerInvoke(context, await composeCard(deps, actor, draftId.value, valuesOf(data)));
  };
}

export function broadcastPreviewAction(deps: BroadcastTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const prepared = await prepare(deps, actor, data);
    if (!prepared.ok) return answerInvoke(context, prepared.card);
    const { input, session, recipients, unknown, named } = prepared.value;
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
        named,
        ...(bookVerb ? { bookVerb } : {}),
      }),
    );
  };
}

export function broadcastSendAction(deps: BroadcastTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const input = parseCompose(data);
    if (!input.ok) return answerInvoke(context, await refusedForm(deps, actor, data, input.error.message));
    const sent = await sendBroadcast(deps.desk, actor, input.value, audienceLabel(input.value), {
      inBackground: (queueing) => void queueing.catch((error: unknown) => deps.log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'queueing a broadcast failed; the sweeper will queue the rest')),
    });
    if (!sent.ok) return answerInvoke(context, await refusal(deps, actor, input.value.draftId, input.value.values, sent.error));
    // The card that was pressed is the one to update in place.
    if (context.replyToId) await remember(deps, context, sent.value.id, context.replyToId, actor);
    deps.touch(sent.value.id);
    await answerInvoke(context, await progressCard(deps, actor, sent.value.id));
  };
}

export function broadcastRetryFailedAction(deps: BroadcastTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const broadcastId = idOf(data);
    if (!broadcastId) return answerInvoke(context, errorCard('This broadcast no longer exists.'));
    const retried = await retryFailedSends(deps.desk, actor, broadcastId);
    if (!retried.ok) return answerInvoke(context, errorCard(retried.error.code === 'NOT_COORDINATOR' ? COORDINATORS_ONLY : retried.error.message));
    deps.touch(broadcastId);
    await answerInvoke(context, await progressCard(deps, actor, broadcastId));
  };
}

/** Universal Actions refresh: coordinators see the live report; anyone else a plain sentence. */
export function refreshBroadcastAction(deps: BroadcastTeamsDeps) {
  return async (context: Turn, actor: PersonRef, data: unknown): Promise<void> => {
    const broadcastId = idOf(data);
    if (!broadcastId) return answerInvoke(context, errorCard('This broadcast no longer exists.'));
    await answerInvoke(context, await progressCard(deps, actor, broadcastId));
  };
}

type Prepared = { ok: true; value: PreparedBroadcast } | { ok: false; card: AdaptiveCardJson };

/** The form, the session and the audience are checked on the server every time (Preview and Send alike). */
async function prepare(deps: BroadcastTeamsDeps, actor: PersonRef, data: unknown): Promise<Prepared> {
  const input = parseCompose(data);
  if (!input.ok) return { ok: false, card: await refusedForm(deps, actor, data, input.error.message) };
  const prepared = await prepareBroadcast(deps.desk, actor, input.value);
  if (!prepared.ok) return { ok: false, card: await refusal(deps, actor, input.value.draftId, input.value.values, prepared.error) };
  return prepared;
}

async function refusedForm(deps: BroadcastTeamsDeps, actor: PersonRef, data: unknown, message: string): Promise<AdaptiveCardJson> {
  const draftId = parseDraftId(data);
  return draftId.ok ? composeCard(deps, actor, draftId.value, valuesOf(data), message) : errorCard(message);
}

async function refusal(deps: BroadcastTeamsDeps, actor: PersonRef, draftId: string, values: ComposeValues, error: { code: string; message: string }): Promise<AdaptiveCardJson> {
  return error.code === 'NOT_COORDINATOR' ? errorCard(COORDINATORS_ONLY) : composeCard(deps, actor, draftId, values, error.message);
}

async function composeCard(deps: BroadcastTeamsDeps, actor: PersonRef, draftId: string, values: ComposeValues, problem?: string): Promise<AdaptiveCardJson> {
  const sessions = await draftBroadcast(deps.desk, actor);
  if (!sessions.ok) return errorCard(COORDINATORS_ONLY);
  const picked = await pickedPeople(deps.desk, actor, (values.picked ?? '').split(',').filter(Boolean).slice(0, MAX_PICKED));
  const pickedNames = picked.ok && picked.value.length ? { pickedPeople: picked.value } : {};
  return broadcastComposeCard({ draftId, sessions: sessions.value, groupsConfigured: deps.groupsConfigured, values, ...pickedNames, ...(problem ? { problem } : {}) });
}

async function progressCard(deps: BroadcastTeamsDeps, actor: PersonRef, broadcastId: string): Promise<AdaptiveCardJson> {
  const report = await broadcastReport(deps.desk, actor, broadcastId);
  if (!report.ok && report.error.code === 'NOT_COORDINATOR') return card([heading('Broadcast'), text('Only the scheme coordinators can see delivery reports.')]);
  if (!report.ok) return errorCard(report.error.message);
  return broadcastProgressCard(report.value);
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
  const values = { sessionId: field('sessionId', 200), text: field('text', 4000), audience: field('audience', 500), people: field('people', 40_000), picked: pickedOf(field('chosen', 40_000), field('picked', 40_000)) };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as ComposeValues;
}

/** Everyone picked: those kept from before (ticks) and those added in the picker. */
function pickedOf(...lists: Array<string | undefined>): string | undefined {
  const ids = [...new Set(lists.flatMap((list) => (list ?? '').split(',').map((id) => id.trim()).filter(Boolean)))];
  return ids.length ? ids.join(',') : undefined;
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

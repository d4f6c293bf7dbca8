import { requireCoordinator } from '../../platform/app/coordinator-only.js';
import type { Clock, Directory, SchemeRoles } from '../../platform/app/ports.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import { fail, ok, type Result } from '../../platform/kernel/result.js';
import type { Broadcast, ProgressCounts, SessionSummary } from './broadcast.js';
import type { ComposeInput } from './compose.input.js';
import type { BroadcastStore, InvitationAnswers, RecipientQueue, SessionCatalog } from './ports.js';
import { tallyAnswers, type InvitationTally } from '../domain/index.js';
import { resolveAudience, type AudienceDeps } from './resolve-audience.js';
import { retryFailed, startBroadcast, type StartBroadcastOptions } from './start-broadcast.js';

/** What the coordinators' broadcast use cases need. Each checks, first, that the actor is a coordinator. */
export interface CoordinatorBroadcastDeps {
  readonly roles: SchemeRoles;
  readonly clock: Clock;
  readonly directory: Directory;
  readonly broadcasts: BroadcastStore;
  readonly queue: RecipientQueue;
  readonly audience: AudienceDeps;
  readonly sessions: SessionCatalog;
  /** The sessions feature's answers (Book, Can't make it), when it runs: an invitation's report counts them. */
  readonly answers?: InvitationAnswers;
}

export interface PreparedBroadcast {
  readonly input: ComposeInput;
  readonly session?: SessionSummary;
  readonly recipients: string[];
  /** Named people the directory does not know: left out, and shown on the preview. */
  readonly unknown: string[];
  /** The named people found, by name. */
  readonly named: string[];
}

export interface BroadcastReport {
  readonly broadcast: Broadcast;
  readonly progress: ProgressCounts;
  readonly finished: boolean;
  readonly failures: ReadonlyArray<{ readonly name: string; readonly reason: string }>;
  /** For an invitation with Book: how its recipients answered, read now. */
  readonly answers?: InvitationTally;
}

type NotCoordinator = 'NOT_COORDINATOR';

/** The sessions a new broadcast can invite people to. */
export async function draftBroadcast(deps: CoordinatorBroadcastDeps, actor: PersonRef): Promise<Result<SessionSummary[], NotCoordinator>> {
  const allowed = requireCoordinator(deps.roles, actor);
  return allowed.ok ? ok(await deps.sessions.upcoming(deps.clock.now())) : allowed;
}

/** Checks the session and turns the audience into people, every time (Preview and Send alike). */
export async function prepareBroadcast(deps: CoordinatorBroadcastDeps, actor: PersonRef, input: ComposeInput): Promise<Result<PreparedBroadcast>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  const session = input.sessionId ? await deps.sessions.get(input.sessionId) : undefined;
  if (input.sessionId && !session) return fail('SESSION_NOT_OPEN', 'That session is no longer open for invitations; please pick another.');
  const audience = await resolveAudience(deps.audience, input.audience);
  if (!audience.ok) return audience;
  return ok({ input, ...(session ? { session } : {}), ...audience.value });
}

/** Sends a prepared broadcast; pressing Send twice sends once (the draft's id is the broadcast's). */
export async function sendBroadcast(
  deps: CoordinatorBroadcastDeps,
  actor: PersonRef,
  input: ComposeInput,
  audienceLabel: string,
  options: StartBroadcastOptions = {},
): Promise<Result<Broadcast>> {
  const prepared = await prepareBroadcast(deps, actor, input);
  if (!prepared.ok) return prepared;
  const { session, recipients } = prepared.value;
  const content = { text: input.text, ...(session ? { session } : {}) };
  const started = await startBroadcast(deps, actor, { id: input.draftId, content, audienceLabel, recipients, reportTo: actor.id }, deps.clock.now(), options);
  return ok(started.broadcast);
}

/** The Retry-failed button: failed recipients are queued again. */
export async function retryFailedSends(deps: CoordinatorBroadcastDeps, actor: PersonRef, broadcastId: string): Promise<Result<number, NotCoordinator | 'BROADCAST_NOT_FOUND'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  if (!(await deps.broadcasts.get(broadcastId))) return fail('BROADCAST_NOT_FOUND', 'This broadcast no longer exists.');
  return ok(await retryFailed(deps, broadcastId, deps.clock.now()));
}

/** Where a broadcast has got to, with who it could not reach (named from the directory) once it has finished. */
export async function broadcastReport(deps: CoordinatorBroadcastDeps, actor: PersonRef, broadcastId: string): Promise<Result<BroadcastReport, NotCoordinator | 'BROADCAST_NOT_FOUND'>> {
  const allowed = requireCoordinator(deps.roles, actor);
  if (!allowed.ok) return allowed;
  const stored = await deps.broadcasts.get(broadcastId);
  if (!stored) return fail('BROADCAST_NOT_FOUND', 'This broadcast no longer exists.');
  const progress = await deps.broadcasts.counts(broadcastId, stored.broadcast.total);
  const finished = stored.state === 'finished';
  const failures = finished ? await Promise.all(progress.failures.slice(0, 50).map(async (failure) => ({ name: await nameOf(deps.directory, failure.recipientId), reason: failure.reason }))) : [];
  const answers = await answersOf(deps, stored.broadcast, broadcastId);
  return ok({ broadcast: stored.broadcast, progress, finished, failures, ...(answers ? { answers } : {}) });
}

async function answersOf(deps: CoordinatorBroadcastDeps, broadcast: Broadcast, broadcastId: string): Promise<InvitationTally | undefined> {
  const session = broadcast.content.session;
  if (!session || session.answer !== 'book' || !deps.answers) return undefined;
  const [answered, recipients] = await Promise.all([deps.answers.answersTo(session.id), deps.broadcasts.recipientIds(broadcastId)]);
  return answered ? tallyAnswers(recipients, answered.booked, answered.declined) : undefined;
}

async function nameOf(directory: Directory, personId: string): Promise<string> {
  return (await directory.getPerson(personId).catch(() => undefined))?.name ?? 'Someone no longer in the directory';
}

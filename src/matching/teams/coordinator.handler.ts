import { type Turn, answerInvoke, sendCard } from '../../platform/teams/turn.js';
import { conflictsFormFor, councillorsWithConflicts, recordConflicts } from '../app/conflicts.js';
import { dbsFormFor, mentorsLackingDbs, recordDbsCheck } from '../app/dbs.js';
import { idFrom } from '../app/form-input.js';
import type { MatchingDeps } from '../app/matching-deps.js';
import { pipeline } from '../app/pipeline.js';
import { matchesOfYoungPerson } from '../app/young-people.js';
import type { YoungPerson } from '../domain/young-people/index.js';
import { addYoungPerson, changeStatus, openYoungPersonForm, editYoungPersonDetails, listYoungPeople, viewYoungPerson, youngPersonReads, type StatusCommand } from '../app/young-people.js';
import type { PersonRef } from '../../platform/kernel/person.js';
import type { Logger } from '../../log.js';
import type { AdaptiveCardJson } from '../../platform/teams/cards/card.js';
import type { WorkspaceLink } from '../../platform/teams/workspace-link.js';
import { conflictsFormCard, conflictsListCard } from './cards/conflicts.card.js';
import { dbsFormCard, dbsListCard, dbsStatusFacts } from './cards/dbs.card.js';
import { dbsStatus } from '../domain/index.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';
import { withTypedValues } from '../../platform/teams/cards/form-inputs.js';
import { pipelineCard } from './cards/pipeline.card.js';
import { problemsOf } from '../../platform/teams/cards/field-problems.js';
import { recordReadsCard, youngPeopleListCard, youngPersonCard, youngPersonFormCard } from './cards/young-person.card.js';

const STATUS_CHANGED: Record<StatusCommand, string> = {
  pause: 'Paused. A running match is paused too: no reminders about the 90 minutes until they resume.',
  resume: 'Resumed. A paused match counts the 90 minutes again from its next full month.',
  close: 'Closed.',
};

type Reply = (context: Turn, card: AdaptiveCardJson) => Promise<unknown>;

/**
 * Every coordinator command and action answers with the card its use case's result calls for. Who may act is decided in
 * the use cases (each refuses anyone but a coordinator with NOT_COORDINATOR), never here.
 */
function answering(reply: Reply, body: (context: Turn, actor: PersonRef, data: unknown) => Promise<AdaptiveCardJson>) {
  return async (context: Turn, actor: PersonRef, data?: unknown): Promise<void> => {
    await reply(context, await body(context, actor, data));
  };
}

const sendReply: Reply = (context, card) => sendCard(context, card);
const invokeReply: Reply = (context, card) => answerInvoke(context, card);

export function coordinatorHandlers(deps: MatchingDeps, log: Logger, workspace?: WorkspaceLink) {
  const now = () => deps.journey.clock.now();
  const command = (body: (context: Turn, actor: PersonRef) => Promise<AdaptiveCardJson>) => answering(sendReply, (context, actor) => body(context, actor));
  const action = (body: (context: Turn, actor: PersonRef, data: unknown) => Promise<AdaptiveCardJson>) => answering(invokeReply, body);
  const failed = (message: string, code?: string): AdaptiveCardJson => {
    if (code === 'NOT_COORDINATOR') log.info({ code }, 'coordinator action refused');
    return errorCard(message, code === 'NOT_COORDINATOR' ? 'Coordinators only' : undefined);
  };

  /** A young person's record with their matches (running, paused, earlier), for the coordinator. */
  const recordCard = async (actor: PersonRef, youngPerson: YoungPerson, notice?: string): Promise<AdaptiveCardJson> => {
    const matches = await matchesOfYoungPerson(deps, actor, youngPerson.id);
    return youngPersonCard(youngPerson, now(), notice, matches.ok ? matches.value : []);
  };

  const dbsList = async (actor: PersonRef, notice?: string): Promise<AdaptiveCardJson> => {
    const lacking = await mentorsLackingDbs(deps, actor);
    return lacking.ok ? dbsListCard(lacking.value, notice) : failed(lacking.error.message, lacking.error.code);
  };
  const youngPeopleList = async (actor: PersonRef): Promise<AdaptiveCardJson> => {
    const listed = await listYoungPeople(deps, actor);
    return listed.ok ? youngPeopleListCard(listed.value, now()) : failed(listed.error.message, listed.error.code);
  };

  const newYoungPersonForm = (actor: PersonRef): AdaptiveCardJson => {
    const allowed = openYoungPersonForm(deps, actor);
    return allowed.ok ? youngPersonFormCard(deps.areas, undefined) : failed(allowed.error.message, allowed.error.code);
  };
  const conflictsList = async (actor: PersonRef, notice?: string): Promise<AdaptiveCardJson> => {
    const found = await councillorsWithConflicts(deps, actor);
    return found.ok ? conflictsListCard(found.value, notice) : failed(found.error.message, found.error.code);
  };
  const conflictsForm = async (actor: PersonRef, mentorId: string | undefined, problem?: string): Promise<AdaptiveCardJson> => {
    if (!mentorId) return failed('Conflicts of interest are recorded for elected members on the scheme.');
    const form = await conflictsFormFor(deps, actor, mentorId);
    if (!form.ok) return failed(form.error.message, form.error.code);
    return conflictsFormCard(form.value.mentor, form.value.conflicts, deps.areas, form.value.youngPeople, problem);
  };

  return {
    conflicts: command((_context, actor) => conflictsList(actor)),
    conflictsForm: action((_context, actor, data) => conflictsForm(actor, idFrom(data, 'mentorId'))),
    saveConflicts: action(async (_context, actor, data) => {
      const mentorId = idFrom(data, 'mentorId');
      if (!mentorId) return failed('This card could not be read. Type "conflicts" to start again.');
      const saved = await recordConflicts(deps, actor, mentorId, data);
      return saved.ok ? conflictsList(actor, 'Conflicts of interest recorded.') : conflictsForm(actor, mentorId, `${saved.error.message} Nothing was saved.`);
    }),
    dbs: command((_context, actor) => dbsList(actor)),
    dbsForm: action(async (_context, actor, data) => {
      const mentorId = idFrom(data, 'mentorId');
      if (!mentorId) return failed('That mentor is not on the scheme.');
      const form = await dbsFormFor(deps, actor, mentorId);
      return form.ok ? dbsFormCard(form.value.mentor, form.value.dbs) : failed(form.error.message, form.error.code);
    }),
    recordDbs: action(async (_context, actor, data) => {
      const mentorId = idFrom(data, 'mentorId');
      if (!mentorId) return failed('This card could not be read. Type "dbs" to start again.');
      const recorded = await recordDbsCheck(deps, actor, mentorId, data);
      if (recorded.ok) return dbsList(actor, `Recorded the enhanced DBS check for ${recorded.value.mentor.name}.`);
      const form = await dbsFormFor(deps, actor, mentorId);
      if (!form.ok) return failed(recorded.error.message, recorded.error.code);
      return withTypedValues(dbsFormCard(form.value.mentor, form.value.dbs, `${recorded.error.message} Nothing was recorded.`), data);
    }),
    pipeline: command(async (_context, actor) => {
      const figures = await pipeline(deps, actor);
      return figures.ok ? pipelineCard(figures.value, workspace ? { workspaceUrl: workspace('overview') } : {}) : failed(figures.error.message, figures.error.code);
    }),
    youngPeople: command((_context, actor) => youngPeopleList(actor)),
    addYoungPerson: command(async (_context, actor) => newYoungPersonForm(actor)),
    youngPersonForm: action(async (_context, actor, data) => {
      const youngPersonId = idFrom(data, 'youngPersonId');
      if (!youngPersonId) return newYoungPersonForm(actor);
      const found = await viewYoungPerson(deps, actor, youngPersonId);
      return found.ok ? youngPersonFormCard(deps.areas, found.value) : failed(found.error.message, found.error.code);
    }),
    saveYoungPerson: action(async (_context, actor, data) => {
      const youngPersonId = idFrom(data, 'youngPersonId');
      const saved = youngPersonId ? await editYoungPersonDetails(deps, actor, youngPersonId, data) : await addYoungPerson(deps, actor, data);
      if (saved.ok) return youngPersonCard(saved.value, now(), youngPersonId ? 'Changes saved.' : 'Added. They are waiting for a mentor: press "Suggest mentors".');
      const current = youngPersonId ? await viewYoungPerson(deps, actor, youngPersonId) : undefined;
      const problems = problemsOf(saved.error);
      const form = youngPersonFormCard(deps.areas, current?.ok ? current.value : undefined, problems.length ? undefined : `${saved.error.message} Nothing was saved.`, problems);
      return withTypedValues(form, data);
    }),
    viewYoungPerson: action(async (_context, actor, data) => {
      const youngPersonId = idFrom(data, 'youngPersonId');
      const found = youngPersonId ? await viewYoungPerson(deps, actor, youngPersonId) : undefined;
      if (!found) return failed('This card could not be read. Type "young people" to start again.');
      return found.ok ? recordCard(actor, found.value) : failed(found.error.message, found.error.code);
    }),
    youngPersonReads: action(async (_context, actor, data) => {
      const youngPersonId = idFrom(data, 'youngPersonId');
      const found = youngPersonId ? await youngPersonReads(deps, actor, youngPersonId) : undefined;
      if (!found) return failed('This card could not be read. Type "young people" to start again.');
      return found.ok ? recordReadsCard(found.value.youngPerson, found.value.reads) : failed(found.error.message, found.error.code);
    }),
    changeYoungPersonStatus: action(async (_context, actor, data) => {
      const youngPersonId = idFrom(data, 'youngPersonId');
      const event = idFrom(data, 'event');
      if (!youngPersonId || (event !== 'pause' && event !== 'resume' && event !== 'close')) return failed('This card could not be read. Type "young people" to start again.');
      const changed = await changeStatus(deps, actor, youngPersonId, event as StatusCommand);
      if (changed.ok) return recordCard(actor, changed.value, STATUS_CHANGED[event as StatusCommand]);
      if (changed.error.code !== 'MATCH_RUNNING') return failed(changed.error.message, changed.error.code);
      const found = await viewYoungPerson(deps, actor, youngPersonId);
      return found.ok ? recordCard(actor, found.value, changed.error.message) : failed(changed.error.message, changed.error.code);
    }),
  };
}

/** A mentor's own DBS status, for `my status`: shown from training on, when a check starts to matter. */
export function myDbsFacts(deps: MatchingDeps) {
  return async (personId: string): Promise<Array<[string, string]>> => {
    const record = (await deps.records.get(personId))?.value;
    const mentor = (await deps.journey.mentors.get(personId))?.value;
    if (!mentor || !['booked', 'trained', 'profileComplete', 'matched', 'active'].includes(mentor.stage)) return [];
    return dbsStatusFacts(dbsStatus(record?.dbs, deps.policy.dbsRenewAfterMonths, deps.journey.clock.now()), record?.dbs);
  };
}

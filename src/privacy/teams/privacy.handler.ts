import type { PersonRef } from '../../platform/kernel/person.js';
import type { Turn } from '../../platform/teams/turn.js';
import { errorCard } from '../../platform/teams/cards/error.card.js';
import { erasePerson, mayErase } from '../app/erasure.js';
import { liftLegalHold, placeLegalHold } from '../app/legal-holds.js';
import type { PrivacyDeps } from '../app/privacy-ports.js';
import { liftRestriction, listRestrictions, restrictPerson } from '../app/restrictions.js';
import { retentionDryRun } from '../app/retention-run.js';
import { exportSubjectAccess, listSubjectAccess, startSubjectAccess, stepSubjectAccess, type SubjectRef } from '../app/subject-access-requests.js';
import type { RequestStep } from '../domain/index.js';
import { retentionCountsCard } from './cards/retention.card.js';
import { confirmErasureCard, doneCard, erasedCard, restrictionsCard } from './cards/restriction.card.js';
import { subjectAccessCard, subjectAccessExportCard, subjectAccessListCard } from './cards/subject-access.card.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STEPS = new Set(['pause', 'identityConfirmed', 'extend', 'review', 'send']);

/** A directory id names a mentor; anything else is a young person's case reference. */
export function subjectRefOf(value: string): SubjectRef {
  const trimmed = value.trim();
  return GUID.test(trimmed) ? { kind: 'mentor', personId: trimmed.toLowerCase() } : { kind: 'youngPerson', reference: trimmed };
}

function field(data: unknown, name: string): string {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Thin handlers: the actor from Teams, the words typed or the card's data, one use case each. */
export function privacyHandlers(deps: PrivacyDeps) {
  const rest = (turn: Turn, command: RegExp): string => command.exec(turn.text)?.[1]?.trim() ?? '';

  return {
    privacyCommand: async (turn: Turn, actor: PersonRef): Promise<void> => {
      const requests = await listSubjectAccess(deps, actor);
      if (!requests.ok) return void (await turn.reply(errorCard(requests.error.message)));
      await turn.reply(subjectAccessListCard(requests.value));
      const restricted = await listRestrictions(deps, actor);
      if (restricted.ok) await turn.reply(restrictionsCard(restricted.value));
    },
    subjectAccessCommand: async (turn: Turn, actor: PersonRef): Promise<void> => {
      const who = rest(turn, /^\s*subject\s+access\s+(.+)$/i);
      const started = await startSubjectAccess(deps, actor, subjectRefOf(who));
      await turn.reply(started.ok ? subjectAccessCard(started.value) : errorCard(started.error.message));
    },
    dryRunCommand: async (turn: Turn, actor: PersonRef): Promise<void> => {
      const counts = await retentionDryRun(deps, actor);
      await turn.reply(counts.ok ? retentionCountsCard('Retention dry run: what the next run would remove', counts.value, deps.schedule) : errorCard(counts.error.message));
    },
    holdCommand: async (turn: Turn, actor: PersonRef): Promise<void> => {
      const [, personId = '', reason = ''] = /^\s*legal\s+hold\s+(\S+)\s*(.*)$/is.exec(turn.text) ?? [];
      const held = await placeLegalHold(deps, actor, personId, reason);
      await turn.reply(held.ok ? doneCard('Legal hold placed', `Retention will keep every record of ${personId} until the hold is lifted.`) : errorCard(held.error.message));
    },
    liftHoldCommand: async (turn: Turn, actor: PersonRef): Promise<void> => {
      const lifted = await liftLegalHold(deps, actor, rest(turn, /^\s*lift\s+hold\s+(\S+)\s*$/i));
      await turn.reply(lifted.ok ? doneCard('Legal hold lifted', 'Retention applies to these records again.') : errorCard(lifted.error.message));
    },
    restrictCommand: async (turn: Turn, actor: PersonRef): Promise<void> => {
      const [, who = '', reason = ''] = /^\s*restrict\s+(\S+)\s*(.*)$/is.exec(turn.text) ?? [];
      const restricted = await restrictPerson(deps, actor, subjectRefOf(who), reason);
      await turn.reply(restricted.ok ? doneCard('Records restricted', 'They stay stored, and are left out of matching, broadcasts, reminders and lists.') : errorCard(restricted.error.message));
    },
    liftRestrictionCommand: async (turn: Turn, actor: PersonRef): Promise<void> => {
      const lifted = await liftRestriction(deps, actor, rest(turn, /^\s*lift\s+restriction\s+(\S+)\s*$/i).toLowerCase());
      await turn.reply(lifted.ok ? doneCard('Restriction lifted', 'The records are used again as before.') : errorCard(lifted.error.message));
    },
    eraseCommand: async (turn: Turn, actor: PersonRef): Promise<void> => {
      const ref = subjectRefOf(rest(turn, /^\s*erase\s+(.+)$/i));
      const allowed = mayErase(deps, actor);
      if (!allowed.ok) return void (await turn.reply(errorCard(allowed.error.message)));
      await turn.reply(confirmErasureCard(ref.kind, ref.kind === 'mentor' ? ref.personId : ref.reference));
    },
    subjectAccessStep: async (turn: Turn, actor: PersonRef, data: unknown): Promise<void> => {
      const requestId = field(data, 'requestId');
      const name = field(data, 'step');
      if (name === 'show' || !STEPS.has(name)) {
        const all = await listSubjectAccess(deps, actor);
        if (!all.ok) return turn.answer(errorCard(all.error.message));
        const found = all.value.find((view) => view.request.id === requestId);
        return turn.answer(found ? subjectAccessCard(found) : errorCard('That request is not on record. It may have been typed wrongly.'));
      }
      const step = (name === 'extend' ? { step: 'extend', reason: field(data, 'reason') } : { step: name }) as RequestStep;
      const done = await stepSubjectAccess(deps, actor, requestId, step);
      if (done.ok) return turn.answer(subjectAccessCard(done.value));
      const all = await listSubjectAccess(deps, actor);
      const found = all.ok ? all.value.find((view) => view.request.id === requestId) : undefined;
      await turn.answer(found ? subjectAccessCard(found, done.error.message) : errorCard(done.error.message));
    },
    subjectAccessExport: async (turn: Turn, actor: PersonRef, data: unknown): Promise<void> => {
      const requestId = field(data, 'requestId');
      const exported = await exportSubjectAccess(deps, actor, requestId);
      if (!exported.ok) return turn.answer(errorCard(exported.error.message));
      const all = await listSubjectAccess(deps, actor);
      const view = all.ok ? all.value.find((each) => each.request.id === requestId) : undefined;
      await turn.answer(view ? subjectAccessExportCard(view, exported.value.document) : errorCard('That request is not on record.'));
    },
    confirmErasure: async (turn: Turn, actor: PersonRef, data: unknown): Promise<void> => {
      const key = field(data, 'key');
      const ref: SubjectRef = field(data, 'kind') === 'mentor' ? { kind: 'mentor', personId: key } : { kind: 'youngPerson', reference: key };
      const erased = await erasePerson(deps, actor, ref);
      await turn.answer(erased.ok ? erasedCard(erased.value) : errorCard(erased.error.message));
    },
  };
}

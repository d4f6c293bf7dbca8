import type { Notifiers } from '../../platform/delivery/notifier.js';
import type { PrivacyDeps } from '../app/privacy-ports.js';
import { subjectLabel } from '../domain/index.js';
import { retentionCountsCard } from './cards/retention.card.js';
import { subjectAccessDueCard } from './cards/subject-access.card.js';

/** The dry run's report and the deadline reminder; the reminder is drawn from the request as stored when sent. */
export function privacyNotifiers(deps: PrivacyDeps): Notifiers {
  return {
    retentionDryRun: async (effect, message, transport) => {
      const title = message.firstRun ? 'Before the first retention run: what it will remove' : 'Retention dry run: what the next run would remove';
      const note = message.firstRun ? 'Nothing has been removed yet. Removal starts with tomorrow\'s run; place a legal hold on anyone whose records must be kept ("legal hold" and their id).' : undefined;
      await transport.send(effect.recipientId, retentionCountsCard(title, message.counts, deps.schedule, note));
    },
    subjectAccessDue: async (effect, message, transport) => {
      const request = (await deps.store.getRequest(message.requestId))?.value;
      if (!request || request.state === 'sent') return;
      await transport.send(effect.recipientId, subjectAccessDueCard(subjectLabel(request.subject), message.dueOn, request.id));
    },
  };
}

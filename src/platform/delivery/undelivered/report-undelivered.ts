import type { Effect } from '../../app/ports.js';
import type { GivenUp, UndeliveredReport, UndeliveredStore } from './undelivered.js';

/** Debounce for card updates: a burst of failures in one outage updates each coordinator's card once. */
const UPDATE_AFTER_MS = 2_000;

/**
 * What happens to a message the bot gave up on: it is listed, and the coordinators are told once per outage. The first
 * failure of an outage sends each coordinator a card; later ones while the same cause lasts join its list and the card
 * is updated in place. A delivery that gets through ends the outage.
 */
export function reportUndelivered(store: UndeliveredStore, coordinatorIds: () => readonly string[], now: () => Date): UndeliveredReport {
  return {
    async gaveUp(message: GivenUp): Promise<void> {
      const { outageId, opened } = await store.list(message, `${message.code}.${now().getTime()}`);
      const key = `${message.tableName}|${message.effect.id}`;
      const cards = coordinatorIds().map((recipientId): Effect =>
        opened
          ? { id: `${outageId}.card.${recipientId}`, recipientId, message: { type: 'deliveryOutage', outageId } }
          : {
              id: `${outageId}.update.${key}.${recipientId}`,
              recipientId,
              message: { type: 'deliveryOutageUpdate', outageId },
              convergeKey: `${outageId}.update.${recipientId}`,
              delayMs: UPDATE_AFTER_MS,
            },
      );
      await store.queueCards(outageId, cards);
    },
    delivered: () => store.endOutages(),
  };
}

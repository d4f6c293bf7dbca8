import type { TableClient } from '@azure/data-tables';
import { encodeKey } from './keys.js';
import { orUndefinedWhenMissing, statusOf } from './storage-errors.js';

/** Where to reach a person proactively: enough to rebuild a Bot Framework conversation reference on any instance. */
export interface ConversationAddress {
  readonly personId: string;
  readonly teamsUserId: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId?: string;
}

const PARTITION = 'person';
/** Two install announcements racing on one row settle in a couple of rounds; more means something else is wrong. */
const MAX_WELCOME_ATTEMPTS = 5;

/** The stored row: the address, and whether this install of the app has been welcomed. */
interface ConversationRow extends ConversationAddress {
  readonly welcomed?: boolean;
}

export class ConversationRepository {
  /** Only avoids rewriting an unchanged address on every message; the table is the truth. */
  private readonly written = new Map<string, string>();

  constructor(private readonly table: TableClient) {}

  async get(personId: string): Promise<ConversationAddress | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<ConversationAddress>(PARTITION, encodeKey(personId)));
    if (!entity) return undefined;
    const { personId: id, teamsUserId, conversationId, serviceUrl, tenantId } = entity;
    return { personId: id, teamsUserId, conversationId, serviceUrl, ...(tenantId ? { tenantId } : {}) };
  }

  /** Merges, so remembering an address never undoes a welcome claimed meanwhile. */
  async remember(address: ConversationAddress): Promise<void> {
    if (this.written.get(address.personId) === fingerprintOf(address)) return;
    await this.table.upsertEntity({ partitionKey: PARTITION, rowKey: encodeKey(address.personId), ...address }, 'Merge');
    this.written.set(address.personId, fingerprintOf(address));
  }

  /**
   * Claims the welcome for this install: true for exactly one caller, on any instance, however many install
   * announcements arrive (Teams sends an installationUpdate and a conversationUpdate, often at once). Decided in the
   * row: created if absent (409 if someone else did), otherwise changed with its etag (412 if someone else did).
   */
  async claimWelcome(address: ConversationAddress): Promise<boolean> {
    const row = { partitionKey: PARTITION, rowKey: encodeKey(address.personId), ...address, welcomed: true };
    for (let attempt = 1; ; attempt++) {
      const stored = await orUndefinedWhenMissing(this.table.getEntity<ConversationRow>(PARTITION, row.rowKey));
      if (stored?.welcomed === true) return false;
      try {
        if (stored) await this.table.updateEntity(row, 'Replace', { etag: stored.etag });
        else await this.table.createEntity(row);
        this.written.set(address.personId, fingerprintOf(address));
        return true;
      } catch (error) {
        const lostTheRace = statusOf(error) === 409 || statusOf(error) === 412;
        if (!lostTheRace || attempt >= MAX_WELCOME_ATTEMPTS) throw error;
      }
    }
  }

  /** The app was uninstalled: the next install is welcomed again. */
  async forgetWelcome(personId: string): Promise<void> {
    await orUndefinedWhenMissing(this.table.updateEntity({ partitionKey: PARTITION, rowKey: encodeKey(personId), welcomed: false }, 'Merge'));
  }
}

function fingerprintOf(address: ConversationAddress): string {
  return `${address.conversationId}|${address.serviceUrl}`;
}

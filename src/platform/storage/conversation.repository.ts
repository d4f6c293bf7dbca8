import type { TableClient } from '@azure/data-tables';
import { encodeKey } from './keys.js';
import { orUndefinedWhenMissing } from './storage-errors.js';

/** Where to reach a person proactively: enough to rebuild a Bot Framework conversation reference on any instance. */
export interface ConversationAddress {
  readonly personId: string;
  readonly teamsUserId: string;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId?: string;
}

const PARTITION = 'person';

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

  async remember(address: ConversationAddress): Promise<void> {
    const fingerprint = `${address.conversationId}|${address.serviceUrl}`;
    if (this.written.get(address.personId) === fingerprint) return;
    await this.table.upsertEntity({ partitionKey: PARTITION, rowKey: encodeKey(address.personId), ...address }, 'Replace');
    this.written.set(address.personId, fingerprint);
  }
}

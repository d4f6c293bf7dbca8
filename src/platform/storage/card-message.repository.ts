import type { TableClient } from '@azure/data-tables';
import { encodeKey } from './keys.js';
import { orUndefinedWhenMissing } from './storage-errors.js';

/** A card the bot sent that it may update in place later (an approval request, a broadcast progress card). */
export interface SentCard {
  readonly subjectId: string;
  readonly recipientId: string;
  readonly conversationId: string;
  readonly activityId: string;
  readonly serviceUrl: string;
}

export class CardMessageRepository {
  constructor(private readonly table: TableClient) {}

  async get(subjectId: string, recipientId: string): Promise<SentCard | undefined> {
    const entity = await orUndefinedWhenMissing(this.table.getEntity<SentCard>(encodeKey(subjectId), encodeKey(recipientId)));
    if (!entity) return undefined;
    const { conversationId, activityId, serviceUrl } = entity;
    return { subjectId, recipientId, conversationId, activityId, serviceUrl };
  }

  async remember(card: SentCard): Promise<void> {
    await this.table.upsertEntity({ partitionKey: encodeKey(card.subjectId), rowKey: encodeKey(card.recipientId), ...card }, 'Replace');
  }
}

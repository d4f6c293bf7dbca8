import { odata, type TableClient } from '@azure/data-tables';
import type { Effect } from '../app/ports.js';
import { undeliveredKey, type GivenUp, type UndeliveredCode, type UndeliveredMessage, type UndeliveredStore } from '../delivery/undelivered/undelivered.js';
import type { EffectSignal } from './effect-queue.js';
import { encodeKey } from './keys.js';
import { addEffectRow } from './outbox.js';
import { orUndefinedWhenMissing, statusOf } from './storage-errors.js';

const LISTED = 'undelivered';
const OPEN_OUTAGES = 'outage';

interface ListedEntity {
  tableName: string;
  sourcePartition: string;
  effect: string;
  code: string;
  detail: string;
  failedAt: string;
  outageId: string;
}

/**
 * The undelivered list and the open outages, in one table: rows in `undelivered` (one per message given up), rows in
 * `outage` (one per cause while it lasts), and the outbox rows of the coordinators' cards, one partition per outage.
 */
export class UndeliveredRepository implements UndeliveredStore {
  constructor(
    private readonly table: TableClient,
    /** The outbox tables, by name: Try again queues a message where it was queued. */
    private readonly tableNamed: (name: string) => TableClient | undefined,
    private readonly queue: EffectSignal,
    private readonly now: () => Date,
  ) {}

  get tableName(): string {
    return this.table.tableName;
  }

  async list(message: GivenUp, newOutageId: string): Promise<{ outageId: string; opened: boolean }> {
    const outage = await this.openOrJoin(message.code, newOutageId);
    const entity: ListedEntity = {
      tableName: message.tableName,
      sourcePartition: message.partitionKey,
      effect: JSON.stringify(message.effect),
      code: message.code,
      detail: message.detail,
      failedAt: message.failedAt,
      outageId: outage.outageId,
    };
    await this.table.upsertEntity({ partitionKey: LISTED, rowKey: encodeKey(undeliveredKey(message.tableName, message.effect.id)), ...entity }, 'Replace');
    return outage;
  }

  async listAll(): Promise<UndeliveredMessage[]> {
    return this.query(odata`PartitionKey eq ${LISTED}`);
  }

  async listOutage(outageId: string): Promise<UndeliveredMessage[]> {
    return this.query(odata`PartitionKey eq ${LISTED} and outageId eq ${outageId}`);
  }

  async endOutages(): Promise<void> {
    const open = this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${OPEN_OUTAGES}`, select: ['RowKey'] } });
    for await (const row of open) await this.table.deleteEntity(OPEN_OUTAGES, row.rowKey!).catch(ignoreMissing);
  }

  async queueCards(outageId: string, effects: readonly Effect[]): Promise<void> {
    const partition = `outage.${outageId}`;
    for (const effect of effects) await addEffectRow(this.table, partition, effect, this.now());
    if (effects.length > 0) await this.queue.signal(this.table.tableName, partition);
  }

  async queueAgain(message: UndeliveredMessage, now: Date): Promise<boolean> {
    const source = this.tableNamed(message.tableName);
    const rowKey = encodeKey(message.key);
    const listed = await orUndefinedWhenMissing(this.table.getEntity<ListedEntity>(LISTED, rowKey));
    if (!source || !listed) return false;
    // The same id for every press of this listing: a second press finds the row queued already and adds nothing.
    await addEffectRow(source, message.partitionKey, { ...message.effect, id: `${message.effect.id}.again.${Date.parse(message.failedAt)}` }, now);
    try {
      await this.table.deleteEntity(LISTED, rowKey, { etag: listed.etag });
    } catch (error) {
      if (statusOf(error) === 404 || statusOf(error) === 412) return false;
      throw error;
    }
    await this.queue.signal(source.tableName, message.partitionKey);
    return true;
  }

  /** The open outage for a cause, or a new one: the first to create the row opens it, everyone else joins. */
  private async openOrJoin(code: UndeliveredCode, newOutageId: string): Promise<{ outageId: string; opened: boolean }> {
    for (;;) {
      try {
        await this.table.createEntity({ partitionKey: OPEN_OUTAGES, rowKey: encodeKey(code), outageId: newOutageId });
        return { outageId: newOutageId, opened: true };
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const open = await orUndefinedWhenMissing(this.table.getEntity<{ outageId: string }>(OPEN_OUTAGES, encodeKey(code)));
      if (open) return { outageId: open.outageId, opened: false };
      // It ended between the two calls: open a new one.
    }
  }

  private async query(filter: string): Promise<UndeliveredMessage[]> {
    const messages: UndeliveredMessage[] = [];
    for await (const row of this.table.listEntities<ListedEntity>({ queryOptions: { filter } })) {
      const effect = JSON.parse(row.effect) as Effect;
      messages.push({
        key: undeliveredKey(row.tableName, effect.id),
        tableName: row.tableName,
        partitionKey: row.sourcePartition,
        effect,
        code: row.code as UndeliveredCode,
        detail: row.detail,
        failedAt: row.failedAt,
        outageId: row.outageId,
      });
    }
    return messages.sort((a, b) => a.failedAt.localeCompare(b.failedAt));
  }
}

function ignoreMissing(error: unknown): void {
  if (statusOf(error) !== 404) throw error;
}

import { odata, type TableClient } from '@azure/data-tables';
import { encodeKey } from '../../platform/storage/keys.js';
import { orUndefinedWhenMissing } from '../../platform/storage/storage-errors.js';

const WORKERS_PARTITION = 'workers|';

/** Which broadcast workers are alive: one row per running instance, in its own partition of the broadcasts table. */
export class WorkerPresenceRepository {
  constructor(private readonly table: TableClient) {}

  /** Each running worker says it is alive; the tenant's send budget is shared between the live ones. */
  async heartbeat(instanceId: string, now: Date): Promise<void> {
    await this.table.upsertEntity({ partitionKey: WORKERS_PARTITION, rowKey: encodeKey(instanceId), seenAt: now.toISOString() }, 'Replace');
  }

  async liveWorkers(since: Date): Promise<number> {
    const filter = odata`PartitionKey eq ${WORKERS_PARTITION} and seenAt ge ${since.toISOString()}`;
    let count = 0;
    for await (const _ of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) count += 1;
    return count;
  }

  async leave(instanceId: string): Promise<void> {
    await orUndefinedWhenMissing(this.table.deleteEntity(WORKERS_PARTITION, encodeKey(instanceId)));
  }
}

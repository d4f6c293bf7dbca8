import type { TableClient } from '@azure/data-tables';
import { encodeKey } from './keys.js';
import { orUndefinedWhenMissing, statusOf } from './storage-errors.js';

const LEASE_PARTITION = 'lease';

interface LeaseEntity {
  partitionKey: string;
  rowKey: string;
  holder: string;
  expiresAt: string;
}

/**
 * A named lease in Azure Tables, for jobs that must run on one instance at a time: taken with createEntity (409 when
 * someone has it) or with an etag-guarded replace of an expired or own lease (412 when someone else got there first).
 * Whoever holds it may renew it; nobody else can take it until it runs out, so a crashed holder stalls the job for at
 * most one lease length.
 */
export class TableLease {
  constructor(
    private readonly table: TableClient,
    private readonly name: string,
    readonly holder: string,
    private readonly durationMs: number,
    private readonly now: () => Date,
  ) {}

  /** True when this holder has the lease now (newly taken or renewed). */
  async acquire(): Promise<boolean> {
    const now = this.now();
    const entity: LeaseEntity = { partitionKey: LEASE_PARTITION, rowKey: encodeKey(this.name), holder: this.holder, expiresAt: new Date(now.getTime() + this.durationMs).toISOString() };
    const current = await orUndefinedWhenMissing(this.table.getEntity<LeaseEntity>(LEASE_PARTITION, encodeKey(this.name)));
    try {
      if (!current) await this.table.createEntity(entity);
      else if (current.holder === this.holder || Date.parse(current.expiresAt) <= now.getTime()) {
        await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
      } else return false;
      return true;
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) return false;
      throw error;
    }
  }

  /** Gives the lease up early (when this holder still has it). */
  async release(): Promise<void> {
    const current = await orUndefinedWhenMissing(this.table.getEntity<LeaseEntity>(LEASE_PARTITION, encodeKey(this.name)));
    if (current?.holder !== this.holder) return;
    try {
      await this.table.updateEntity({ ...current, expiresAt: new Date(0).toISOString() }, 'Replace', { etag: current.etag });
    } catch (error) {
      if (statusOf(error) !== 412) throw error;
    }
  }
}

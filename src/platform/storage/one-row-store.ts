import type { Change, Versioned } from '../app/ports.js';
import type { DataEntity } from './data-entity.js';
import { encodeKey } from './keys.js';
import { PartitionStore } from './partition-store.js';

/** How an aggregate kept as one row, in the partition of its own id, becomes that row and back. */
export interface RowCodec<T, E extends DataEntity> {
  readonly rowKey: string;
  toEntity(value: T): E;
  toDomain(entity: E): T;
}

/** A repository of aggregates that are one row each, in the partition of their id: get by id, and save on the one write path. */
export abstract class OneRowStore<T, E extends DataEntity> extends PartitionStore {
  protected abstract readonly codec: RowCodec<T, E>;

  async get(id: string): Promise<Versioned<T> | undefined> {
    return this.readRow(encodeKey(id), this.codec.rowKey, (entity: E) => this.codec.toDomain(entity));
  }

  async save(change: Change<T>): Promise<void> {
    const entity: DataEntity = this.codec.toEntity(change.value);
    await this.saveRow({ ...entity }, change);
  }
}

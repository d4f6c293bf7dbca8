import { inject } from 'vitest';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openStorage, type Storage } from '../../src/platform/storage/tables.js';
import { uniquePrefix } from './test-bot.js';

/** Fresh tables and a fresh queue in the shared Azurite, under a prefix of their own. */
export async function freshStorage(): Promise<{ storage: Storage; queue: EffectQueue }> {
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const storage = await openStorage(clients, uniquePrefix());
  return { storage, queue: new EffectQueue(storage.effectQueue, () => new Date()) };
}

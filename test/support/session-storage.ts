import { nobodyRestricted } from './nobody-restricted.js';
import { inject } from 'vitest';
import type { SessionDeps } from '../../src/sessions/app/session-deps.js';
import type { Clock, Directory, SchemeRoles } from '../../src/platform/app/ports.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import { SessionRepository } from '../../src/sessions/store/session.repository.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openStorage, openTable } from '../../src/platform/storage/tables.js';
import { uniquePrefix } from './test-bot.js';

const NO_DIRECTORY: Directory = { getPerson: async () => undefined, getManager: async () => undefined };

/** A session repository and the mentor repository on the shared Azurite, under a fresh prefix. */
export async function freshSessionStorage(now: () => Date, coordinators: string[] = []) {
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const prefix = uniquePrefix();
  const storage = await openStorage(clients, prefix);
  const queue = new EffectQueue(storage.effectQueue, () => new Date());
  const table = await openTable(clients, `${prefix}Sessions`);
  const sessions = new SessionRepository(table, queue, now);
  const mentors = new MentorRepository(await storage.openTable('Mentors'), queue, now);
  const roles: SchemeRoles = { coordinators: coordinators.map((id) => ({ id, name: 'Coordinator' })), governanceApprovers: [], dataProtectionOfficers: [], isDataProtectionOfficer: () => false, isCoordinator: (id) => coordinators.includes(id) };
  const clock: Clock = { now };
  const deps: SessionDeps = { sessions, mentors, roles, clock, directory: NO_DIRECTORY, restricted: nobodyRestricted };
  return { deps, sessions, mentors, table, queue, storage, prefix };
}

import { BroadcastRepository } from '../../src/broadcast/store/broadcast.repository.js';
import type { PersonRef } from '../../src/platform/kernel/person.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openStorage } from '../../src/platform/storage/tables.js';

export interface SeededBroadcast {
  readonly id: string;
  readonly sent: readonly PersonRef[];
  readonly failed: readonly { readonly person: PersonRef; readonly code: string; readonly reason: string }[];
}

/**
 * Finished broadcasts written through the broadcast store as the worker leaves them: each recipient claimed, then
 * recorded sent or failed (with Teams' reason), then the broadcast marked finished. Nobody is left pending, so the
 * bot's own worker and sweeper have nothing to do with them until someone presses Retry.
 */
export async function seedBroadcasts(
  connectionString: string,
  prefix: string,
  now: Date,
  broadcasts: readonly { id: string; text: string; audienceLabel: string; by: PersonRef; minutesAgo: number; sent: readonly PersonRef[]; failed: SeededBroadcast['failed'] }[],
): Promise<SeededBroadcast[]> {
  const storage = await openStorage(storageClients({ kind: 'connectionString', connectionString }), prefix);
  const store = new BroadcastRepository(await storage.openTable('Broadcasts'));
  for (const each of broadcasts) {
    const at = new Date(now.getTime() - each.minutesAgo * 60_000);
    const everyone = [...each.sent, ...each.failed.map((failure) => failure.person)];
    await store.create({ id: each.id, createdBy: each.by, createdAt: at.toISOString(), content: { text: each.text }, audienceLabel: each.audienceLabel, total: everyone.length }, everyone.map((person) => person.id), at);
    for (const person of each.sent) {
      const record = (await store.recipients.get(each.id, person.id))!;
      const claim = (await store.recipients.claim(record, new Date(at.getTime() + 60_000)))!;
      await store.recipients.recordSent(record, claim.etag, at);
    }
    for (const { person, code, reason } of each.failed) {
      const record = (await store.recipients.get(each.id, person.id))!;
      const claim = (await store.recipients.claim(record, new Date(at.getTime() + 60_000)))!;
      await store.recipients.recordFailed(record, claim.etag, code, reason);
    }
    const stored = (await store.get(each.id))!;
    await store.finish(each.id, stored.etag, at);
  }
  return broadcasts.map(({ id, sent, failed }) => ({ id, sent, failed }));
}

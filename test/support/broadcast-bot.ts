import { journeyFeature } from '../../src/journey/journey.feature.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { broadcastFeature } from '../../src/broadcast/broadcast.feature.js';
import type { RunningBot, StartOptions } from '../../src/main.js';
import { ConversationRepository } from '../../src/platform/storage/conversation.repository.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { sessionsFeature } from '../../src/sessions/sessions.feature.js';
import { BroadcastConnectorStandIn } from './broadcast-connector.js';
import { eventually } from './eventually.js';
import { CAST, ISAIAH, PATTI, type TestPerson } from './people.js';
import { textOf } from './teams-connector.js';
import { startBotOnAzurite, TEST_TENANT } from './test-bot.js';

/** `count` synthetic people with Entra-shaped ids, for audiences of hundreds. */
export function crowd(count: number, seed = randomBytes(2).toString('hex')): TestPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const tail = `${seed}${i.toString(16).padStart(8, '0')}`.slice(-12);
    return { id: `aaaaaaaa-bbbb-4ccc-8ddd-${tail}`, name: `Recipient ${i + 1}` };
  });
}

export function directoryFile(people: readonly TestPerson[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadcast-dir-'));
  const file = path.join(dir, 'directory.json');
  const all = [...CAST, ...people.filter((p) => !CAST.some((c) => c.id === p.id))];
  writeFileSync(file, JSON.stringify({ people: all.map(({ id, name }) => ({ id, name })), coordinatorIds: [ISAIAH.id], governanceApproverIds: [PATTI.id] }));
  return file;
}

export function conversationOf(person: { id: string }): string {
  return `a:personal-${person.id}`;
}

export interface BroadcastBot {
  readonly bot: RunningBot;
  readonly env: Record<string, string>;
  readonly logs: string[];
  send(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** Fast pacing for tests; the bench runs Microsoft's real limit. */
export const FAST_BROADCAST_ENV = {
  BROADCAST_TENANT_PER_SECOND: '1000',
  BROADCAST_CONCURRENCY: '64',
  BROADCAST_PROGRESS_MS: '200',
  BROADCAST_RETRY_BASE_MS: '200',
  BROADCAST_VISIBILITY_SECONDS: '2',
  BROADCAST_CLAIM_SECONDS: '30',
  WORKER_POLL_MS: '25',
};

/** The real bot with the broadcast feature, on Azurite, talking to the given connector stand-in. */
export async function startBroadcastBot(connector: BroadcastConnectorStandIn, env: Record<string, string>, options: StartOptions = {}): Promise<BroadcastBot> {
  const running = await startBotOnAzurite(connector.url, { ...FAST_BROADCAST_ENV, ...env }, { features: [journeyFeature, broadcastFeature], ...options });
  return { ...running, stop: () => running.bot.stop() };
}

/** Everyone's 1:1 chat with the bot, as if each had opened it once (written straight to the Conversations table). */
export async function knownChats(env: Record<string, string>, people: readonly TestPerson[], serviceUrl: string): Promise<void> {
  const clients = storageClients({ kind: 'connectionString', connectionString: env.STORAGE_CONNECTION_STRING! });
  const conversations = new ConversationRepository(clients.table(`${env.TABLE_PREFIX}Conversations`));
  for (let start = 0; start < people.length; start += 50) {
    await Promise.all(
      people.slice(start, start + 50).map((person) =>
        conversations.remember({ personId: person.id, teamsUserId: `29:${person.id}`, conversationId: conversationOf(person), serviceUrl, tenantId: TEST_TENANT }),
      ),
    );
  }
}

/** The features for a broadcast that invites to sessions: Book and Can't make it on the broadcast's cards. */
export const WITH_SESSIONS = [journeyFeature, sessionsFeature, broadcastFeature];

export interface BroadcastWorld {
  readonly connector: BroadcastConnectorStandIn;
  readonly t: BroadcastBot;
  stop(): Promise<void>;
}

/** The broadcast bot over its own connector stand-in (an empty directory file unless `env` names one), each of `people` with a known chat. */
export async function startBroadcastWorld(people: readonly TestPerson[], env: Record<string, string>, options: StartOptions = {}): Promise<BroadcastWorld> {
  const connector = await new BroadcastConnectorStandIn().start();
  const t = await startBroadcastBot(connector, { LOCAL_DIRECTORY_FILE: directoryFile([]), ...env }, options);
  await knownChats(t.env, people, connector.url);
  return {
    connector,
    t,
    async stop() {
      await t.stop();
      await connector.stop();
    },
  };
}

/** What the connector stand-in delivered to each person, and a wait for the first card with some words; `world` is read on each call. */
export function deliveriesOf(world: () => BroadcastWorld) {
  const delivered = (person: { id: string }) => world().connector.delivered(conversationOf(person));
  return {
    delivered,
    cardWith: (person: { id: string }, words: string) =>
      eventually(() => {
        const found = delivered(person).find((r) => textOf(r.body).includes(words));
        if (!found) throw new Error(`no card with "${words}" yet`);
        return found;
      }, 20_000, 100),
  };
}

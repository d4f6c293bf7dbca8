import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { startBot, type RunningBot, type StartOptions } from '../../src/main.js';
import { localDirectoryJson, type TestPerson } from './people.js';
import { TeamsConnectorStandIn } from './teams-connector.js';

export interface TestBot {
  readonly bot: RunningBot;
  readonly connector: TeamsConnectorStandIn;
  readonly env: Record<string, string>;
  /** Everything the bot logged, for checks that nothing sensitive was written. */
  readonly logs: string[];
  send(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** The tenant every test activity comes from, and the tenant the test bots trust (TEAMS_TENANT_ID). */
export const TEST_TENANT = 'tenant-1';

/** A table prefix unique to this run, so test files share one Azurite without seeing each other's rows. */
export function uniquePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

export function localDirectoryFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mentoring-dir-'));
  const file = path.join(dir, 'directory.json');
  writeFileSync(file, localDirectoryJson());
  return file;
}

/** The real bot, in this process, on a free port, with Azurite storage and a Teams connector stand-in. */
export async function startTestBot(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestBot> {
  const connector = await new TeamsConnectorStandIn().start();
  const running = await startBotOnAzurite(connector.url, { LOCAL_DIRECTORY_FILE: localDirectoryFile(), WORKER_POLL_MS: '25', ...env }, options);
  return {
    ...running,
    connector,
    async stop() {
      await running.bot.stop();
      await connector.stop();
    },
  };
}

/**
 * The real bot, in this process, on a free port, on the run's Azurite under a table prefix of its own, trusting the test
 * tenant and sending to `serviceUrl`; what it logs is kept, and `send` posts an activity to it as Teams would.
 */
export async function startBotOnAzurite(
  serviceUrl: string,
  env: Record<string, string>,
  options: StartOptions,
): Promise<Pick<TestBot, 'bot' | 'env' | 'logs' | 'send'>> {
  const logs: string[] = [];
  const fullEnv: Record<string, string> = {
    PORT: '0',
    LOG_LEVEL: 'info',
    STORAGE_CONNECTION_STRING: inject('storageConnectionString'),
    TABLE_PREFIX: uniquePrefix(),
    TEAMS_SERVICE_URL: serviceUrl,
    TEAMS_TENANT_ID: TEST_TENANT,
    ...env,
  };
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const bot = await startBot(fullEnv, { logDestination, ...options });
  const endpoint = `http://127.0.0.1:${bot.port}/api/messages`;
  return {
    bot,
    env: fullEnv,
    logs,
    async send(activity, headers = {}) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ serviceUrl, ...activity }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

export function conversationOf(person: { readonly id: string }): string {
  return `a:personal-${person.id}`;
}

function base(person: TestPerson) {
  return {
    channelId: 'msteams',
    id: randomBytes(8).toString('hex'),
    timestamp: new Date().toISOString(),
    from: { id: `29:${person.id}`, aadObjectId: person.id, name: person.name },
    recipient: { id: '28:bot', name: 'Mentoring scheme' },
    conversation: { id: conversationOf(person), conversationType: 'personal', tenantId: TEST_TENANT },
    channelData: { tenant: { id: TEST_TENANT } },
  };
}

export function message(person: TestPerson, text: string) {
  return { ...base(person), type: 'message', text };
}

export function installed(person: TestPerson) {
  return { ...base(person), type: 'conversationUpdate', membersAdded: [{ id: `29:${person.id}`, aadObjectId: person.id }] };
}

/** The conversationUpdate of a personal install as Teams often sends it: the only member added is the bot. */
export function botAdded(person: TestPerson) {
  return { ...base(person), type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] };
}

/** The installationUpdate Teams sends when someone adds the app (`add`) or removes it (`remove`). */
export function installation(person: TestPerson, action: 'add' | 'remove' | 'add-upgrade') {
  return { ...base(person), type: 'installationUpdate', action };
}

/** An Action.Execute, as Teams sends it when someone presses a card button (or a card refreshes itself). */
export function action(person: TestPerson, verb: string, data: Record<string, unknown> = {}, trigger: 'manual' | 'automatic' = 'manual') {
  return {
    ...base(person),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'activity-card',
    value: { action: { type: 'Action.Execute', id: 'action', verb, data }, trigger },
  };
}

/** The card a card action answered with. */
export function invokeCard(response: { status: number; body: unknown }): { body?: unknown[]; actions?: unknown[]; refresh?: { userIds: string[] } } {
  const body = response.body as { statusCode?: number; type?: string; value?: unknown } | undefined;
  if (response.status !== 200 || body?.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected a card, got ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.value as { body?: unknown[]; actions?: unknown[] };
}

import { once } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import type { TableClient } from '@azure/data-tables';
import type pino from 'pino';
import { reportUndelivered } from './platform/delivery/undelivered/report-undelivered.js';
import type { Directory, SchemeRoles } from './platform/app/ports.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { PersonRef } from './platform/kernel/person.js';
import { GraphAppInstaller, NoAppInstaller, type AppInstaller } from './platform/directory/app-installer.gateway.js';
import { GraphDirectory } from './platform/directory/directory.gateway.js';
import { createGraphClient, tokenFrom } from './platform/directory/graph-client.js';
import { graphCredential } from './platform/directory/graph-credential.js';
import { LocalDirectory } from './platform/directory/local-directory.js';
import { allFollowUps, firstNotice } from './platform/delivery/failure-notice.js';
import { EffectWorker, DEFAULT_WORKER_OPTIONS } from './platform/delivery/effect-worker.js';
import { every, type Interval } from './platform/delivery/interval.js';
import { Foreground } from './platform/delivery/foreground.js';
import { createHealthServer } from './platform/delivery/health-server.js';
import { sweepOutboxes } from './platform/delivery/outbox-sweeper.js';
import { createLogger, type Logger } from './log.js';
import { CardMessageRepository } from './platform/storage/card-message.repository.js';
import { ConversationRepository } from './platform/storage/conversation.repository.js';
import { EffectQueue } from './platform/storage/effect-queue.js';
import { startEmbeddedAzurite, type EmbeddedAzurite } from './platform/storage/embedded-azurite.js';
import { UndeliveredRepository } from './platform/storage/undelivered.repository.js';
import { storageClients, type StorageConnection } from './platform/storage/storage-clients.js';
import { openStorage } from './platform/storage/tables.js';
import type { Feature, FeatureContext, FeatureFactory } from './platform/feature.js';
import { FEATURES } from './features.js';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createAdapter } from './platform/teams/adapter.js';
import { createBot } from './platform/teams/bot.js';
import { createBotServer } from './platform/teams/http-server.js';
import { TeamsMessenger } from './platform/delivery/messenger.js';
import { undeliveredNotifiers } from './platform/teams/undelivered.notifications.js';
import { TeamsTransport } from './platform/teams/teams-transport.js';

export interface StartOptions {
  /** Tests hand in a token for the local Graph stand-in instead of a real credential. */
  readonly graphAccessToken?: () => Promise<string>;
  readonly logDestination?: pino.DestinationStream;
  /** Tests drive the worker themselves when they want to see a crash between steps. */
  readonly startWorker?: boolean;
  readonly now?: () => Date;
  /** Replaces the feature list (tests of one feature). */
  readonly features?: readonly FeatureFactory[];
}

export interface RunningBot {
  readonly port: number;
  readonly config: Config;
  readonly worker: EffectWorker;
  stop(): Promise<void>;
}

/** The composition root: the one place that wires every part. */
export async function startBot(env: Record<string, string | undefined>, options: StartOptions = {}): Promise<RunningBot> {
  const config = loadConfig(env);
  const log = createLogger(config.LOG_LEVEL, options.logDestination);
  const now = options.now ?? (() => new Date());
  const { directory, installer, localFile, graph } = directoryFor(config, options, log);
  // Start-up work that does not wait on storage runs beside it (coordinators' names come from Graph in production).
  const rolesNamed = schemeRoles(config, directory, localFile);
  rolesNamed.catch(() => undefined);
  const { connection, azurite } = await storageConnection(config, log);
  const storage = await openStorage(storageClients(connection), config.TABLE_PREFIX);
  const queue = new EffectQueue(storage.effectQueue, now);
  const roles = await rolesNamed;
  const conversations = new ConversationRepository(storage.tables.conversations);
  const clock = { now };
  // ROLE (docs/scaling.md): web answers and queues, worker delivers and runs the schedules, all does both.
  const answers = config.ROLE !== 'worker';
  const delivers = config.ROLE !== 'web';

  const adapter = createAdapter(config, log);
  const transport = new TeamsTransport({
    adapter,
    botId: config.BOT_ID ?? '',
    conversations,
    cardMessages: new CardMessageRepository(storage.tables.cardMessages),
    installer,
    serviceUrl: config.TEAMS_SERVICE_URL,
    now,
  });
  const clients = storageClients(connection);
  // Filled once the features have said which of their tables hold effects; looked up only when the worker runs.
  const outboxTables: TableClient[] = [await storage.openTable('Delivery')];
  const byName = new Map<string, TableClient>();
  const undelivered = new UndeliveredRepository(outboxTables[0]!, (name) => byName.get(name), queue, now);
  const context: FeatureContext = {
    config,
    log,
    storage: clients,
    openTable: storage.openTable,
    queue,
    directory,
    roles,
    clock,
    undelivered,
    ...(graph ? { graph } : {}),
    transport,
    delivers,
  };
  // Built side by side (each opens its tables, some seed rows), kept in list order: the order routes are tried in.
  const features: Feature[] = await Promise.all((options.features ?? FEATURES).map((factory) => factory(context)));
  outboxTables.push(...features.flatMap((feature) => feature.outboxTables ?? []));
  for (const table of outboxTables) byName.set(table.tableName, table);
  const coordinatorIds = () => roles.coordinators.map((c) => c.id);

  const foreground = new Foreground();
  const teams = { conversations, log, roles, clock, undelivered, trustedTenantId: config.TEAMS_TENANT_ID };
  const bot = createBot(adapter, teams, features.flatMap((feature) => (feature.routes ? [feature.routes] : [])));
  const messenger = new TeamsMessenger(transport, [undeliveredNotifiers(undelivered, directory), ...features.flatMap((f) => (f.notifiers ? [f.notifiers] : []))]);
  const worker = new EffectWorker(queue, (name) => byName.get(name), messenger, log, now, coordinatorIds, reportUndelivered(undelivered, coordinatorIds, now), {
    ...DEFAULT_WORKER_OPTIONS,
    giveUpNotice: firstNotice(features.flatMap((feature) => (feature.giveUpNotice ? [feature.giveUpNotice] : []))),
    giveUpFollowUp: allFollowUps(features.flatMap((feature) => (feature.giveUpFollowUp ? [feature.giveUpFollowUp] : []))),
    retry: { ...DEFAULT_WORKER_OPTIONS.retry, giveUpAfterMs: config.DELIVERY_GIVE_UP_HOURS * 3_600_000 },
    pollMs: config.WORKER_POLL_MS,
    ...(answers ? { yieldTo: foreground } : {}),
  });
  if (delivers && options.startWorker !== false) worker.start();
  const jobs: Interval[] = delivers
    ? [
        every(config.OUTBOX_SWEEP_SECONDS * 1000, 'outboxSweep', () => sweepOutboxes(outboxTables, queue, now()), log),
        ...features.flatMap((feature) => feature.jobs ?? []).map((job) => every(job.everyMs, job.name, () => job.run(), log)),
      ]
    : [];

  const server = answers
    ? createBotServer(adapter, bot, log, features.flatMap((feature) => (feature.web ? [feature.web] : [])))
    : createHealthServer();
  if (answers) countRequests(server, foreground);
  server.listen(config.PORT, '0.0.0.0');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  log.info({ port, role: config.ROLE, storage: config.mode.storage, directory: config.mode.directory, auth: config.mode.auth }, 'mentoring scheme bot listening on /api/messages');

  return {
    port,
    config,
    worker,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await Promise.all(jobs.map((job) => job.stop()));
      await worker.stop();
      await Promise.all(features.map((feature) => feature.stop?.()));
      await azurite?.stop();
    },
  };
}

/** People's requests in flight, which the worker in this process steps aside for (ROLE=all). */
function countRequests(server: Server, foreground: Foreground): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return;
    foreground.enter();
    res.once('close', () => foreground.leave());
  });
}

async function storageConnection(config: Config, log: Logger): Promise<{ connection: StorageConnection; azurite?: EmbeddedAzurite }> {
  if (config.STORAGE_CONNECTION_STRING) return { connection: { kind: 'connectionString', connectionString: config.STORAGE_CONNECTION_STRING } };
  if (config.STORAGE_TABLE_ENDPOINT && config.STORAGE_QUEUE_ENDPOINT) {
    return {
      connection: {
        kind: 'endpoints',
        tableEndpoint: config.STORAGE_TABLE_ENDPOINT,
        queueEndpoint: config.STORAGE_QUEUE_ENDPOINT,
        ...(config.AZURE_CLIENT_ID ? { clientId: config.AZURE_CLIENT_ID } : {}),
      },
    };
  }
  const location = path.resolve(config.LOCAL_DATA_DIR, 'azurite');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(location, { recursive: true });
  const azurite = await startEmbeddedAzurite({ location });
  log.info({ location }, 'no storage configured: started an embedded Azurite (local mode); data is kept in this folder');
  return { connection: { kind: 'connectionString', connectionString: azurite.connectionString }, azurite };
}

function directoryFor(
  config: Config,
  options: StartOptions,
  log: Logger,
): { directory: Directory; installer: AppInstaller; localFile?: LocalDirectory; graph?: Client } {
  if (config.mode.directory === 'localFile') {
    const local = LocalDirectory.load(config.LOCAL_DIRECTORY_FILE);
    log.info({ file: config.LOCAL_DIRECTORY_FILE }, 'no Graph credentials: reading people and managers from the local directory file (local mode)');
    return { directory: local, installer: new NoAppInstaller(), localFile: local };
  }
  const credential = () =>
    graphCredential({ tenantId: config.GRAPH_TENANT_ID, graphClientId: config.GRAPH_CLIENT_ID, graphClientSecret: config.GRAPH_CLIENT_SECRET, managedIdentityClientId: config.AZURE_CLIENT_ID });
  const getAccessToken = options.graphAccessToken ?? tokenFrom(credential(), config.GRAPH_BASE_URL);
  const client = createGraphClient({ baseUrl: config.GRAPH_BASE_URL, getAccessToken });
  const installer = config.TEAMS_APP_ID ? new GraphAppInstaller(client, config.TEAMS_APP_ID, config.GRAPH_BASE_URL) : new NoAppInstaller();
  return { directory: new GraphDirectory(client), installer, graph: client };
}

async function schemeRoles(config: Config, directory: Directory, local: LocalDirectory | undefined): Promise<SchemeRoles> {
  const coordinatorIds = config.COORDINATOR_IDS.length ? config.COORDINATOR_IDS : (local?.file.coordinatorIds ?? []);
  const approverIds = config.GOVERNANCE_APPROVER_IDS.length ? config.GOVERNANCE_APPROVER_IDS : (local?.file.governanceApproverIds ?? []);
  const coordinators = await named(directory, coordinatorIds, 'Scheme coordinator');
  const governanceApprovers = approverIds.length ? await named(directory, approverIds, 'Scheme governance approver') : coordinators;
  const ids = new Set(coordinators.map((person) => person.id));
  const officerIds = config.DPO_IDS.length ? config.DPO_IDS : (local?.file.dataProtectionOfficerIds ?? []);
  const dataProtectionOfficers = await named(directory, officerIds, 'Data Protection Officer');
  const officers = new Set(dataProtectionOfficers.map((person) => person.id));
  return {
    coordinators,
    governanceApprovers,
    isCoordinator: (personId) => ids.has(personId),
    dataProtectionOfficers,
    isDataProtectionOfficer: (personId) => officers.has(personId.toLowerCase()),
  };
}

async function named(directory: Directory, ids: readonly string[], fallback: string): Promise<PersonRef[]> {
  return Promise.all(
    ids.map(async (id) => {
      const person = await directory.getPerson(id).catch(() => undefined);
      return { id: id.toLowerCase(), name: person?.name ?? fallback };
    }),
  );
}

async function runFromCommandLine(): Promise<void> {
  try {
    const running = await startBot(process.env);
    const shutdown = (): void => {
      void running.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/main.ts')) void runFromCommandLine();

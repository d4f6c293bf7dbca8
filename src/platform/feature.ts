import type { TableClient } from '@azure/data-tables';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { JourneyDeps } from '../journey/app/journey-deps.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { EffectQueue } from './storage/effect-queue.js';
import type { StorageClients } from './storage/storage-clients.js';
import type { FeatureRoutes } from './teams/bot.js';
import type { Notifiers } from './delivery/notifier.js';
import type { TeamsTransport } from './teams/teams-transport.js';

/** What main.ts hands each feature: shared parts, already built. */
export interface FeatureContext {
  readonly config: Config;
  readonly log: Logger;
  readonly storage: StorageClients;
  /** Opens (creating if missing) a table under the configured prefix: `openTable('Sessions')`. */
  openTable(name: string): Promise<TableClient>;
  readonly queue: EffectQueue;
  readonly journey: JourneyDeps;
  /** The Graph client when Graph is configured; undefined in local mode. */
  readonly graph?: Client;
  readonly transport: TeamsTransport;
}

export interface ScheduledJob {
  readonly name: string;
  readonly everyMs: number;
  run(): Promise<unknown>;
}

/** What a feature adds to the bot: its routes, how its messages are sent, tables holding its effects, its timers. */
export interface Feature {
  readonly routes?: FeatureRoutes;
  readonly notifiers?: Notifiers;
  readonly outboxTables?: readonly TableClient[];
  readonly jobs?: readonly ScheduledJob[];
  /** Background loops the feature runs itself (its own queue consumers); stopped with the bot. */
  stop?(): Promise<void>;
}

export type FeatureFactory = (context: FeatureContext) => Promise<Feature>;

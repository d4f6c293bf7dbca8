import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TableClient } from '@azure/data-tables';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Clock, Directory, SchemeRoles } from './app/ports.js';
import type { UndeliveredStore } from './delivery/undelivered/undelivered.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { EffectQueue } from './storage/effect-queue.js';
import type { StorageClients } from './storage/storage-clients.js';
import type { FeatureRoutes } from './teams/bot.js';
import type { GiveUpFollowUp, GiveUpNotice } from './delivery/failure-notice.js';
import type { Notifiers } from './delivery/notifier.js';
import type { TeamsTransport } from './teams/teams-transport.js';
import { oncePerKey } from './kernel/once-per-key.js';

/** What main.ts hands each feature: shared parts, already built. */
export interface FeatureContext {
  readonly config: Config;
  readonly log: Logger;
  readonly storage: StorageClients;
  /** Opens (creating if missing) a table under the configured prefix: `openTable('Sessions')`. */
  openTable(name: string): Promise<TableClient>;
  readonly queue: EffectQueue;
  readonly directory: Directory;
  readonly roles: SchemeRoles;
  readonly clock: Clock;
  /** Messages the bot gave up on (a coordinator's help lists them). */
  readonly undelivered: UndeliveredStore;
  /** The Graph client when Graph is configured; undefined in local mode. */
  readonly graph?: Client;
  readonly transport: TeamsTransport;
  /** False under ROLE=web: the feature queues work but starts no consumer of its own (another process delivers). */
  readonly delivers: boolean;
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
  /** What the coordinators are told when one of this feature's own effects (not a message) fails for good. */
  readonly giveUpNotice?: GiveUpNotice;
  /** Who else this feature tells when one of its messages fails for good (the coordinators are told regardless). */
  readonly giveUpFollowUp?: GiveUpFollowUp;
  /** HTTP routes besides the bot's (the workspace tab): answers and returns true, or returns false for the next. */
  readonly web?: WebHandler;
  /** Background loops the feature runs itself (its own queue consumers); stopped with the bot. */
  stop?(): Promise<void>;
}

export type WebHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export type FeatureFactory = (context: FeatureContext) => Promise<Feature>;

/** What `open` makes, once per bot: every feature that asks with the same context gets the same one. */
export function onePerBot<T>(open: (context: FeatureContext) => Promise<T>): (context: FeatureContext) => Promise<T> {
  return oncePerKey(new WeakMap<FeatureContext, Promise<T>>(), open);
}

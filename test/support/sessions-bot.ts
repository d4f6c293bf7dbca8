import { journeyFeature } from '../../src/journey/journey.feature.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { decideApproval, newMentor, submitSignUp, type Mentor } from '../../src/journey/domain/index.js';
import { cohortSessionId } from '../../src/sessions/domain/index.js';
import { sessionsFeature } from '../../src/sessions/sessions.feature.js';
import { EffectQueue } from '../../src/platform/storage/effect-queue.js';
import { MentorRepository } from '../../src/journey/store/mentor.repository.js';
import { storageClients } from '../../src/platform/storage/storage-clients.js';
import { openStorage } from '../../src/platform/storage/tables.js';
import { GraphCalendarStandIn } from './graph-calendar-stand-in.js';
import { castAsGraphPeople, GraphStandIn, type GraphPerson } from './graph-stand-in.js';
import { ISAIAH, PATTI, type TestPerson } from './people.js';
import { installed, startTestBot, type TestBot } from './test-bot.js';

export const ORGANISER = 'mentoring-sessions@council.example';
export const GRAPH_TOKEN = 'graph-token-for-tests';

/** Next year's cohort, the one a sessions test bot schedules (so its sessions are always in the future). */
export const COHORT_YEAR = new Date().getUTCFullYear() + 1;
/** The ids of that cohort's two sessions. */
export const COHORT_SESSIONS = {
  training: cohortSessionId(COHORT_YEAR, 'training'),
  information: cohortSessionId(COHORT_YEAR, 'informationSession'),
} as const;

/** A scheme configuration file for next year's cohort (always in the future), with few seats. */
export function schemeFile(seats: number, year = COHORT_YEAR, location: unknown = { type: 'online' }): { file: string; year: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'scheme-'));
  const file = path.join(dir, 'scheme.json');
  writeFileSync(file, JSON.stringify({ cohort: { year, location, seats, timeZone: 'Europe/London' } }));
  return { file, year };
}

export function mailOf(person: { name: string }): string {
  return `${person.name.toLowerCase().replace(/[^a-z]+/g, '.')}@council.example`;
}

export interface SessionsTestBot extends TestBot {
  readonly graph: GraphStandIn;
  readonly calendar: GraphCalendarStandIn;
  readonly mentors: MentorRepository;
  readonly year: number;
  /** Moves the bot's clock (not the test's) forward. */
  advance(ms: number): void;
  stopAll(): Promise<void>;
}

export interface SessionsBotOptions {
  readonly seats: number;
  readonly extraPeople?: GraphPerson[];
  readonly env?: Record<string, string>;
  /** People who install the app once the bot is up, in this order. */
  readonly installs?: readonly TestPerson[];
  /** People then stored as approved mentors. */
  readonly approvedMentors?: readonly TestPerson[];
  /** The scheme configuration instead of next year's cohort (such as the shipped config/scheme.json). */
  readonly scheme?: { readonly file: string; readonly year: number };
  /** Where the bot's clock starts (then moved with `advance`); the real time when not given. */
  readonly startAt?: Date;
}

/**
 * The bot with the journey and sessions features, in Graph mode against a Graph stand-in with the calendar endpoints
 * attached, scheduling COHORT_YEAR's cohort.
 */
export async function startSessionsBot(options: SessionsBotOptions): Promise<SessionsTestBot> {
  const graph = await new GraphStandIn({ people: [...castAsGraphPeople(), ...(options.extraPeople ?? [])], teamsAppId: '00000000-0000-4000-8000-00000000a11c', accessToken: GRAPH_TOKEN }).start();
  const calendar = new GraphCalendarStandIn(ORGANISER);
  calendar.attachTo(graph.http);
  const { file, year } = options.scheme ?? schemeFile(options.seats);
  let offset = options.startAt ? options.startAt.getTime() - Date.now() : 0;
  const t = await startTestBot(
    {
      GRAPH_TENANT_ID: 'tenant-1',
      GRAPH_CLIENT_ID: 'client-1',
      GRAPH_BASE_URL: graph.url,
      ORGANISER_MAILBOX: ORGANISER,
      SCHEME_CONFIG_FILE: file,
      COHORT_YEAR: String(year),
      COORDINATOR_IDS: ISAIAH.id,
      GOVERNANCE_APPROVER_IDS: PATTI.id,
      ...options.env,
    },
    { graphAccessToken: async () => GRAPH_TOKEN, features: [journeyFeature, sessionsFeature], now: () => new Date(Date.now() + offset) },
  );
  const clients = storageClients({ kind: 'connectionString', connectionString: inject('storageConnectionString') });
  const storage = await openStorage(clients, t.env.TABLE_PREFIX!);
  const mentors = new MentorRepository(await storage.openTable('Mentors'), new EffectQueue(storage.effectQueue, () => new Date()), () => new Date());
  const sessionsBot: SessionsTestBot = {
    ...t,
    graph,
    calendar,
    mentors,
    year,
    advance: (ms) => {
      offset += ms;
    },
    stopAll: async () => {
      await t.stop();
      await graph.stop();
    },
  };
  try {
    for (const person of options.installs ?? []) await t.send(installed(person));
    for (const person of options.approvedMentors ?? []) await approvedMentor(mentors, person);
  } catch (error) {
    await sessionsBot.stopAll();
    throw error;
  }
  return sessionsBot;
}

/** Stores someone as an approved mentor, as the approval slice would have. */
export async function approvedMentor(mentors: MentorRepository, person: TestPerson, now = new Date()): Promise<Mentor> {
  const details = { role: 'seniorManager' as const, directorateOrWard: 'Finance', jobTitle: 'Head', worksInChildrensServices: false, motivation: 'To help.' };
  const approver = { id: 'approver', name: 'Approver' };
  const awaiting = must(submitSignUp(newMentor(person, {}, now), details, [approver], `r-${person.id}`, now));
  const approved = must(decideApproval(awaiting, `r-${person.id}`, approver, 'approve', undefined, now));
  await mentors.save({ value: approved, audit: [], effects: [] });
  return approved;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

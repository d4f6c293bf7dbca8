import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { stringify } from 'yaml';
import { noOpOpenerDir, startGroup, stopGroup, waitForPort } from './processes.js';

/** One person of the local cast (local/directory.json). */
export interface CastMember {
  readonly id: string;
  readonly name: string;
  readonly mail?: string;
  readonly jobTitle?: string;
  readonly managerId?: string;
}

export interface LocalDirectory {
  readonly people: readonly CastMember[];
  readonly coordinatorIds?: readonly string[];
  readonly governanceApproverIds?: readonly string[];
  readonly dataProtectionOfficerIds?: readonly string[];
}

export function readLocalDirectory(file: string): LocalDirectory {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalDirectory>;
  if (!Array.isArray(parsed.people) || parsed.people.length === 0) throw new Error(`${file} has no "people"`);
  return parsed as LocalDirectory;
}

/**
 * Who to be: a role word (`senior` or `mentor`, `manager`, `councillor`, `coordinator`, `approver`, `dpo`), an Entra
 * object id, or part of a name. The default is the first person, the senior manager who signs up.
 */
export function pickPerson(directory: LocalDirectory, who: string | undefined): CastMember {
  const people = directory.people;
  const first = people[0] as CastMember;
  const byId = (id: string | undefined) => people.find((p) => p.id === id);
  const w = (who ?? '').trim().toLowerCase();
  let found: CastMember | undefined;
  if (w === '' || w === 'senior' || w === 'mentor') found = first;
  else if (w === 'manager' || w === 'line manager') found = byId(first.managerId);
  else if (w === 'coordinator') found = byId(directory.coordinatorIds?.[0]);
  else if (w === 'approver' || w === 'governance') found = byId(directory.governanceApproverIds?.[0]);
  else if (w === 'dpo' || w === 'data protection officer') found = byId(directory.dataProtectionOfficerIds?.[0]);
  else if (w === 'councillor') found = people.find((p) => /councillor/i.test(p.jobTitle ?? ''));
  found ??= people.find((p) => p.id.toLowerCase() === w) ?? people.find((p) => p.name.toLowerCase().includes(w));
  if (!found) throw new Error(`No one in the local directory matches "${who}". Try: ${people.map((p) => p.name).join(', ')}`);
  return found;
}

/**
 * The Playground's configuration file (`.m365agentsplayground.yml`) with `me` as the current user and the rest of
 * the cast as the other users. The Playground sends `from.aadObjectId` from here, which the bot looks up.
 */
export function playgroundConfig(directory: LocalDirectory, me: CastMember): string {
  const asUser = (p: CastMember, index: number) => {
    const [givenName = p.name, ...rest] = p.name.split(' ');
    const mail = p.mail ?? `${givenName.toLowerCase()}@council.example`;
    return {
      id: `user-id-${index}`,
      name: p.name,
      userPrincipleName: mail, // the Playground's own spelling of the key
      aadObjectId: p.id,
      givenName,
      surname: rest.join(' ') || givenName,
      email: mail,
    };
  };
  // The Playground's config schema (0.1.1) wants exactly five other users and at most one channel besides General.
  const others: CastMember[] = directory.people.filter((p) => p.id !== me.id).slice(0, 5);
  for (let n = 1; others.length < 5; n++) {
    others.push({ id: `00000000-0000-0000-0000-0000000099${String(n).padStart(2, '0')}`, name: `Colleague ${n}`, mail: `colleague${n}@council.example` });
  }
  return stringify({
    version: '0.1.1',
    tenantId: '00000000-0000-0000-0000-0000000000001',
    bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'Care Leaver Mentoring' },
    currentUser: asUser(me, 0),
    users: others.map((p, i) => asUser(p, i + 1)),
    // one personal chat per person, so each keeps their own conversation with the bot
    personalChat: { id: `personal-chat-${me.id}` },
    groupChat: { id: 'group-chat-id', name: 'Group Chat' },
    team: {
      id: 'team-id',
      name: 'Mentoring Scheme',
      aadGroupId: '00000000-0000-0000-0000-000000000031',
      channels: [{ id: 'channel-announcements-id', name: 'Announcements' }],
    },
  });
}

export interface RunningPlayground {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  readonly root: string;
  readonly botEndpoint: string;
  readonly port: number;
  /** YAML text for `.m365agentsplayground.yml`; the Playground's built-in cast when absent. */
  readonly config?: string;
  readonly output?: 'inherit' | 'ignore' | 'pipe';
}

/**
 * Starts `agentsplayground` against a bot endpoint, with telemetry off and no way to open a browser
 * (TEAMSAPPTESTER_BROWSER=none and a do-nothing xdg-open first on its PATH), and waits for its web page.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const bin = join(options.root, 'node_modules', '.bin', 'agentsplayground');
  const work = mkdtempSync(join(tmpdir(), 'playground-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    PATH: `${noOpOpenerDir()}${delimiter}${process.env['PATH'] ?? ''}`,
    M365_AGENTS_PLAYGROUND_LOGFILE: join(work, 'm365agentsplayground.log'),
  };
  if (options.config) {
    const configPath = join(work, '.m365agentsplayground.yml');
    writeFileSync(configPath, options.config);
    env['M365_AGENTS_PLAYGROUND_CONFIG_PATH'] = configPath;
  }
  const child = startGroup(
    bin,
    ['-e', options.botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(options.port)],
    { cwd: work, env, stdio: ['ignore', options.output ?? 'inherit', options.output ?? 'inherit'] },
  );
  const logFile = env['M365_AGENTS_PLAYGROUND_LOGFILE'] as string;
  try {
    await waitForPort(options.port, { child, name: 'Agents Playground', timeoutMs: 60_000 });
    // It listens before it reads its config file, and exits a moment later when that file is wrong.
    await new Promise((r) => setTimeout(r, 1500));
    if (child.exitCode !== null) throw new Error('Agents Playground exited after start-up');
  } catch (error) {
    await stopGroup(child);
    const reasons = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter((l) => l.startsWith('error')) : [];
    throw new Error([(error as Error).message, ...reasons].join('\n'));
  }
  return { url: `http://localhost:${options.port}`, child, stop: () => stopGroup(child) };
}

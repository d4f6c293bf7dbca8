import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The approval bench's load, shared by the benches that drive it (floor, layouts): people, activities, think time. */
export const TENANT = 'bench-tenant';
export const THINK_MS = [100, 400] as const;

export interface Person {
  readonly id: string;
  readonly name: string;
}

export function person(n: number, kind: 'applicant' | 'manager'): Person {
  return { id: `${kind === 'manager' ? 'bbbbbbbb' : 'aaaaaaaa'}-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `${kind} ${n}` };
}

export const FORM = {
  role: 'seniorManager', directorateOrWard: 'Finance', jobTitle: 'Head', worksInChildrensServices: 'false',
  motivation: 'To help a young person into work.', consent: 'true', commitment: 'true',
};

export function think(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0])));
}

function base(someone: Person) {
  return {
    channelId: 'msteams',
    from: { id: `29:${someone.id}`, aadObjectId: someone.id, name: someone.name },
    recipient: { id: '28:bot' },
    conversation: { id: `personal-${someone.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

export function message(someone: Person, text: string) {
  return { ...base(someone), type: 'message', text };
}

export function action(someone: Person, verb: string, data: object) {
  return { ...base(someone), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}

export function approvalIdIn(answer: unknown): string {
  const match = /"approvalId":"([^"]+)"/.exec(JSON.stringify(answer));
  if (!match) throw new Error('no approval id in the answer');
  return match[1]!;
}

/** A local directory file: every applicant's line manager is one of the managers, in turn. */
export function directoryFile(applicants: readonly Person[], managers: readonly Person[]): string {
  const people = [
    ...managers.map((m) => ({ id: m.id, name: m.name })),
    ...applicants.map((a, i) => ({ id: a.id, name: a.name, jobTitle: 'Head', managerId: managers[i % managers.length]!.id })),
  ];
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-dir-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ people, coordinatorIds: [], governanceApproverIds: [] }));
  return file;
}

export interface Latencies {
  readonly submit: number[];
  readonly decide: number[];
  readonly refresh: number[];
}

export type Post = (endpoint: string, body: object) => Promise<{ ms: number; json: unknown }>;

export function poster(serviceUrl: string): Post {
  return async (endpoint, body) => {
    const started = performance.now();
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceUrl, ...body }) });
    const json: unknown = await response.json().catch(() => undefined);
    if (response.status !== 200) throw new Error(`bot answered ${response.status}`);
    return { ms: performance.now() - started, json };
  };
}

/**
 * `lanes` people at once, each taking applicants in turn through submit, approve and a card refresh, with a think time
 * before each action. `endpoints` are tried round robin per action (one bot, or several behind a balancer).
 */
export async function driveApprovals(
  post: Post,
  endpoints: readonly string[],
  people: readonly Person[],
  managerOf: (applicant: Person) => Person,
  lanes: number,
  pause: () => Promise<void> = think,
): Promise<Latencies> {
  const latencies: Latencies = { submit: [], decide: [], refresh: [] };
  let turn = 0;
  const next = (): string => endpoints[turn++ % endpoints.length]!;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = lane; i < people.length; i += lanes) {
        const applicant = people[i]!;
        await pause();
        const submitted = await post(next(), action(applicant, 'submitSignUp', FORM));
        latencies.submit.push(submitted.ms);
        const approvalId = approvalIdIn(submitted.json);
        await pause();
        latencies.decide.push((await post(next(), action(managerOf(applicant), 'decideApproval', { mentorId: applicant.id, approvalId, decision: 'approve' }))).ms);
        await pause();
        latencies.refresh.push((await post(next(), action(applicant, 'refreshApproval', { mentorId: applicant.id, approvalId }))).ms);
      }
    }),
  );
  return latencies;
}

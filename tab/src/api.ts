import { teamsToken } from './teams';

const BASE = '/workspace/api/';
const LOCAL_PERSON_KEY = 'workspace.localPerson';
const LOCAL_PERSON_HEADER = 'x-workspace-local-person';

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface Me {
  readonly person: Person;
  readonly coordinator: boolean;
  /** Coordinators and the Data Protection Officer: the subject access requests. */
  readonly subjectAccess: boolean;
  readonly mode: 'entra' | 'local';
}

/** A problem with one field of a form, in the product's words, shown beside that field. */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** A refusal the server explained: shown to the person as it is, each field's problem beside its field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
  }

  /** The problems under one field, as one sentence (undefined when the field is fine). */
  about(field: string): string | undefined {
    const words = this.problems.filter((each) => each.field === field).map((each) => each.message);
    return words.length ? words.join(' ') : undefined;
  }
}

export function localPerson(): string | undefined {
  return sessionStorage.getItem(LOCAL_PERSON_KEY) ?? undefined;
}

export function signInLocally(personId: string | undefined): void {
  if (personId) sessionStorage.setItem(LOCAL_PERSON_KEY, personId);
  else sessionStorage.removeItem(LOCAL_PERSON_KEY);
}

/** The local cast when the server runs without Entra (local mode); undefined when single sign-on is on. */
export async function localCast(): Promise<Person[] | undefined> {
  const response = await fetch(`${BASE}local-cast`);
  if (!response.ok) return undefined;
  return ((await response.json()) as { people: Person[] }).people;
}

async function headers(): Promise<Record<string, string>> {
  const local = localPerson();
  if (local) return { [LOCAL_PERSON_HEADER]: local };
  const token = await teamsToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

const early = new Map<string, Promise<unknown>>();

/** Starts a request now (the first view's data, while the sign-in is still being confirmed); `get` picks it up. */
export function prefetch(path: string): void {
  const started = get(path);
  started.catch(() => undefined);
  early.set(path, started);
}

/** After a refused sign-in: what was asked for early belongs to nobody now. */
export function forgetPrefetched(): void {
  early.clear();
}

export async function get<T>(path: string): Promise<T> {
  const started = early.get(path);
  if (started) {
    early.delete(path);
    return started as Promise<T>;
  }
  return answer<T>(await fetch(`${BASE}${path}`, { headers: await headers() }));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(await fetch(`${BASE}${path}`, { method: 'POST', headers: { ...(await headers()), 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}

/** A file the server makes (the claims CSV), fetched with the same sign-in and handed to the browser to save. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await fetch(`${BASE}${path}`, { headers: await headers() });
  if (!response.ok) return void (await answer(response));
  saveBlob(await response.blob(), filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string; problems?: FieldProblem[] } } | undefined;
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? 'The workspace could not do that. Please try again.', Array.isArray(body?.error?.problems) ? body.error.problems : []);
  return body as T;
}

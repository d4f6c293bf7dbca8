import { randomUUID } from 'node:crypto';
import { HttpStandIn, type RecordedRequest, type Reply } from './http-stand-in.js';
import { ISAIAH, localDirectoryJson, PATTI } from './people.js';

/** A person as Entra ID holds them, with the id of their line manager. */
export interface GraphPerson {
  readonly id: string;
  readonly displayName: string;
  readonly jobTitle?: string;
  readonly department?: string;
  readonly mail?: string;
  readonly mobilePhone?: string;
  readonly managerId?: string;
}

export interface GraphStandInOptions {
  readonly people: readonly GraphPerson[];
  /** The catalog id of the Teams app (what `teamsApp@odata.bind` points at and `teamsApp/id` filters on). */
  readonly teamsAppId: string;
  /** The bearer token every request must carry; anything else is answered 401 as Graph would. */
  readonly accessToken: string;
  /** Chat ids for the 1:1 chat between a person and the app, by person id; others get one in Graph's own form. */
  readonly chatIds?: Readonly<Record<string, string>>;
  /** People who already have the app installed. */
  readonly installedFor?: readonly string[];
}

/** The test cast from people.ts, as Entra users with their managers. */
export function castAsGraphPeople(): GraphPerson[] {
  const file = JSON.parse(localDirectoryJson()) as {
    people: Array<{ id: string; name: string; jobTitle?: string; department?: string; phone?: string; managerId?: string }>;
  };
  return file.people.map(({ id, name, jobTitle, department, phone, managerId }) => ({
    id,
    displayName: name,
    ...(jobTitle ? { jobTitle } : {}),
    ...(department ? { department } : {}),
    mail: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@council.example`,
    ...(phone ? { mobilePhone: phone } : {}),
    ...(managerId ? { managerId } : {}),
  }));
}

/** A Graph error reply in Graph's own shape: `{ error: { code, message, innerError } }`. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers,
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } },
  };
}

/** The failures tests ask for, shaped as Graph sends them. */
export const faults = {
  throttled: (retryAfterSeconds: number): Reply =>
    graphError(429, 'TooManyRequests', 'Too many requests. Please retry after the time in the Retry-After header.', { 'Retry-After': String(retryAfterSeconds) }),
  unavailable: (retryAfterSeconds?: number): Reply =>
    graphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }),
  forbidden: (): Reply => graphError(403, 'Forbidden', 'The app is blocked for this user by the app permission policy.'),
  notFound: (): Reply => graphError(404, 'Request_ResourceNotFound', 'Resource does not exist or one of its queried reference-property objects are not present.'),
};

/** Which request a fault applies to: a method and a path under /v1.0 (a string matches exactly, a RegExp anywhere). */
export function requestTo(method: string, path: string | RegExp): (request: RecordedRequest) => boolean {
  return (request) => request.method === method && (typeof path === 'string' ? request.path === `/v1.0${path}` : path.test(request.path));
}

const USER_SELECTABLE = ['id', 'displayName', 'jobTitle', 'department', 'mail', 'mobilePhone', 'businessPhones', 'userPrincipalName'] as const;

/**
 * Stands in for Microsoft Graph v1.0: users and their managers, and the personal-scope app installation endpoints a bot
 * uses to reach someone who has never talked to it. Answers in Graph's JSON shapes, records every request with the
 * time it arrived, and can answer chosen requests with a fault instead (`fail`).
 */
export class GraphStandIn {
  readonly http = new HttpStandIn((request) => this.answer(request));
  private readonly people = new Map<string, GraphPerson>();
  /** person id → installation ids of the app */
  private readonly installations = new Map<string, string>();
  private readonly arrivals = new WeakMap<RecordedRequest, number>();

  constructor(private readonly options: GraphStandInOptions) {
    for (const person of options.people) this.people.set(person.id.toLowerCase(), person);
    for (const id of options.installedFor ?? []) this.installations.set(id.toLowerCase(), installationId(id, options.teamsAppId));
    this.recordArrivals();
  }

  get url(): string {
    return this.http.url;
  }

  /** The bot's settings for Graph mode against this stand-in and its Teams app, with the cast's coordinator and governance approver. */
  botEnv(): Record<string, string> {
    return {
      GRAPH_TENANT_ID: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d',
      GRAPH_CLIENT_ID: 'b1c2d3e4-f5a6-4b7c-9d8e-0f1a2b3c4d5e',
      GRAPH_BASE_URL: this.url,
      TEAMS_APP_ID: this.options.teamsAppId,
      COORDINATOR_IDS: ISAIAH.id,
      GOVERNANCE_APPROVER_IDS: PATTI.id,
    };
  }

  get requests(): RecordedRequest[] {
    return this.http.requests;
  }

  async start(): Promise<this> {
    await this.http.start();
    return this;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** Answers matching requests with `reply` (at most `times` of them) before the normal route. */
  fail(match: (request: RecordedRequest) => boolean, reply: Reply, times = Infinity): void {
    this.http.override(match, reply, times);
  }

  clearFaults(): void {
    this.http.clearOverrides();
    this.recordArrivals();
  }

  /** When a request arrived (ms since the epoch). */
  arrivedAt(request: RecordedRequest): number {
    const at = this.arrivals.get(request);
    if (at === undefined) throw new Error(`no arrival time recorded for ${request.method} ${request.path}`);
    return at;
  }

  isInstalledFor(personId: string): boolean {
    return this.installations.has(personId.toLowerCase());
  }

  chatIdFor(personId: string): string {
    return this.options.chatIds?.[personId] ?? `19:${personId.toLowerCase()}_${this.options.teamsAppId}@unq.gbl.spaces`;
  }

  /** An override that never answers, only notes the time: overrides are the first thing to see each request. */
  private recordArrivals(): void {
    this.http.override((request) => {
      this.arrivals.set(request, Date.now());
      return false;
    }, { status: 500 });
  }

  private answer(request: RecordedRequest): Reply | undefined {
    if (request.headers.authorization !== `Bearer ${this.options.accessToken}`) {
      return graphError(401, 'InvalidAuthenticationToken', request.headers.authorization ? 'Access token validation failure.' : 'Access token is empty.');
    }
    const path = request.path;
    let match: RegExpExecArray | null;
    if ((match = /^\/v1\.0\/users\/([^/]+)$/.exec(path)) && request.method === 'GET') return this.user(match[1]!, request);
    if ((match = /^\/v1\.0\/users\/([^/]+)\/manager$/.exec(path)) && request.method === 'GET') return this.manager(match[1]!, request);
    if ((match = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path))) {
      if (request.method === 'POST') return this.install(match[1]!, request);
      if (request.method === 'GET') return this.listInstalled(match[1]!, request);
    }
    if ((match = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps\/(.+)\/chat$/.exec(path)) && request.method === 'GET') {
      return this.chat(match[1]!, match[2]!);
    }
    return graphError(400, 'BadRequest', `Resource not found for the segment '${path.split('/').at(-1) ?? ''}'.`);
  }

  private person(id: string): GraphPerson | undefined {
    return this.people.get(id.toLowerCase());
  }

  private missingUser(id: string): Reply {
    return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  }

  private user(id: string, request: RecordedRequest): Reply {
    const person = this.person(id);
    if (!person) return this.missingUser(id);
    const select = selected(request);
    return {
      status: 200,
      body: {
        '@odata.context': `${this.url}/v1.0/$metadata#users(${select.join(',')})/$entity`,
        ...pick(userJson(person), select),
      },
    };
  }

  private manager(id: string, request: RecordedRequest): Reply {
    const person = this.person(id);
    if (!person) return this.missingUser(id);
    const manager = person.managerId ? this.person(person.managerId) : undefined;
    if (!manager) {
      return graphError(404, 'Request_ResourceNotFound', "Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
    }
    return {
      status: 200,
      body: {
        '@odata.context': `${this.url}/v1.0/$metadata#directoryObjects/$entity`,
        '@odata.type': '#microsoft.graph.user',
        ...pick(userJson(manager), selected(request)),
      },
    };
  }

  private install(id: string, request: RecordedRequest): Reply {
    const person = this.person(id);
    if (!person) return this.missingUser(id);
    const binding = (request.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    const appId = typeof binding === 'string' ? /\/v1\.0\/appCatalogs\/teamsApps\/([^/]+)$/.exec(binding)?.[1] : undefined;
    if (!appId) return graphError(400, 'BadRequest', "The request body must bind 'teamsApp@odata.bind' to an app in the catalog.");
    if (appId !== this.options.teamsAppId) return graphError(404, 'NotFound', `The app '${appId}' was not found in the app catalog.`);
    if (this.installations.has(person.id.toLowerCase())) return graphError(409, 'Conflict', 'The app is already installed for this user.');
    this.installations.set(person.id.toLowerCase(), installationId(person.id, appId));
    // As Graph answers: 201 Created, a JSON content type, and no body at all.
    return { status: 201, headers: { 'Content-Type': 'application/json; odata.metadata=minimal; charset=utf-8' } };
  }

  private listInstalled(id: string, request: RecordedRequest): Reply {
    const person = this.person(id);
    if (!person) return this.missingUser(id);
    const installation = this.installations.get(person.id.toLowerCase());
    const expandsApp = (request.query.get('$expand') ?? '').split(',').includes('teamsApp');
    const filter = request.query.get('$filter');
    const wanted = filter ? /^teamsApp\/id eq '([^']+)'$/.exec(filter)?.[1] : undefined;
    if (filter && !wanted) return graphError(400, 'BadRequest', `Invalid filter clause: ${filter}`);
    const value =
      installation && (!wanted || wanted === this.options.teamsAppId)
        ? [
            {
              id: installation,
              ...(expandsApp
                ? { teamsApp: { id: this.options.teamsAppId, externalId: this.options.teamsAppId, displayName: 'Mentoring scheme', distributionMethod: 'organization' } }
                : {}),
            },
          ]
        : [];
    return {
      status: 200,
      body: { '@odata.context': `${this.url}/v1.0/$metadata#users('${person.id}')/teamwork/installedApps`, '@odata.count': value.length, value },
    };
  }

  private chat(id: string, installation: string): Reply {
    const person = this.person(id);
    if (!person) return this.missingUser(id);
    if (this.installations.get(person.id.toLowerCase()) !== installation) {
      return graphError(404, 'NotFound', `The app installation '${installation}' was not found for this user.`);
    }
    return {
      status: 200,
      body: { '@odata.context': `${this.url}/v1.0/$metadata#chats/$entity`, id: this.chatIdFor(person.id), chatType: 'oneOnOne', topic: null },
    };
  }
}

function installationId(personId: string, appId: string): string {
  return Buffer.from(`${personId.toLowerCase()}##${appId}`).toString('base64');
}

function userJson(person: GraphPerson): Record<string, unknown> {
  return {
    id: person.id,
    displayName: person.displayName,
    jobTitle: person.jobTitle ?? null,
    department: person.department ?? null,
    mail: person.mail ?? null,
    mobilePhone: person.mobilePhone ?? null,
    businessPhones: [],
    userPrincipalName: person.mail ?? `${person.id}@council.example`,
  };
}

function selected(request: RecordedRequest): string[] {
  const select = request.query.get('$select');
  return select ? select.split(',').map((name) => name.trim()) : [...USER_SELECTABLE];
}

function pick(json: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => name in json).map((name) => [name, json[name]]));
}

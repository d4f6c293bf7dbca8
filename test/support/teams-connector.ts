import { HttpStandIn, type RecordedRequest } from './http-stand-in.js';

export interface SentActivity {
  readonly conversationId: string;
  readonly activityId: string;
  readonly kind: 'send' | 'update';
  readonly activity: {
    type?: string;
    text?: string;
    summary?: string;
    attachments?: Array<{ contentType: string; content: { body?: unknown[]; actions?: unknown[]; refresh?: { userIds: string[] } } }>;
  };
}

/** Stands in for the Teams Bot Connector (the activity's serviceUrl): records what the bot sends and updates. */
export class TeamsConnectorStandIn {
  private counter = 0;
  readonly http = new HttpStandIn((request) => this.answer(request));

  get url(): string {
    return `${this.http.url}/`;
  }

  async start(): Promise<this> {
    await this.http.start();
    return this;
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** Every activity sent or updated, in order, with the card it carried. */
  get activities(): SentActivity[] {
    return this.http.requests.flatMap((request) => toActivity(request) ?? []);
  }

  to(conversationId: string): SentActivity[] {
    return this.activities.filter((activity) => activity.conversationId === conversationId);
  }

  private answer(request: RecordedRequest) {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(request.path);
    if (!match) return undefined;
    if (request.method === 'PUT') return { status: 200, body: { id: match[2] } };
    if (request.method === 'POST') return { status: 201, body: { id: `activity-${++this.counter}` } };
    return undefined;
  }
}

function toActivity(request: RecordedRequest): SentActivity | undefined {
  const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(request.path);
  if (!match || (request.method !== 'POST' && request.method !== 'PUT')) return undefined;
  return {
    conversationId: match[1]!,
    activityId: match[2] ?? '',
    kind: request.method === 'PUT' ? 'update' : 'send',
    activity: request.body as SentActivity['activity'],
  };
}

/** All the text on a card, flattened, for assertions that read like what a person sees. */
export function cardText(activity: SentActivity | undefined): string {
  const content = activity?.activity.attachments?.[0]?.content;
  return content ? textOf(content) : (activity?.activity.text ?? '');
}

export function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([key]) => key === 'text' || key === 'title' || typeof (value as Record<string, unknown>)[key] === 'object')
      .map(([key, inner]) => (typeof inner === 'string' && (key === 'text' || key === 'title') ? inner : textOf(inner)))
      .join(' ');
  }
  return '';
}

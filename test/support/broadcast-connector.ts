import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

type Answer = number | 'dropped' | 'held' | 'posted-held';

export interface ConnectorRequest {
  readonly method: string;
  readonly conversationId: string;
  readonly activityId: string;
  readonly at: number;
  readonly body: { attachments?: Array<{ content: unknown }> } | undefined;
  /**
   * What the stand-in answered: a status, 'dropped' (connection destroyed), 'held' (never answered: paused), or
   * 'posted-held' (paused, but Teams had already posted it: the person has it, the answer never comes back).
   */
  readonly answer: Answer;
}

/**
 * A Teams Bot Connector stand-in for broadcasts: records every send and update, and can answer like the real service
 * under load: 429 with Retry-After for chosen conversations (a number of times each) or beyond a per-second rate limit
 * (Microsoft's per-app limit), 403 for people who blocked the bot, and dropped connections.
 */
export class BroadcastConnectorStandIn {
  readonly requests: ConnectorRequest[] = [];
  /** conversation id → how many more sends to answer 429. */
  readonly throttle = new Map<string, number>();
  /** conversation ids answered 403. */
  readonly blocked = new Set<string>();
  /** conversation id → how many more sends to drop. */
  readonly drop = new Map<string, number>();
  retryAfterSeconds = 1;
  /** While paused, sends get no answer at all (the caller waits): for killing a sender mid-request. */
  paused = false;
  /** While paused, which held sends (0, 1, 2… in arrival order) Teams has posted all the same. */
  postedWhilePaused: (heldIndex: number) => boolean = () => false;
  /** Requests a second the stand-in accepts before answering 429 (undefined: no limit). */
  perSecondLimit: number | undefined;
  private readonly recent: number[] = [];
  private server: Server | undefined;
  private counter = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Sends Teams accepted (201, or posted while paused), per conversation: what the person sees in their chat. */
  delivered(conversationId: string): ConnectorRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.conversationId === conversationId && (r.answer === 201 || r.answer === 'posted-held'));
  }

  updates(conversationId: string): ConnectorRequest[] {
    return this.requests.filter((r) => r.method === 'PUT' && r.conversationId === conversationId && r.answer === 200);
  }

  count(answer: Answer): number {
    return this.requests.filter((r) => r.answer === answer).length;
  }

  /** The most requests accepted (2xx) in any one second. */
  peakPerSecond(): number {
    const times = this.requests.filter((r) => typeof r.answer === 'number' && r.answer < 300).map((r) => r.at).sort((a, b) => a - b);
    let peak = 0;
    let start = 0;
    for (let end = 0; end < times.length; end += 1) {
      while (times[end]! - times[start]! >= 1000) start += 1;
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const conversationId = match[1]!;
    const text = Buffer.concat(chunks).toString('utf8');
    const at = Date.now();
    const record = (answer: Answer, activityId: string) =>
      this.requests.push({ method: req.method!, conversationId, activityId, at, body: text ? (JSON.parse(text) as ConnectorRequest['body']) : undefined, answer });
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record(status, match[2] ?? '');
      res.statusCode = status;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(body ?? {}));
    };
    const throttled = () =>
      reply(429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'Retry-After': String(this.retryAfterSeconds) });

    if (this.perSecondLimit !== undefined) {
      while (this.recent.length && at - this.recent[0]! >= 1000) this.recent.shift();
      if (this.recent.length >= this.perSecondLimit) return throttled();
      this.recent.push(at);
    }
    if (req.method === 'POST' && this.paused) {
      record(this.postedWhilePaused(this.count('held') + this.count('posted-held')) ? 'posted-held' : 'held', '');
      return;
    }
    if (req.method === 'POST') {
      const drops = this.drop.get(conversationId) ?? 0;
      if (drops > 0) {
        this.drop.set(conversationId, drops - 1);
        record('dropped', '');
        req.socket.destroy();
        return;
      }
      const left = this.throttle.get(conversationId) ?? 0;
      if (left > 0) {
        this.throttle.set(conversationId, left - 1);
        return throttled();
      }
      if (this.blocked.has(conversationId)) return reply(403, { error: { code: 'BotDisabledByAdmin', message: 'The bot is blocked' } });
      return reply(201, { id: `activity-${++this.counter}` });
    }
    return reply(200, { id: match[2] });
  }
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  /** When it arrived (Date.now()), to check that a client waited as long as it was told. */
  readonly at: number;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type Route = (request: RecordedRequest) => Reply | undefined | Promise<Reply | undefined>;

/** A small local HTTP server that records every request and answers from routes; the base of the stand-ins. */
export class HttpStandIn {
  readonly requests: RecordedRequest[] = [];
  private readonly overrides: Route[] = [];
  private server: Server | undefined;
  url = '';

  constructor(private readonly route: Route) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Answers matching requests differently (a 429, a 403) before the normal route; `times` limits how often. */
  override(match: (request: RecordedRequest) => boolean, reply: Reply | ((request: RecordedRequest) => Reply), times = Infinity): void {
    let left = times;
    this.overrides.push((request) => {
      if (left <= 0 || !match(request)) return undefined;
      left -= 1;
      return typeof reply === 'function' ? reply(request) : reply;
    });
  }

  clearOverrides(): void {
    this.overrides.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body: text ? safeJson(text) : undefined,
      at: arrived,
    };
    this.requests.push(request);
    let reply: Reply | undefined;
    for (const override of this.overrides) {
      reply = await override(request);
      if (reply) break;
    }
    reply ??= (await this.route(request)) ?? { status: 404, body: { error: { code: 'NotFound', message: 'no route' } } };
    res.statusCode = reply.status;
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (reply.body === undefined) res.end();
    else {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(reply.body));
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Logger } from '../../log.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** POST /api/messages for Bot Framework, GET /health for probes; plain node:http, no web framework. */
export function createBotServer(adapter: TeamsAdapter, bot: Application<TurnState>, log: Logger): Server {
  return createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : {} }, 'request failed');
      if (!res.headersSent) respond(res, 500, { error: 'internal error' });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/health') return respond(res, 200, { status: 'ok' });
    if (path !== '/api/messages') return respond(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return respond(res, 405, { error: 'method not allowed' });
    const body = await readJson(req);
    if (body === undefined) return respond(res, 400, { error: 'the body must be a JSON activity of at most 1 MB' });
    await adapter.process({ body, headers: req.headers, method: req.method }, botResponse(res), (context) => bot.run(context).then(() => undefined));
  }
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve(value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', reject);
  });
}

/** The response shape botbuilder's adapter writes to (status, header, send, end). */
function botResponse(res: ServerResponse) {
  let status = 200;
  let body: unknown;
  return {
    socket: res.socket,
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    status(code: number) {
      status = code;
      return this;
    },
    send(value?: unknown) {
      body = value;
      return this;
    },
    end() {
      if (res.writableEnded) return this;
      res.statusCode = status;
      if (body === undefined || body === null) res.end();
      else if (typeof body === 'string' || Buffer.isBuffer(body)) res.end(body);
      else {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(body));
      }
      return this;
    },
  };
}

function respond(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Logger } from '../../log.js';
import type { WebHandler } from '../feature.js';

/**
 * The largest body accepted. Teams caps a message (text, cards, attachment references) at about 28 KB and a card action
 * carries one card's inputs, so real activities are a few KB; 256 KB leaves ample room for channel data and bounds what
 * one request can make the server hold.
 */
export const MAX_BODY_BYTES = 256 * 1024;
/** How long a refused request may go on sending its body before the connection is cut. */
const DRAIN_LIMIT_MS = 10_000;

const TOO_LARGE = 'The request is too large: a Bot Framework activity is at most 256 KB.';
const NOT_JSON = 'The request must be JSON (Content-Type: application/json).';
const NOT_AN_ACTIVITY = 'The request must be a Bot Framework activity: a JSON object with a type.';

/** POST /api/messages for Bot Framework, GET /health for probes, then the features' web routes; plain node:http, no web framework. */
export function createBotServer(adapter: TeamsAdapter, bot: Application<TurnState>, log: Logger, web: readonly WebHandler[] = []): Server {
  return createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : {} }, 'request failed');
      if (!res.headersSent) respond(res, 500, { error: 'The bot could not handle this request.' });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/health') return respond(res, 200, { status: 'ok' });
    if (path !== '/api/messages') {
      for (const handler of web) if (await handler(req, res)) return;
      return respond(res, 404, { error: 'not found' });
    }
    if (req.method !== 'POST') return respond(res, 405, { error: 'method not allowed' });
    if (!isJson(req.headers['content-type'])) return refuseUnread(req, res, 415, NOT_JSON);
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return refuseUnread(req, res, 413, TOO_LARGE);
    const body = await readBody(req);
    if (body === undefined) return refuseUnread(req, res, 413, TOO_LARGE);
    const activity = parseActivity(body);
    if (!activity) return refuse(res, 400, NOT_AN_ACTIVITY);
    await adapter.process({ body: activity, headers: req.headers, method: req.method }, botResponse(res), (context) => bot.run(context).then(() => undefined));
  }

  function refuse(res: ServerResponse, status: number, error: string): void {
    logRefusal(status);
    respond(res, status, { error });
  }

  function logRefusal(status: number): void {
    log.info({ status }, 'request refused: not a Bot Framework activity this bot accepts');
  }

  /**
   * Answers before the body is read, but ends the exchange (and, with `Connection: close`, the connection) only once the
   * client has sent the rest, read and discarded: closing while the client is still sending resets the connection, and
   * the client may never see the answer. A client that goes on sending past DRAIN_LIMIT_MS is cut off.
   */
  function refuseUnread(req: IncomingMessage, res: ServerResponse, status: number, error: string): void {
    logRefusal(status);
    const body = JSON.stringify({ error });
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
    res.write(body);
    if (req.readableEnded) return void res.end();
    const cutOff = setTimeout(() => req.destroy(), DRAIN_LIMIT_MS).unref();
    req.once('end', () => {
      clearTimeout(cutOff);
      res.end();
    });
    req.once('error', () => clearTimeout(cutOff));
    req.resume();
  }
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** The body as text, or undefined once it passes MAX_BODY_BYTES (the rest is left unread). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd).pause();
      resolve(undefined);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    req.on('data', onData).on('end', onEnd).once('error', reject);
  });
}

function parseActivity(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const activity = value as Record<string, unknown>;
  return typeof activity['type'] === 'string' && activity['type'] !== '' ? activity : undefined;
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

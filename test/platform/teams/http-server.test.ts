import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX } from '../../support/people.js';
import { message, startTestBot, type TestBot } from '../../support/test-bot.js';

const FIVE_MB = 5 * 1024 * 1024;

type Answer = { status: number; text: string; contentType: string | undefined };

/** What a client that talks HTTP by hand sees: the answer, and every socket error along the way (ECONNRESET, EPIPE). */
type RawAnswer = { answer?: Answer; errors: string[] };

describe('requests that do not belong on /api/messages', () => {
  let t: TestBot;
  let endpoint: string;
  const activity = () => ({ ...message(ALEX, 'help'), serviceUrl: t.connector.url, deliveryMode: 'expectReplies' });

  beforeAll(async () => {
    t = await startTestBot();
    endpoint = `http://127.0.0.1:${t.bot.port}/api/messages`;
  });
  afterAll(() => t?.stop());

  async function post(body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
    const response = await fetch(endpoint, { method: 'POST', headers, body });
    return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') ?? undefined };
  }

  /** A request through node:http, the body written in 64 KB pieces (chunked unless a length is given). */
  function rawPost(body: Buffer, headers: Record<string, string | number>): Promise<RawAnswer> {
    return new Promise((resolve) => {
      const errors: string[] = [];
      let answer: Answer | undefined;
      const req = request(endpoint, { method: 'POST', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
        res.on('end', () => {
          answer = { status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), contentType: res.headers['content-type'] };
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
      req.on('close', () => setTimeout(() => resolve({ ...(answer ? { answer } : {}), errors }), 50));
      const piece = 64 * 1024;
      for (let at = 0; at < body.length; at += piece) req.write(body.subarray(at, at + piece));
      req.end();
    });
  }

  const bigActivity = (bytes: number) => Buffer.from(JSON.stringify({ ...activity(), channelData: { padding: 'x'.repeat(bytes) } }));

  it('answers a 5 MB body with 413 and a short reason, and the client reads it (fetch)', async () => {
    const answer = await post(bigActivity(FIVE_MB));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ error: 'The request is too large: a Bot Framework activity is at most 256 KB.' });
  });

  it('answers a 5 MB body with 413 to a node:http client that announced its length, with no connection reset', async () => {
    const body = bigActivity(FIVE_MB);
    const { answer, errors } = await rawPost(body, { 'content-type': 'application/json', 'content-length': body.length });
    expect(errors).toEqual([]);
    expect(answer?.status).toBe(413);
    expect(answer?.text).toContain('too large');
  });

  it('answers a 5 MB chunked body (no length announced) with 413, with no connection reset', async () => {
    const { answer, errors } = await rawPost(bigActivity(FIVE_MB), { 'content-type': 'application/json' });
    expect(errors).toEqual([]);
    expect(answer?.status).toBe(413);
  });

  it('still serves the next request after refusing a large one', async () => {
    await post(bigActivity(FIVE_MB));
    const health = await fetch(`http://127.0.0.1:${t.bot.port}/health`);
    expect(health.status).toBe(200);
  });

  it('accepts an activity just under the limit', async () => {
    const answer = await post(bigActivity(200 * 1024));
    expect(answer.status, answer.text).toBe(200);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['form data', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', {}],
  ])('answers a body sent as %s with 415', async (_name, headers: Record<string, string>) => {
    const answer = await post(JSON.stringify(activity()), headers);
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.text)).toEqual({ error: 'The request must be JSON (Content-Type: application/json).' });
  });

  it('accepts JSON with a charset, as Bot Framework sends it', async () => {
    const answer = await post(JSON.stringify(activity()), { 'content-type': 'application/json; charset=utf-8' });
    expect(answer.status, answer.text).toBe(200);
  });

  it.each([
    ['not JSON', '{not json'],
    ['a number', '42'],
    ['a list', '[]'],
    ['a string', '"help"'],
    ['null', 'null'],
    ['an empty body', ''],
    ['an object without a type', JSON.stringify({ text: 'help' })],
    ['an object whose type is not text', JSON.stringify({ type: 42 })],
  ])('answers %s with 400 in its own words', async (_name, body) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ error: 'The request must be a Bot Framework activity: a JSON object with a type.' });
  });

  it('never puts library text in a response body, and logs no unhandled failure', async () => {
    const logged = t.logs.length;
    const bodies = ['{not json', '42', JSON.stringify({ type: 42 }), JSON.stringify({ type: 'message' })];
    for (const body of bodies) {
      const answer = await post(body);
      expect(answer.text).not.toMatch(/Unexpected token|JSON\.parse|validateAndFixActivity|req\.body|TypeError|at .*\.js:\d+/);
    }
    expect(t.logs.slice(logged).join('')).not.toContain('request failed');
  });
});

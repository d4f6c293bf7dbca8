import { once } from 'node:events';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { createAdapter } from '../../../src/platform/teams/adapter.js';
import { createBotServer } from '../../../src/platform/teams/http-server.js';
import { ALEX } from '../../support/people.js';
import { message } from '../../support/test-bot.js';

const LIBRARY_TEXT = 'Cannot read properties of undefined (reading conversationReference)';

describe('a request the bot fails on unexpectedly', () => {
  let server: Server;
  let endpoint: string;
  const logs: string[] = [];
  const consoleWrites: string[] = [];

  beforeAll(async () => {
    for (const method of ['error', 'warn', 'log'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleWrites.push(args.map(String).join(' ')));
    }
    const log = createLogger('info', new Writable({ write: (chunk: Buffer, _encoding, done) => done(void logs.push(chunk.toString())) }));
    // A turn whose failure nothing catches (no turn error handler), as a bug in the bot or in botbuilder would be.
    const failing = { run: () => Promise.reject(new TypeError(LIBRARY_TEXT)) } as unknown as Application<TurnState>;
    server = createBotServer(createAdapter(loadConfig({}), log), failing, log);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/messages`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    vi.restoreAllMocks();
  });

  it('is answered 500 with an empty body, logged once as a structured line, and nothing goes to the console', async () => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...message(ALEX, 'help'), serviceUrl: 'http://127.0.0.1:9/' }),
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
    const errors = logs.map((line) => JSON.parse(line) as { level: number; msg: string; err?: { name: string; stack?: string } }).filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'request failed', err: { name: 'TypeError' } });
    expect(errors[0]?.err?.stack ?? '').toBe('');
    expect(consoleWrites).toEqual([]);
  });
});

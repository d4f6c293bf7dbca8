import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port nobody listens on right now, on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function canConnect(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** Waits until something accepts TCP connections on the port, or the child exits, or time runs out. */
export async function waitForPort(port: number, options: { host?: string; timeoutMs?: number; child?: ChildProcess; name?: string } = {}): Promise<void> {
  const { host = '127.0.0.1', timeoutMs = 60_000, child, name = `port ${port}` } = options;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    if (await canConnect(port, host)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} was not ready on ${host}:${port} after ${timeoutMs} ms`);
}

/**
 * A directory holding a do-nothing `xdg-open` (and `open`, `sensible-browser`), to put first on a child's PATH:
 * the Playground tries to open a browser, and on a machine without one that would otherwise end it.
 */
export function noOpOpenerDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'no-browser-'));
  for (const name of ['xdg-open', 'open', 'sensible-browser', 'www-browser']) {
    const file = join(dir, name);
    writeFileSync(file, '#!/bin/sh\nexit 0\n');
    chmodSync(file, 0o755);
  }
  return dir;
}

/** Starts a child in its own process group, so stopping it also stops what it started (npm → tsx → node). */
export function startGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return spawn(command, args, { ...options, detached: true });
}

/** SIGTERM to the child's process group, SIGKILL after a grace period; resolves when it has exited. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

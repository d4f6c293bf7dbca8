import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';

const ACCOUNT = 'devstoreaccount1';
// Azurite's published development key: not a secret, the same on every machine.
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmbeddedAzurite {
  readonly connectionString: string;
  /** The queue and table servers' process ids (the benchmarks read their CPU time). */
  readonly pids: readonly number[];
  stop(): Promise<void>;
}

export interface StartAzuriteOptions {
  /** A folder to keep data in across restarts; without it, data lives in memory only. */
  location?: string;
  startTimeoutMs?: number;
}

export async function startEmbeddedAzurite(options: StartAzuriteOptions = {}): Promise<EmbeddedAzurite> {
  const [queuePort, tablePort] = [await freePort(), await freePort()];
  const args = [
    azuriteScript('azurite-queue'), '--queuePort', String(queuePort), '--queueHost', '127.0.0.1',
  ];
  const tableArgs = [azuriteScript('azurite-table'), '--tablePort', String(tablePort), '--tableHost', '127.0.0.1'];
  const common = ['--disableTelemetry', '--skipApiVersionCheck', '--loose', '--silent'];
  const storage = options.location ? ['--location', options.location] : ['--inMemoryPersistence'];
  const timeout = options.startTimeoutMs ?? 30_000;
  const children = await Promise.all([
    startChild([...args, ...common, ...storage], timeout),
    startChild([...tableArgs, ...common, ...storage], timeout),
  ]);
  const connectionString = [
    'DefaultEndpointsProtocol=http',
    `AccountName=${ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `QueueEndpoint=http://127.0.0.1:${queuePort}/${ACCOUNT}`,
    `TableEndpoint=http://127.0.0.1:${tablePort}/${ACCOUNT}`,
  ].join(';');
  return {
    connectionString,
    pids: children.map((child) => child.pid!),
    stop: async () => {
      await Promise.all(children.map(stopChild));
    },
  };
}

function azuriteScript(bin: 'azurite-queue' | 'azurite-table'): string {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('azurite/package.json'));
  const file = bin === 'azurite-queue' ? 'queue/main.js' : 'table/main.js';
  return path.join(root, 'dist', 'src', file);
}

function startChild(args: string[], timeoutMs: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Azurite did not start within ${timeoutMs} ms: ${output.slice(-500)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/successfully (listen|start)/i.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code}: ${output.slice(-500)}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

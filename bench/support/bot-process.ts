import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const PREFIX = 'bench-bot ';
const ENTRY = fileURLToPath(new URL('./bench-bot.ts', import.meta.url));
/** The same file as built by `npm run build` (tsc writes bench/ to dist/bench/). */
const COMPILED_ENTRY = fileURLToPath(new URL('../../dist/bench/support/bench-bot.js', import.meta.url));

export interface BotProcess {
  readonly port: number;
  readonly endpoint: string;
  readonly child: ChildProcess;
  /** Resident set and live heap (after a forced collection), in bytes. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** A folder for `node --cpu-prof` to write the profile to when the process stops. */
  readonly cpuProfileDir?: string;
  /** Passes the bot's own output (its log) through. */
  readonly showOutput?: boolean;
  /** Runs the compiled bot (node dist/...), as production does, instead of tsx on the sources. */
  readonly compiled?: boolean;
}

/** Starts bench-bot.ts under tsx in its own process, so its event loop is its own, and waits until it listens. */
export async function spawnBot(env: Record<string, string>, options: SpawnOptions = {}): Promise<BotProcess> {
  const loader = options.compiled ? [] : ['--import', 'tsx'];
  const flags = ['--expose-gc', ...loader, ...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [])];
  const child = spawn(process.execPath, [...flags, options.compiled ? COMPILED_ENTRY : ENTRY], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => {
    if (line.startsWith(PREFIX)) waiting.shift()?.(line.slice(PREFIX.length));
    else if (options.showOutput) console.log(line);
  });
  const nextLine = (): Promise<string> => new Promise((resolve) => waiting.push(resolve));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`bench bot exited with code ${code}`))));
  exited.catch(() => undefined);
  const { port } = JSON.parse(await Promise.race([nextLine(), exited])) as { port: number };
  return {
    port,
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    child,
    memory: async () => {
      const line = nextLine();
      child.stdin!.write('memory\n');
      return JSON.parse(await line) as { rss: number; heapUsed: number };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SecondBot {
  readonly port: number;
  readonly pid: number;
  readonly output: string[];
  stop(): Promise<void>;
}

/**
 * Starts test/support/sessions-bot-process.ts in a child node process (tsx as an import hook, so `pid` is the bot's own
 * process) with `env`, and waits until it listens.
 */
export async function startSecondBot(env: Record<string, string>): Promise<SecondBot> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/sessions-bot-process.ts')], {
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`second bot did not start: ${output.join('')}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const line = output.join('').split('\n').find((l) => l.startsWith('{"port"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`second bot exited with ${code}: ${output.join('')}`));
    });
  });
  return {
    port,
    pid: child.pid!,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * One bot in its own process, for the benches that compare bots side by side: BENCH_BOT=bare starts the floor
 * (bare-bot.ts), anything else the real bot (ROLE and the rest from the environment); BENCH_WORKER=off leaves the effect
 * worker off. Prints `bench-bot {"port":…}` once it listens; on SIGTERM it stops and exits (so --cpu-prof writes its profile), and on
 * a line "memory" on stdin it prints its memory after a forced collection (run with --expose-gc).
 */
import { startBot } from '../../src/main.js';
import { startBareBot } from './bare-bot.js';

const running = process.env.BENCH_BOT === 'bare' ? await startBareBot(process.env) : await startBot(process.env, { startWorker: process.env.BENCH_WORKER !== 'off' });
process.stdout.write(`bench-bot ${JSON.stringify({ port: running.port })}\n`);
process.stdin.setEncoding('utf8').on('data', (text: string) => {
  if (!text.includes('memory')) return;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`bench-bot ${JSON.stringify({ rss, heapUsed })}\n`);
});
process.once('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});

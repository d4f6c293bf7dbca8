import type { Logger } from '../../log.js';

export interface Interval {
  stop(): Promise<void>;
}

/** Runs `task` every `ms`, never two at once in this process; a failure is logged and the next run goes ahead. */
export function every(ms: number, name: string, task: () => Promise<unknown>, log: Logger): Interval {
  let current: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    current = current.then(task).catch((error: unknown) => {
      log.error({ job: name, err: error instanceof Error ? { name: error.name, message: error.message } : {} }, 'scheduled job failed');
    });
  }, ms);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}

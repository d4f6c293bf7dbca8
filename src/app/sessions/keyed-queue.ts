/**
 * Runs tasks for the same key one after another in this process. Not a lock that anything relies on for correctness
 * (the etag on each write is that, across instances): it only stops the people booking one session through this
 * instance from all reading the same etag and all but one failing, so a rush costs one write each instead of many.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/** Where `oncePerKey` keeps what it made: a Map, or a WeakMap when the keys are objects that may go away. */
export interface PromiseCache<K, T> {
  get(key: K): Promise<T> | undefined;
  set(key: K, value: Promise<T>): unknown;
  delete(key: K): unknown;
}

/**
 * What `open` makes for a key, made once: later calls with the same key share its promise. With `retryFailures`, a
 * failure is forgotten so the next call tries again.
 */
export function oncePerKey<K, T>(cache: PromiseCache<K, T>, open: (key: K) => Promise<T>, options: { readonly retryFailures?: boolean } = {}): (key: K) => Promise<T> {
  return (key) => {
    let shared = cache.get(key);
    if (!shared) {
      shared = open(key);
      cache.set(key, shared);
      if (options.retryFailures) shared.catch(() => cache.delete(key));
    }
    return shared;
  };
}

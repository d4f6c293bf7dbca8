import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { readonly state: 'loading' } | { readonly state: 'ready'; readonly value: T } | { readonly state: 'failed'; readonly message: string };

/** Loads once, and again on `reload` (after an action changed what is stored). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[] = []): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: error instanceof Error ? error.message : 'Something went wrong.' }),
    );
    return () => {
      live = false;
    };
  }, [round, ...deps]);
  return [loaded, useCallback(() => setRound((n) => n + 1), [])];
}

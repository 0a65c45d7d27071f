import { type Dexie, liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

type LiveState<T> = { value: T } | { error: unknown };

/**
 * The result of `querier`, kept current: it re-runs whenever data it read changes, whether written in this
 * page, another extension page or the worker (Dexie broadcasts changes to same-origin contexts).
 * Returns `defaultResult` until the first result; re-subscribes when `deps` change; unsubscribes on
 * unmount. A failing query throws during render, for the nearest error boundary.
 */
export function useLiveQuery<T>(querier: () => Promise<T> | T, deps: readonly unknown[]): T | undefined;
export function useLiveQuery<T, D>(
  querier: () => Promise<T> | T,
  deps: readonly unknown[],
  defaultResult: D,
): T | D;
export function useLiveQuery<T, D>(
  querier: () => Promise<T> | T,
  deps: readonly unknown[],
  defaultResult?: D,
): T | D | undefined {
  const [state, setState] = useState<LiveState<T | D | undefined>>({ value: defaultResult });
  // The caller's deps decide when the query changes, as with dexie-react-hooks.
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (value) => setState({ value }),
      error: (error: unknown) => setState({ error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  if ('error' in state) throw state.error;
  return state.value;
}

/**
 * Throws, during render, the error that stopped `database` from opening (for the nearest error boundary), once
 * its first open has failed. Needed because a live query on a database whose open failed can wait for good
 * without an answer or an error: seen in the panel frame when the browser refuses it storage (UnknownError,
 * "The user denied permission to access the database"), which left the panel a blank rectangle.
 */
export function useDatabaseOpen(database: Dexie): void {
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    let live = true;
    database.open().then(
      () => undefined,
      (error: unknown) => {
        if (live) setFailure({ error });
      },
    );
    return () => {
      live = false;
    };
  }, [database]);
  if (failure) throw failure.error;
}

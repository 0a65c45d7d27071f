import { liveQuery } from 'dexie';
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

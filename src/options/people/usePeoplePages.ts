// Feeds the virtual list one page of people at a time. Only the pages under the rendered rows are read,
// each through a live query, so an edit anywhere (this page, the panel, the worker's scan) shows up
// without reloading the list, and pages scrolled away from are let go.
import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { db } from '../../db/database.ts';
import { listPeople, type PeopleListItem, type PeoplePage, type PeopleQuery } from '../../db/queries.ts';

export const PAGE_SIZE = 100;
/**
 * Rows a tall window shows before any scrolling. The prefetch reads only these: each row costs one flags
 * lookup, and the live query of the whole first page follows right after the first render anyway.
 */
export const FIRST_SCREEN_ROWS = 40;

/** The page numbers that hold rows first..last (inclusive); none for an empty range. */
export function pagesFor(first: number, last: number, pageSize = PAGE_SIZE): number[] {
  if (last < first || last < 0) return [];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(0, first) / pageSize); page <= Math.floor(last / pageSize); page++) {
    pages.push(page);
  }
  return pages;
}

export interface PeopleWindow {
  /** Matching people in all; undefined until the first page answers. */
  total: number | undefined;
  /** The row at an index, or undefined while its page loads. */
  rowAt: (index: number) => PeopleListItem | undefined;
  error: unknown;
}

let prefetched: { key: string; page: PeoplePage } | undefined;

/**
 * Reads the first page while the options page starts (alongside the database opening and the language
 * loading), so the list's first render already has rows. Taken once by the first matching list.
 */
export async function prefetchFirstPage(query: PeopleQuery): Promise<void> {
  try {
    const page = await listPeople(db(), { ...query, offset: 0, limit: FIRST_SCREEN_ROWS });
    prefetched = { key: JSON.stringify(query), page };
  } catch {
    prefetched = undefined;
  }
}

function takePrefetched(key: string): PeoplePage | undefined {
  const found = prefetched?.key === key ? prefetched.page : undefined;
  prefetched = undefined;
  return found;
}

export function usePeoplePages(query: PeopleQuery, first: number, last: number): PeopleWindow {
  const queryKey = JSON.stringify(query);
  const [initial] = useState(() => takePrefetched(queryKey));
  const [pages, setPages] = useState<ReadonlyMap<number, PeopleListItem[]>>(
    () => new Map(initial ? [[0, initial.rows]] : []),
  );
  const [total, setTotal] = useState<number | undefined>(initial?.total);
  const [error, setError] = useState<unknown>(undefined);
  const subscriptions = useRef(new Map<number, Subscription>());
  const shownKey = useRef(queryKey);

  // A new query starts from scratch: old pages belong to other filters.
  useEffect(() => {
    if (shownKey.current !== queryKey) {
      shownKey.current = queryKey;
      setPages(new Map());
      setTotal(undefined);
      setError(undefined);
    }
    const subs = subscriptions.current;
    return () => {
      for (const sub of subs.values()) sub.unsubscribe();
      subs.clear();
    };
  }, [queryKey]);

  // Before the first answer the list has no rows, so the window is empty: ask for the first page.
  const wanted = total === undefined ? [0] : pagesFor(first, last);
  const wantedKey = wanted.join(',');
  useEffect(() => {
    const subs = subscriptions.current;
    for (const [page, sub] of subs) {
      if (!wanted.includes(page)) {
        sub.unsubscribe();
        subs.delete(page);
      }
    }
    setPages((old) => {
      const kept = new Map([...old].filter(([page]) => wanted.includes(page)));
      return kept.size === old.size ? old : kept;
    });
    for (const page of wanted) {
      if (subs.has(page)) continue;
      const pageQuery = { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      subs.set(
        page,
        liveQuery(() => listPeople(db(), pageQuery)).subscribe({
          next: (result) => {
            setTotal(result.total);
            setPages((old) => new Map(old).set(page, result.rows));
          },
          error: setError,
        }),
      );
    }
  }, [queryKey, wantedKey]);

  return {
    total,
    error,
    rowAt: (index) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
  };
}

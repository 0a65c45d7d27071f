// The flag scan: core's flag rules over the database, written back as flag changes. A full scan walks the
// people in pages by primary key and stores a checkpoint with each page, in the same transaction as the
// page's writes: Chrome stops the worker after ~30 s idle or at any moment, and the next wake resumes from
// the checkpoint. The scan's reference time is in the checkpoint too, so a resumed scan writes exactly what
// an uninterrupted one would. Memory is bounded by the page size, never by the number of people.
import { flagCandidates, reconcileFlags } from '../core/flags.ts';
import { isFutureDated } from '../core/trust.ts';
import type { Flag, Millis, Settings, SharedWork } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { getMeta, getSettings, setMeta } from '../db/meta.ts';
import { applyFlagChanges, refreshDerivedFields } from '../db/mutations.ts';
import type { PersonRow } from '../db/personRow.ts';

/** People per page: large enough that transaction overhead stays small, small enough to bound memory. */
export const SCAN_PAGE_SIZE = 1000;

function scanTables(tdb: TrustDb) {
  return [tdb.people, tdb.sharedWork, tdb.flags, tdb.meta];
}

function byPerson<T extends { personId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.personId);
    if (list) list.push(item);
    else map.set(item.personId, [item]);
  }
  return map;
}

/**
 * A stored stage depends on the date only through future-dated work, which starts to count once its date
 * passes. Rows were right as of the last completed scan (which refreshed them) or their last edit (which
 * derived them), so only people with work still in the future at that scan can have gone stale; before any
 * scan has completed, everyone is checked.
 */
function mayBeStale(works: readonly SharedWork[], lastScanAt: Millis | undefined): boolean {
  if (lastScanAt === undefined) return true;
  const then = new Date(lastScanAt);
  return works.some((work) => isFutureDated(work, then));
}

/**
 * Evaluates a batch of people with all of their shared work and stored flags in hand, inside the caller's
 * transaction. Flags of people no longer stored are removed, and the derived fields of the few people whose
 * stage may have gone stale are refreshed. Returns how many flags changed.
 */
async function evaluateBatch(
  tdb: TrustDb,
  rows: readonly PersonRow[],
  works: readonly SharedWork[],
  flags: readonly Flag[],
  settings: Settings,
  now: Millis,
  lastScanAt: Millis | undefined,
): Promise<number> {
  const date = new Date(now);
  const worksOf = byPerson(works);
  const living = new Set(rows.map((row) => row.id));
  const candidates = rows.flatMap((row) => flagCandidates(row, worksOf.get(row.id) ?? [], settings, date));
  const { put } = reconcileFlags(
    flags.filter((flag) => living.has(flag.personId)),
    candidates,
    now,
  );
  const orphans = flags.filter((flag) => !living.has(flag.personId)).map((flag) => flag.id);
  if (put.length > 0 || orphans.length > 0) await applyFlagChanges(tdb, put, orphans);

  const stale = rows.filter((row) => mayBeStale(worksOf.get(row.id) ?? [], lastScanAt)).map((row) => row.id);
  if (stale.length > 0) await refreshDerivedFields(tdb, stale);
  return put.length + orphans.length;
}

export type PageOutcome = 'idle' | 'more' | 'finished';

/**
 * One page of the full scan under way: the next `pageSize` people after the checkpoint, their work and
 * flags (read by person-id range, so no per-person lookups), then the checkpoint moves on. Returns 'idle'
 * when no scan is under way, 'finished' when this page was the last.
 */
export async function scanPage(tdb: TrustDb, pageSize = SCAN_PAGE_SIZE): Promise<PageOutcome> {
  return tdb.transaction('rw', scanTables(tdb), async () => {
    const checkpoint = await getMeta(tdb, 'scanCheckpoint');
    if (!checkpoint) return 'idle';
    const rows = await tdb.people.where(':id').above(checkpoint.after).limit(pageSize).toArray();
    const first = rows[0]?.id;
    const last = rows.at(-1)?.id;
    if (first !== undefined && last !== undefined) {
      const [works, flags, settings, lastScanAt] = await Promise.all([
        tdb.sharedWork.where('personId').between(first, last, true, true).toArray(),
        tdb.flags.where('personId').between(first, last, true, true).toArray(),
        getSettings(tdb),
        getMeta(tdb, 'lastScanAt'),
      ]);
      await evaluateBatch(tdb, rows, works, flags, settings, checkpoint.now, lastScanAt);
    }
    if (last === undefined || rows.length < pageSize) {
      await tdb.meta.delete('scanCheckpoint');
      await setMeta(tdb, 'lastScanAt', checkpoint.now);
      return 'finished';
    }
    await setMeta(tdb, 'scanCheckpoint', { now: checkpoint.now, after: last });
    return 'more';
  });
}

/** Starts a full scan from the first person, replacing any under way (e.g. after an import). */
export async function restartFullScan(tdb: TrustDb, now: Millis = Date.now()): Promise<void> {
  await setMeta(tdb, 'scanCheckpoint', { now, after: '' });
}

/**
 * Starts a full scan unless one is under way: an interrupted scan is resumed, unless it started more than
 * `maxAgeMs` ago, when its reference time is too old to be worth finishing.
 */
export async function ensureFullScan(
  tdb: TrustDb,
  maxAgeMs: number,
  now: Millis = Date.now(),
): Promise<void> {
  await tdb.transaction('rw', tdb.meta, async () => {
    const checkpoint = await getMeta(tdb, 'scanCheckpoint');
    if (!checkpoint || now - checkpoint.now > maxAgeMs) await restartFullScan(tdb, now);
  });
}

/** Whether a full scan is under way (possibly interrupted by the worker being stopped). */
export async function scanUnderWay(tdb: TrustDb): Promise<boolean> {
  return (await getMeta(tdb, 'scanCheckpoint')) !== undefined;
}

const loops = new WeakMap<TrustDb, Promise<void>>();

export interface ScanOptions {
  pageSize?: number;
  /** Called after each page, e.g. to tell the browser the worker is busy. */
  afterPage?: () => Promise<unknown>;
}

/**
 * Runs pages until no scan is under way. One loop per database in this worker: a second caller shares it.
 * The loop ends only on a page that finds no checkpoint, and forgets itself in that same turn, so a
 * restart written meanwhile is never left behind by a loop that was about to end.
 */
export function runFullScan(tdb: TrustDb, options: ScanOptions = {}): Promise<void> {
  const running = loops.get(tdb);
  if (running) return running;
  const loop = (async () => {
    try {
      while ((await scanPage(tdb, options.pageSize)) !== 'idle') await options.afterPage?.();
    } finally {
      loops.delete(tdb);
    }
  })();
  loops.set(tdb, loop);
  return loop;
}

/** Rescans one person after an edit (or a delete: their leftover flags go). Returns how many flags changed. */
export async function scanPerson(tdb: TrustDb, personId: string, now: Millis = Date.now()): Promise<number> {
  return tdb.transaction('rw', scanTables(tdb), async () => {
    const [row, works, flags, settings] = await Promise.all([
      tdb.people.get(personId),
      tdb.sharedWork.where('personId').equals(personId).toArray(),
      tdb.flags.where('personId').equals(personId).toArray(),
      getSettings(tdb),
    ]);
    // The edit itself derived the row just now: nothing about it can be stale.
    return evaluateBatch(tdb, row ? [row] : [], works, flags, settings, now, now);
  });
}

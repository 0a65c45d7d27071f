// The weekly queue in the database: reads what core's queue rules need and applies their changes. The worker runs it
// after every scan and every decision (background/badge.ts), and the archive import inside its own commit
// (io/archiveCommit.ts), so the first queue after an import is stored with the people it ranks. Dormant people are found through two stored indexes
// (people.untestedSince and people.queueRank, schema.ts), so a refresh reads the queue's own few entries and walks
// the top of the ranking until the queue is full, whatever the size of the network.
import { dormancyCutoff, isDormant } from '../core/flags.ts';
import {
  type EntryStatus,
  firstStep,
  type QueueCandidate,
  queueReasons,
  queueSize,
  refreshQueue,
} from '../core/queue.ts';
import type { Language, Millis, QueueEntry, Settings, SharedWork } from '../core/types.ts';
import type { TrustDb } from './database.ts';
import { getSettings } from './meta.ts';
import type { PersonRow } from './personRow.ts';
import { actionFlagCount } from './queries.ts';

function candidateOf(row: PersonRow, works: readonly SharedWork[], now: Date): QueueCandidate {
  const reasons = queueReasons(row, works, now);
  return { personId: row.id, rank: row.queueRank ?? 0, reasons, step: firstStep(reasons) };
}

function statusOf(
  row: PersonRow | undefined,
  works: readonly SharedWork[],
  settings: Settings,
  now: Date,
): EntryStatus {
  if (!row) return { status: 'gone' };
  if (isDormant(row, works, settings, now))
    return { status: 'dormant', candidate: candidateOf(row, works, now) };
  return works.some((work) => work.status !== 'abandoned') ? { status: 'started' } : { status: 'gone' };
}

/** Entries that keep their person out of the fillers: this week's, dismissed, and snoozed for now. */
function holds(entry: QueueEntry, now: Millis): boolean {
  if (entry.state === 'queued' || entry.state === 'dismissed') return true;
  return entry.state === 'snoozed' && (entry.snoozedUntil === undefined || entry.snoozedUntil > now);
}

/**
 * Moves the queue on (core's refreshQueue) in one read-write transaction, so a snooze or a new record made
 * meanwhile is never undone by a refresh computed before it. Returns how many people are queued now.
 */
export async function refreshQueueEntries(tdb: TrustDb, now: Millis = Date.now()): Promise<number> {
  return tdb.transaction('rw', [tdb.people, tdb.sharedWork, tdb.queue, tdb.meta], async () => {
    const date = new Date(now);
    const [settings, entries] = await Promise.all([getSettings(tdb), tdb.queue.toArray()]);
    const ids = entries.map((entry) => entry.personId);
    const size = queueSize(settings.queueSize);
    const held = new Set(entries.filter((entry) => holds(entry, now)).map((entry) => entry.personId));
    const cutoff = dormancyCutoff(settings, date);
    // The entries' people and the fillers side by side: each await is a round trip to the database, and after an
    // import (no entries yet) the fillers are the whole read. The best dormant people first; anyone in this index
    // has nothing but abandoned work, which changes neither whether they are dormant nor their warmth, so their
    // own row is all the rules need.
    const [rows, works, fillerRows] = await Promise.all([
      ids.length === 0 ? Promise.resolve([] as (PersonRow | undefined)[]) : tdb.people.bulkGet(ids),
      ids.length === 0
        ? Promise.resolve([] as SharedWork[])
        : tdb.sharedWork.where('personId').anyOf(ids).toArray(),
      tdb.people
        .orderBy('queueRank')
        .reverse()
        .filter(
          (row) => !held.has(row.id) && row.untestedSince <= cutoff && isDormant(row, [], settings, date),
        )
        .limit(size)
        .toArray(),
    ]);
    const people = new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
    const worksOf = new Map<string, SharedWork[]>();
    for (const work of works) worksOf.set(work.personId, [...(worksOf.get(work.personId) ?? []), work]);

    const changes = refreshQueue({
      entries,
      statusOf: (personId) => statusOf(people.get(personId), worksOf.get(personId) ?? [], settings, date),
      fillers: fillerRows.map((row) => candidateOf(row, [], date)),
      size,
      now,
    });
    await Promise.all([
      changes.put.length > 0 ? tdb.queue.bulkPut(changes.put) : undefined,
      changes.remove.length > 0 ? tdb.queue.bulkDelete(changes.remove) : undefined,
    ]);
    const after = new Map(entries.map((entry) => [entry.id, entry]));
    for (const id of changes.remove) after.delete(id);
    for (const entry of changes.put) after.set(entry.id, entry);
    return [...after.values()].filter((entry) => entry.state === 'queued').length;
  });
}

/** What the toolbar badge shows (ui/data/toolbarBadge.ts): the queue, the flags that need action, and in what words. */
export interface QueueBadge {
  queued: number;
  actions: number;
  language: Language;
}

/** The tables queueBadge works in: a caller's transaction that runs it must hold them all, read-write. */
export function queueBadgeTables(tdb: TrustDb) {
  return [tdb.people, tdb.sharedWork, tdb.queue, tdb.meta, tdb.flags];
}

/**
 * Moves the queue on and counts what the toolbar badge shows, in one read-write transaction (the caller's, when it
 * runs inside one: the archive import's commit, the worker's scan checkpoint as `alongside`). The queue's writes,
 * the action flags' count and the settings go side by side, so the badge needs no second read. The flags are not
 * written here, so counting them beside the queue's writes is exact. The worker and the options page both set the
 * badge from this, so the same database gives the same badge.
 */
export async function queueBadge(
  tdb: TrustDb,
  { now = Date.now(), alongside }: { now?: Millis; alongside?: () => Promise<void> } = {},
): Promise<QueueBadge> {
  const [, queued, actions, settings] = await tdb.transaction('rw', queueBadgeTables(tdb), () =>
    Promise.all([alongside?.(), refreshQueueEntries(tdb, now), actionFlagCount(tdb), getSettings(tdb)]),
  );
  return { queued, actions, language: settings.language };
}

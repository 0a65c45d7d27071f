import type { IndexableType } from 'dexie';
import type { TrustDb } from './database.ts';

/**
 * Rows that name a row of another table: a shared work of nobody would break every page that lists it. A restored
 * backup is checked against these (io/backupSchema.ts), and so is every row sync brings in (mutations.ts's
 * applySyncedChanges). A row whose target is missing cannot stand, except through a `link` (who introduced whom):
 * the row stands and the link is left empty.
 */
export const REFERENCES: { table: string; field: string; target: string; link?: true }[] = [
  { table: 'profiles', field: 'personId', target: 'people' },
  { table: 'sharedWork', field: 'personId', target: 'people' },
  { table: 'notes', field: 'personId', target: 'people' },
  { table: 'flags', field: 'personId', target: 'people' },
  { table: 'flags', field: 'workId', target: 'sharedWork' },
  { table: 'people', field: 'introducedBy', target: 'people', link: true },
  { table: 'queue', field: 'personId', target: 'people' },
  { table: 'messages', field: 'personId', target: 'people' },
];

/** Tables whose rows each belong to one person (their `personId`): deleting the person deletes them. */
export const PERSON_RECORDS: readonly string[] = REFERENCES.filter(
  ({ field, target, link }) => field === 'personId' && target === 'people' && !link,
).map(({ table }) => table);

/**
 * The primary keys of `table`'s rows that belong to these people. A table without a `personId` index holds at most
 * one row per person, keyed by the person's id (the queue).
 */
export async function personRecordKeys(
  tdb: TrustDb,
  table: string,
  personIds: readonly string[],
): Promise<IndexableType[]> {
  const store = tdb.table(table);
  if (store.schema.indexes.some((index) => index.name === 'personId')) {
    // One key range per person, all requested together: `anyOf` over many ids walks one cursor, a round trip to
    // IndexedDB per step, which made most of a first sync's hand-over (call it inside a transaction).
    const keys = await Promise.all(personIds.map((id) => store.where('personId').equals(id).primaryKeys()));
    return keys.flat();
  }
  const rows = await store.bulkGet([...personIds]);
  return personIds.filter((_, i) => rows[i] !== undefined);
}

/** From how many people a read of the range between their lowest and highest id is tried (see personRecords). */
const RANGE_FROM = 32;

/**
 * The rows of `table` (which has a `personId` index) that belong to these people, in no particular order. Sync moves
 * people in batches in id order (the outbox's key order), so a batch's people usually sit together in the index:
 * one read of the range between their lowest and highest id, used when it holds few more rows than theirs, stands
 * in for a request per person (a few hundred per batch of a first sync). Call it inside a transaction.
 */
export async function personRecords<T extends { personId?: unknown }>(
  tdb: TrustDb,
  table: string,
  personIds: readonly string[],
): Promise<T[]> {
  const store = tdb.table(table);
  if (personIds.length >= RANGE_FROM) {
    const sorted = [...personIds].sort();
    // Past this many rows the range holds many other people's too: a request per person reads less.
    const limit = Math.max(1000, personIds.length * 16);
    const rows = (await store
      .where('personId')
      .between(sorted[0]!, sorted.at(-1)!, true, true)
      .limit(limit)
      .toArray()) as T[];
    if (rows.length < limit) {
      const wanted = new Set(personIds);
      return rows.filter((row) => wanted.has(row.personId as string));
    }
  }
  return (
    (await Promise.all(personIds.map((id) => store.where('personId').equals(id).toArray()))) as T[][]
  ).flat();
}

/**
 * The rows of `table` with these primary keys (strings), in the order asked, undefined where there is none: what
 * `bulkGet` gives. A batch of a first sync names ids in key order, side by side in the table, so one read of the range
 * between the lowest and highest, used when it holds few more rows than asked, stands in for a request per id (a round
 * trip to IndexedDB each, queued behind the replica's writes during a hand-over). Call it inside a transaction.
 */
export function rowsByIds<T>(
  tdb: TrustDb,
  table: string,
  ids: readonly string[],
): Promise<(T | undefined)[]> {
  // Dexie's promises all the way (no async function here): the caller's transaction must see nothing else awaited.
  const store = tdb.table(table);
  const keyPath = store.schema.primKey.keyPath;
  if (ids.length < RANGE_FROM || typeof keyPath !== 'string') return store.bulkGet([...ids]);
  const sorted = [...ids].sort();
  const range = store.where(':id').between(sorted[0]!, sorted.at(-1)!, true, true);
  // Counted first (keys only, nothing read into JavaScript): past a few times as many rows as asked, the range holds
  // many others too (a first sync's outbox entries of a batch's shared work, spread over all of them), and a
  // request per id reads less.
  return range.count().then((count) => {
    if (count > Math.max(1000, ids.length * 4)) return store.bulkGet([...ids]);
    return range.toArray().then((rows: Record<string, unknown>[]) => {
      const byId = new Map(rows.map((row) => [row[keyPath], row]));
      return ids.map((id) => byId.get(id) as T | undefined);
    });
  });
}

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

// The changes sync has yet to hand over: one row per changed record of a synced table, written in the same
// transaction as the change itself. A DBCore middleware does it, like the stored counts (aggregates.ts), so every
// writer is covered (mutations, the import, a restore, the worker's scan, dexie-export-import) and a worker or page
// stopped right after a write cannot lose the change: it is in the database with the write, or neither is.
//
// Off until sync is set up on this device: the outbox then holds a marker row, read once per transaction, and an
// import of 30,000 people on a device that does not sync writes nothing more. Changes that sync itself brings in
// are written in transactions marked with `markFromSync`, and are not recorded (they would echo back).
import {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  Dexie,
  type Middleware,
} from 'dexie';
import type { TrustDb } from './database.ts';
import { PERSON_RECORDS, personRecordKeys, personRecords, rowsByIds } from './references.ts';
import { withSideTable } from './sideTable.ts';
import { isSyncedTable, SYNCED_TABLES, travels } from './syncTables.ts';

export const OUTBOX_TABLE = 'syncOutbox';
/** The marker row: present while this device syncs. Table names never start with `!`. */
export const OUTBOX_ON = '!sync';
/**
 * The stamp row: a new random `tick` with every change recorded, so a hand-over that finds the stamp it began with
 * knows nothing was recorded since, and can forget what it handed by key range (forgetThrough). It sorts below the
 * marker, so neither is a pending change.
 */
export const OUTBOX_STAMP = '!stamp';

export interface OutboxRow {
  /** `${table}:${key}` */
  key: string;
  table: string;
  /** The record's primary key. */
  id: string;
  /** Changes with every write, so a drain removes only entries no newer write has replaced. */
  tick: number;
}

export function outboxKey(table: string, id: string): string {
  return `${table}:${id}`;
}

/** Transactions whose writes came from sync (sync/apply), which the outbox must not send back. */
const fromSync = new WeakSet<object>();

/** Marks the current transaction as sync's own; call first thing inside `tdb.transaction`. */
export function markFromSync(): void {
  const tx = Dexie.currentTransaction;
  if (!tx) throw new Error('markFromSync outside a transaction');
  fromSync.add(tx.idbtrans);
}

function primaryKeys(
  table: DBCoreTable,
  req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>,
): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.keys) return req.keys;
  const extract = table.schema.primaryKey.extractKey;
  if (!extract) throw new Error(`syncOutbox: ${table.name} has no inbound primary key`);
  return req.values.map((value) => extract(value));
}

function keyText(key: unknown): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}

/** The keys whose change sync must hand over; reads the rows a put replaces only where that decides it. */
async function changedKeys(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    // A clear() (a restore) or a range delete: every record it removes.
    const result = await table.query({
      trans,
      values: false,
      query: { index: table.schema.primaryKey, range: req.range },
    });
    return result.result;
  }
  const keys = primaryKeys(table, req);
  if (req.type === 'delete' || !SYNCED_TABLES[table.name]?.travels) return keys;
  // A row that does not travel still matters when it replaces one that did (a dismissed flag reopened).
  const values = req.values as Record<string, unknown>[];
  const unknown = keys.filter((_, i) => !travels(table.name, values[i]!));
  const before = unknown.length > 0 ? await table.getMany({ trans, keys: unknown }) : [];
  const travelledBefore = new Set(
    unknown.filter(
      (_, i) => before[i] !== undefined && travels(table.name, before[i] as Record<string, unknown>),
    ),
  );
  return keys.filter((key, i) => travels(table.name, values[i]!) || travelledBefore.has(key));
}

export const syncOutboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'TrustNotesSyncOutbox',
  create(down) {
    const on = new WeakMap<DBCoreTransaction, Promise<boolean>>();
    const syncing = (outbox: DBCoreTable, trans: DBCoreTransaction): Promise<boolean> => {
      let known = on.get(trans);
      if (!known) {
        known = outbox.get({ trans, key: OUTBOX_ON }).then((row) => row !== undefined);
        on.set(trans, known);
      }
      return known;
    };
    const wrap = (name: string): DBCoreTable => {
      const table = down.table(name);
      // An upgrade from a version before the outbox runs on that version's stores: nothing to record there.
      if (!isSyncedTable(name) || !hasOutbox) return table;
      const outbox = down.table(OUTBOX_TABLE);
      return {
        ...table,
        mutate: async (req) => {
          if (fromSync.has(req.trans) || !(await syncing(outbox, req.trans))) return table.mutate(req);
          const keys = await changedKeys(table, req);
          const response = await table.mutate(req);
          const failed = new Set(Object.keys(response.failures).map(Number));
          const rows: OutboxRow[] = keys
            .filter((_, i) => req.type === 'deleteRange' || !failed.has(i))
            .map((key) => {
              const id = keyText(key);
              return { key: outboxKey(name, id), table: name, id, tick: Math.random() };
            });
          if (rows.length > 0)
            await outbox.mutate({ type: 'put', trans: req.trans, values: [...rows, stampRow()] });
          return response;
        },
      };
    };
    const hasOutbox = down.schema.tables.some((table) => table.name === OUTBOX_TABLE);
    return withSideTable(down, OUTBOX_TABLE, (name) => hasOutbox && isSyncedTable(name), wrap);
  },
};

function stampRow(): OutboxRow {
  return { key: OUTBOX_STAMP, table: '', id: '', tick: Math.random() };
}

// ---------------------------------------------------------------------------------------------------
// The outbox as sync uses it.

/** Turns recording on: from now on every change to a synced table is recorded. */
export async function startOutbox(tdb: TrustDb): Promise<void> {
  await tdb.table(OUTBOX_TABLE).put({ key: OUTBOX_ON, table: '', id: '', tick: 0 } satisfies OutboxRow);
}

/** Turns recording off and forgets what was pending (this device stops syncing; its data stays). */
export async function stopOutbox(tdb: TrustDb): Promise<void> {
  await tdb.table(OUTBOX_TABLE).clear();
}

/** Records every row of every synced table as changed: the first sync of a device that already has a ledger. */
export async function recordEverything(tdb: TrustDb): Promise<number> {
  let count = 0;
  for (const name of Object.keys(SYNCED_TABLES)) {
    await tdb.transaction('rw', tdb.table(name), tdb.table(OUTBOX_TABLE), async () => {
      const rows = (await tdb.table(name).toArray()) as Record<string, unknown>[];
      const keyPath = tdb.table(name).schema.primKey.keyPath as string;
      const entries = rows
        .filter((row) => travels(name, row))
        .map((row): OutboxRow => {
          const id = keyText(row[keyPath]);
          return { key: outboxKey(name, id), table: name, id, tick: Math.random() };
        });
      await tdb.table(OUTBOX_TABLE).bulkPut([...entries, stampRow()]);
      count += entries.length;
    });
  }
  return count;
}

/** Changes waiting to be handed to sync (the marker row is not one). */
export async function pendingCount(tdb: TrustDb): Promise<number> {
  return tdb.table(OUTBOX_TABLE).where('key').above(OUTBOX_ON).count();
}

/** The next `limit` pending changes after the key `after`, in key order. */
export function pendingChanges(tdb: TrustDb, limit: number, after = OUTBOX_ON): Promise<OutboxRow[]> {
  // Dexie's promise, not an async function's: inside a batch's read transaction, nothing else may be awaited.
  return tdb.table(OUTBOX_TABLE).where('key').above(after).limit(limit).toArray() as Promise<OutboxRow[]>;
}

/**
 * Which of these outbox keys are pending. A device bringing many changes in usually has few of its own pending: all of
 * them in one read, when they are fewer than the keys asked about, stand in for a read per key.
 */
export async function pendingAmong(tdb: TrustDb, keys: readonly string[]): Promise<Set<string>> {
  const outbox = tdb.table(OUTBOX_TABLE);
  const few = (await outbox.where('key').above(OUTBOX_ON).limit(keys.length).primaryKeys()) as string[];
  if (few.length < keys.length) {
    const asked = new Set(keys);
    return new Set(few.filter((key) => asked.has(key)));
  }
  const rows = await outbox.bulkGet([...keys]);
  return new Set(keys.filter((_, i) => rows[i] !== undefined));
}

/** Synced tables whose rows each belong to one person (their `personId`). */
const OWN_RECORDS = PERSON_RECORDS.filter(isSyncedTable);

export interface PendingBatch {
  entries: OutboxRow[];
  /** Each entry's record as it is now (by outbox key); undefined when it was deleted. */
  rows: Map<string, Record<string, unknown> | undefined>;
  /**
   * Where the read stopped in key order: every entry after the `after` asked for and up to here is in this batch or
   * was skipped. The next batch is read after it.
   */
  through: string;
}

async function currentRows(tdb: TrustDb, entries: readonly OutboxRow[], into: PendingBatch['rows']) {
  // Every table's read at once: each is a round trip to IndexedDB, long while the replica writes a batch.
  await Promise.all(
    [...new Set(entries.map((entry) => entry.table))].map(async (table) => {
      const mine = entries.filter((entry) => entry.table === table);
      const found = await rowsByIds(
        tdb,
        table,
        mine.map((entry) => entry.id),
      );
      for (const [i, entry] of mine.entries())
        into.set(entry.key, found[i] as Record<string, unknown> | undefined);
    }),
  );
}

/**
 * Entries a hand-over has handed (key → tick): skipped when read again with the same tick, since a newer write
 * (another tick) is a change still to hand over.
 */
export type Handed = ReadonlyMap<string, number>;

/**
 * The next pending changes to hand over after the key `after` (but those handed already), grouped by person: about
 * `limit` entries in key order, joined by the pending changes of the same people (a person's records, a record's
 * person), each person first and their records after. Another device brings a batch in as one transaction and
 * recomputes a person's derived fields once, with their records in place, rather than once for the person and again
 * for each later batch of their shared work.
 */
export function nextBatch(
  tdb: TrustDb,
  limit: number,
  handed: Handed = new Map(),
  after: string = OUTBOX_ON,
): Promise<PendingBatch> {
  // One read transaction for the whole batch: its many small reads go out together.
  const tables = [...new Set([OUTBOX_TABLE, ...Object.keys(SYNCED_TABLES), ...OWN_RECORDS])];
  return tdb.transaction('r', tables, () => readBatch(tdb, limit, handed, after));
}

/** Up to `limit` entries after `after` in key order, but those handed; and where the read stopped. */
async function pendingAfter(
  tdb: TrustDb,
  limit: number,
  handed: Handed,
  after: string,
): Promise<{ first: OutboxRow[]; through: string }> {
  const first: OutboxRow[] = [];
  // Handed entries ahead of the read (a person's records handed with them) are read past, in pages that double: a
  // first sync's last batches find tens of thousands of them.
  for (let from = after, page = Math.max(limit, 500); ; page *= 2) {
    const rows = await pendingChanges(tdb, page, from);
    for (const entry of rows) {
      if (handed.get(entry.key) === entry.tick) continue;
      first.push(entry);
      if (first.length === limit) return { first, through: entry.key };
    }
    if (rows.length < page) return { first, through: rows.at(-1)?.key ?? from };
    from = rows.at(-1)!.key;
  }
}

async function readBatch(tdb: TrustDb, limit: number, handed: Handed, after: string): Promise<PendingBatch> {
  const { first, through } = await pendingAfter(tdb, limit, handed, after);
  const rows: PendingBatch['rows'] = new Map();
  // The people the entries are themselves are known before any row is read: their records are read beside the
  // entries' rows (each read is a round trip to IndexedDB, long while the replica writes the batch before).
  const named = [...new Set(first.filter((entry) => entry.table === 'people').map((entry) => entry.id))];
  const [, records] = await Promise.all([currentRows(tdb, first, rows), recordsOf(tdb, named)]);
  const personOf = (entry: OutboxRow): string | undefined => {
    if (entry.table === 'people') return entry.id;
    const personId = rows.get(entry.key)?.personId;
    return typeof personId === 'string' ? personId : undefined;
  };
  const people = [...new Set(first.flatMap((entry) => personOf(entry) ?? []))];
  const isNamed = new Set(named);
  // The people of the batch's other records (their rows name them).
  const more = await recordsOf(
    tdb,
    people.filter((id) => !isNamed.has(id)),
  );
  const have = new Set(first.map((entry) => entry.key));
  const wanted = new Set([...people.map((id) => outboxKey('people', id)), ...records.keys, ...more.keys]);
  // The records read whole here (by person) are the current rows of their entries: no second read.
  const read = new Map([...records.read, ...more.read]);
  for (const key of have) wanted.delete(key);
  const joined = (await outboxEntries(tdb, [...wanted])).filter(
    (row): row is OutboxRow => row !== undefined && handed.get(row.key) !== row.tick,
  );
  for (const entry of joined) if (read.has(entry.key)) rows.set(entry.key, read.get(entry.key));
  await currentRows(
    tdb,
    joined.filter((entry) => !read.has(entry.key)),
    rows,
  );
  // Records whose person is unknown (deleted ones) last, in key order.
  const group = (entry: OutboxRow) => personOf(entry) ?? `\uffff${entry.key}`;
  const entries = [...first, ...joined]
    .map((entry, order) => ({ entry, order, group: group(entry), rank: entry.table === 'people' ? 0 : 1 }))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.rank - b.rank || a.order - b.order))
    .map(({ entry }) => entry);
  return { entries, rows, through };
}

/**
 * The outbox keys of these people's records, table by table in OWN_RECORDS' order, and the rows read whole on the
 * way (by outbox key). Every table's read at once.
 */
async function recordsOf(
  tdb: TrustDb,
  people: readonly string[],
): Promise<{ keys: string[]; read: Map<string, Record<string, unknown>> }> {
  const read = new Map<string, Record<string, unknown>>();
  if (people.length === 0) return { keys: [], read };
  const perTable = await Promise.all(
    OWN_RECORDS.map(async (table) => {
      const store = tdb.table(table);
      if (!store.schema.indexes.some((index) => index.name === 'personId')) {
        return (await personRecordKeys(tdb, table, people)).map((key) => outboxKey(table, keyText(key)));
      }
      const keyPath = store.schema.primKey.keyPath as string;
      return (await personRecords<Record<string, unknown>>(tdb, table, people)).map((row) => {
        const key = outboxKey(table, keyText(row[keyPath]));
        read.set(key, row);
        return key;
      });
    }),
  );
  return { keys: perTable.flat(), read };
}

/**
 * The outbox's entries of these keys (undefined where none), in the order asked: read table by table (the keys of one
 * table sit together), each by one range where it holds few more entries than asked (references.ts rowsByIds).
 */
async function outboxEntries(tdb: TrustDb, keys: readonly string[]): Promise<(OutboxRow | undefined)[]> {
  const byTable = new Map<string, string[]>();
  for (const key of keys) {
    const table = key.slice(0, key.indexOf(':'));
    const group = byTable.get(table);
    if (group) group.push(key);
    else byTable.set(table, [key]);
  }
  const found = new Map<string, OutboxRow>();
  // Every table's read at once (see currentRows).
  const read = await Promise.all(
    [...byTable.values()].map((group) => rowsByIds<OutboxRow>(tdb, OUTBOX_TABLE, group)),
  );
  for (const row of read.flat()) if (row) found.set(row.key, row);
  return keys.map((key) => found.get(key));
}

/**
 * A new stamp, taken as a hand-over begins: while it stands, nothing was recorded since (OUTBOX_STAMP). Returns it.
 */
export async function restamp(tdb: TrustDb): Promise<number> {
  const row = stampRow();
  await tdb.table(OUTBOX_TABLE).put(row);
  return row.tick;
}

/**
 * Forgets by one key range what a hand-over handed, up to `through` in key order (every entry when undefined), and
 * returns true, when the stamp it began with still stands: nothing was recorded since it began, so every entry
 * there is one it read and handed. Otherwise forgets nothing and returns false (forgetHandedOver, entry by entry, then).
 */
export async function forgetThrough(
  tdb: TrustDb,
  stamp: number,
  through: string | undefined,
): Promise<boolean> {
  const outbox = tdb.table(OUTBOX_TABLE);
  return tdb.transaction('rw', outbox, async () => {
    if ((await outbox.get(OUTBOX_STAMP))?.tick !== stamp) return false;
    const range =
      through === undefined
        ? outbox.where('key').above(OUTBOX_ON)
        : outbox.where('key').between(OUTBOX_ON, through, false, true);
    await range.delete();
    return true;
  });
}

/** Forgets the entries a drain handed over, unless a newer write replaced one meanwhile. */
export async function forgetHandedOver(tdb: TrustDb, handed: readonly OutboxRow[]): Promise<void> {
  await tdb.transaction('rw', tdb.table(OUTBOX_TABLE), async () => {
    const now = await outboxEntries(
      tdb,
      handed.map((row) => row.key),
    );
    const done = handed.filter((row, i) => now[i]?.tick === row.tick).map((row) => row.key);
    await tdb.table(OUTBOX_TABLE).bulkDelete(done);
  });
}

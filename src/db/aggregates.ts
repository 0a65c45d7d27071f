// Counts the first screens need (people per stage, open flags), kept in the meta table so that opening the
// popup or the options page does not walk 30,000 index entries: IndexedDB's count() is a scan in
// Chromium, not a stored number.
//
// A DBCore middleware keeps them: every write to `people` or `flags`, whoever makes it (mutations.ts, the
// worker's scan, the import, a restore, dexie-export-import), passes through it and updates the counts in
// the same transaction. A read transaction therefore never sees counts that disagree with the rows.
// When the counts cannot be updated exactly (a partial range delete, a write to the `aggregates` row from
// outside, such as a restored backup), they are dropped and recounted later: readers fall back to
// counting until `repairAggregates` stores them again.
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { STAGES, type Stage } from '../core/trust.ts';
import type { Flag } from '../core/types.ts';
import type { TrustDb } from './database.ts';
import type { PersonRow } from './personRow.ts';
import { withSideTable } from './sideTable.ts';

export interface Aggregates {
  stages: Record<Stage, number>;
  openFlags: number;
}

export const AGGREGATES_KEY = 'aggregates';
const COUNTED = new Set(['people', 'flags']);

// Dexie's DBCoreRangeType.Any (a const enum, so not importable at run time): the range `clear()` deletes.
const RANGE_ANY = 3;

function emptyAggregates(): Aggregates {
  return { stages: Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>, openFlags: 0 };
}

/** Adds (sign 1) or removes (sign -1) one row's share of the counts. */
function count(aggregates: Aggregates, table: string, row: unknown, sign: 1 | -1): void {
  if (row === undefined) return;
  if (table === 'people') {
    const stage = (row as PersonRow).stage;
    if (stage in aggregates.stages) aggregates.stages[stage] += sign;
  } else if ((row as Flag).state === 'open') {
    aggregates.openFlags += sign;
  }
}

function isAggregates(value: unknown): value is Aggregates {
  const v = value as Aggregates | undefined;
  return (
    typeof v?.openFlags === 'number' &&
    typeof v.stages === 'object' &&
    STAGES.every((stage) => typeof v.stages[stage] === 'number')
  );
}

async function readStored(meta: DBCoreTable, trans: DBCoreTransaction): Promise<Aggregates | undefined> {
  const row = (await meta.get({ trans, key: AGGREGATES_KEY })) as { value?: unknown } | undefined;
  return isAggregates(row?.value) ? structuredClone(row.value) : undefined;
}

function store(meta: DBCoreTable, trans: DBCoreTransaction, aggregates: Aggregates) {
  return meta.mutate({ type: 'put', trans, values: [{ key: AGGREGATES_KEY, value: aggregates }] });
}

function drop(meta: DBCoreTable, trans: DBCoreTransaction) {
  return meta.mutate({ type: 'delete', trans, keys: [AGGREGATES_KEY] });
}

function keysOf(table: DBCoreTable, req: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.keys) return req.keys;
  const extract = table.schema.primaryKey.extractKey;
  if (!extract) throw new Error(`aggregates: ${table.name} has no inbound primary key`);
  return req.values.map((value) => extract(value));
}

/** Rows written by recountAggregates: the one writer of the counts besides the middleware itself. */
const recounted = new WeakSet<object>();

function touchesAggregatesRow(req: DBCoreMutateRequest, table: DBCoreTable): boolean {
  if (req.type === 'deleteRange') return true;
  if (req.type !== 'delete' && req.values.every((value) => recounted.has(value as object))) return false;
  return keysOf(table, req).includes(AGGREGATES_KEY);
}

async function mutateCounted(
  table: DBCoreTable,
  meta: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const aggregates = await readStored(meta, trans);
  // Nothing to keep exact: the next repair counts from scratch.
  if (!aggregates) return table.mutate(req);
  if (req.type === 'deleteRange') {
    const response = await table.mutate(req);
    if (isWholeRange(req.range)) {
      const cleared = emptyAggregates();
      await store(
        meta,
        trans,
        table.name === 'people' ? { ...aggregates, stages: cleared.stages } : { ...aggregates, openFlags: 0 },
      );
    } else {
      await drop(meta, trans);
    }
    return response;
  }
  const keys = keysOf(table, req);
  // An add never replaces a row (it fails instead), so only puts and deletes need the rows they replace.
  const before = req.type === 'add' ? [] : await table.getMany({ trans, keys });
  const response = await table.mutate(req);
  keys.forEach((_, i) => {
    if (response.failures[i]) return;
    count(aggregates, table.name, before[i], -1);
    if (req.type !== 'delete') count(aggregates, table.name, req.values[i], 1);
  });
  await store(meta, trans, aggregates);
  return response;
}

function isWholeRange(range: DBCoreKeyRange): boolean {
  return (range.type as number) === RANGE_ANY;
}

/**
 * The middleware. Read-write transactions over `people` or `flags` also take `meta`, so the counts can be
 * written with the rows; writes within one transaction update the counts one after another (each reads
 * what the previous one stored).
 */
export const aggregatesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'TrustNotesAggregates',
  create(down) {
    const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();
    const inOrder = <T>(trans: DBCoreTransaction, task: () => Promise<T>): Promise<T> => {
      const result = (queues.get(trans) ?? Promise.resolve()).then(task);
      queues.set(
        trans,
        result.catch(() => undefined),
      );
      return result;
    };
    const wrap = (name: string): DBCoreTable => {
      const table = down.table(name);
      if (name === 'meta') {
        return {
          ...table,
          // Only the middleware writes the counts; anyone else writing that row (a restored backup)
          // makes them unknown until recounted.
          mutate: (req) =>
            touchesAggregatesRow(req, table)
              ? inOrder(req.trans, async () => {
                  const response = await table.mutate(req);
                  await drop(table, req.trans);
                  return response;
                })
              : table.mutate(req),
        };
      }
      if (!COUNTED.has(name)) return table;
      const meta = down.table('meta');
      return { ...table, mutate: (req) => inOrder(req.trans, () => mutateCounted(table, meta, req)) };
    };
    return withSideTable(down, 'meta', (name) => COUNTED.has(name), wrap);
  },
};

/** The counts straight from the indexes: what the stored counts must always equal. */
export async function countAggregates(tdb: TrustDb): Promise<Aggregates> {
  const [stages, openFlags] = await Promise.all([
    Promise.all(STAGES.map((stage) => tdb.people.where('stage').equals(stage).count())),
    tdb.flags.where('state').equals('open').count(),
  ]);
  return {
    stages: Object.fromEntries(STAGES.map((s, i) => [s, stages[i]!])) as Record<Stage, number>,
    openFlags,
  };
}

/** The stored counts, or counted from the indexes (slower) while they are missing. Read-only. */
export async function getAggregates(tdb: TrustDb): Promise<Aggregates> {
  // One read transaction: the fallback counts the same state the missing row would have described.
  return tdb.transaction('r', tdb.meta, tdb.people, tdb.flags, async () => {
    const row = await tdb.meta.get(AGGREGATES_KEY);
    return isAggregates(row?.value) ? row.value : countAggregates(tdb);
  });
}

/**
 * Stores the counts if they are missing (a database from before they existed, a restored backup, a partial
 * range delete). Counts and stores in one transaction, so no write slips in between. Returns whether it
 * had to count.
 */
export async function repairAggregates(tdb: TrustDb): Promise<boolean> {
  const present = isAggregates((await tdb.meta.get(AGGREGATES_KEY))?.value);
  if (present) return false;
  return tdb.transaction('rw', tdb.people, tdb.flags, tdb.meta, async () => {
    if (isAggregates((await tdb.meta.get(AGGREGATES_KEY))?.value)) return false;
    await recountAggregates(tdb);
    return true;
  });
}

/** Counts and stores the counts; inside the caller's transaction when there is one (e.g. after a restore). */
export async function recountAggregates(tdb: TrustDb): Promise<Aggregates> {
  return tdb.transaction('rw', tdb.people, tdb.flags, tdb.meta, async () => {
    const aggregates = await countAggregates(tdb);
    const row = { key: AGGREGATES_KEY, value: aggregates } as const;
    recounted.add(row);
    await tdb.meta.put(row);
    return aggregates;
  });
}

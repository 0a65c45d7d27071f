import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { countAggregates, getAggregates } from '../../../src/db/aggregates.ts';
import { openTrustDb, type TrustDb } from '../../../src/db/database.ts';
import { searchPeopleByPrefix } from '../../../src/db/queries.ts';
import {
  buildRawDatabase,
  idbVersion,
  LEGACY_SCHEMAS,
  type RawSchema,
  readRawSchema,
} from './legacySchemas.ts';

// One fixture per shipped schema version: a database as that version stored it. Each is built with raw
// IndexedDB, then opened with the current TrustDb, which runs every upgrade since; every record must come
// through. An upgrade that reshapes records states the new shape in its own test beside this one.

interface DbFixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const FIXTURE_DIR = join(__dirname, '../../fixtures/db');
const fixtures: [string, DbFixture][] = readdirSync(FIXTURE_DIR)
  .filter((file) => /^v\d+\.json$/.test(file))
  .map((file) => [file, JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as DbFixture]);

// Every table of every version, with its primary key (a table keeps its key from the version that adds it).
const primaryKeyOf: Record<string, string> = Object.fromEntries(
  Object.values(LEGACY_SCHEMAS).flatMap((schema) =>
    Object.entries(schema).map(([table, store]) => [table, store.keyPath]),
  ),
);

/**
 * Rows a later upgrade removes on purpose, by the version of the fixture they come from. Each has its own test of
 * what became of them (below). Every other record must come through intact.
 */
const RESHAPED: Record<number, Record<string, (row: Record<string, unknown>) => boolean>> = {
  // v2: dormant flags are gone; the user's snoozes and dismissals of them became queue entries.
  1: { flags: (row) => row.kind === 'dormant' },
};

function sortedSchema(schema: RawSchema): RawSchema {
  return Object.fromEntries(
    Object.entries(schema)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, store]) => [
        name,
        { ...store, indexes: [...store.indexes].sort((a, b) => a.name.localeCompare(b.name)) },
      ]),
  );
}

async function currentVersion(): Promise<number> {
  const tdb = openTrustDb(`schema-probe-${process.pid}`);
  await tdb.open();
  const version = tdb.verno;
  await tdb.delete();
  return version;
}

describe('schema history', () => {
  test('every shipped version has a raw schema and a fixture, and the newest matches TrustDb', async () => {
    const current = await currentVersion();
    const versions = Array.from({ length: current }, (_, i) => i + 1);
    expect(Object.keys(LEGACY_SCHEMAS).map(Number)).toEqual(versions);
    expect(fixtures.map(([, fixture]) => fixture.version).sort((a, b) => a - b)).toEqual(versions);

    const name = `schema-current-${process.pid}`;
    const tdb = openTrustDb(name);
    await tdb.open();
    tdb.close();
    const actual = await readRawSchema(name);
    await tdb.delete();
    expect(actual.version).toBe(idbVersion(current));
    expect(sortedSchema(actual.schema)).toEqual(sortedSchema(LEGACY_SCHEMAS[current]!));
  });
});

describe.each(fixtures)('upgrading the %s fixture to the current schema', (file, fixture) => {
  async function upgraded(): Promise<TrustDb> {
    const name = `migrate-${file}-${process.pid}-${Math.random()}`;
    await buildRawDatabase(name, fixture.version, fixture.tables);
    const tdb = openTrustDb(name);
    await tdb.open();
    return tdb;
  }

  test('the fixture covers every table with linked records', () => {
    expect(Object.keys(fixture.tables).sort()).toEqual(Object.keys(LEGACY_SCHEMAS[fixture.version]!).sort());
    for (const rows of Object.values(fixture.tables)) expect(rows.length).toBeGreaterThan(0);
  });

  test('every record survives intact, but for what a later upgrade reshapes on purpose', async () => {
    const tdb = await upgraded();
    try {
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const reshaped = RESHAPED[fixture.version]?.[table] ?? (() => false);
        const kept = rows.filter((row) => !reshaped(row));
        const stored = await tdb.table(table).toArray();
        expect(stored, table).toHaveLength(kept.length);
        for (const row of rows) {
          const key = row[primaryKeyOf[table]!] as string;
          const found = await tdb.table(table).get(key);
          if (reshaped(row)) expect(found, `${table} ${key}`).toBeUndefined();
          else expect(found, `${table} ${key}`).toMatchObject(row);
        }
      }
    } finally {
      await tdb.delete();
    }
  });

  test('links between records still resolve and the indexes answer queries', async () => {
    const tdb = await upgraded();
    try {
      const people = new Set(await tdb.people.toCollection().primaryKeys());
      for (const table of [tdb.profiles, tdb.sharedWork, tdb.notes, tdb.flags, tdb.queue, tdb.messages]) {
        for (const row of await table.toArray()) expect(people.has(row.personId), `${table.name}`).toBe(true);
      }
      for (const row of await tdb.people.toArray()) {
        if (row.introducedBy) expect(people.has(row.introducedBy)).toBe(true);
        const [firstWord] = row.nameWords;
        const found = await searchPeopleByPrefix(tdb, firstWord!, 50);
        expect(found.map((match) => match.id)).toContain(row.id);
      }
    } finally {
      await tdb.delete();
    }
  });
});

describe('version 1 → 2: the weekly queue instead of dormant flags', () => {
  const v1 = fixtures.find(([, fixture]) => fixture.version === 1)![1];

  async function upgradedV1(): Promise<TrustDb> {
    const name = `migrate-v1-queue-${process.pid}-${Math.random()}`;
    await buildRawDatabase(name, 1, v1.tables);
    const tdb = openTrustDb(name);
    await tdb.open();
    return tdb;
  }

  test('dismissed and snoozed dormant flags become queue decisions; open ones simply go', async () => {
    const tdb = await upgradedV1();
    try {
      expect(await tdb.flags.where('kind').equals('dormant').count()).toBe(0);
      const entries = await tdb.queue.orderBy('id').toArray();
      expect(
        entries.map(({ id, state, snoozedUntil, decidedAt }) => ({ id, state, snoozedUntil, decidedAt })),
      ).toEqual([
        { id: 'p-lena', state: 'dismissed', snoozedUntil: undefined, decidedAt: 1700000003000 },
        { id: 'p-tom', state: 'snoozed', snoozedUntil: 4102444800000, decidedAt: 1700000004000 },
      ]);
      for (const entry of entries) {
        expect(entry.personId).toBe(entry.id);
        expect(entry.reasons).toContainEqual(expect.objectContaining({ code: 'untestedYears' }));
      }
    } finally {
      await tdb.delete();
    }
  });

  test('every person gets the v2 indexes: untested since their first contact, ranked only when untested', async () => {
    const tdb = await upgradedV1();
    try {
      const byId = new Map((await tdb.people.toArray()).map((row) => [row.id, row]));
      // No work at all: untested since the last day of the first contact, and ranked.
      expect(byId.get('p-import')).toMatchObject({ untestedSince: '2012-01-05' });
      expect(byId.get('p-tom')).toMatchObject({ untestedSince: '2013-12-31' });
      expect(byId.get('p-tom')?.queueRank).toBeTypeOf('number');
      // Work recorded: no longer untested, and outside the queue's index.
      expect(byId.get('p-ziad')).toMatchObject({ untestedSince: '' });
      expect(byId.get('p-ziad')?.queueRank).toBeUndefined();
      const ranked = await tdb.people.orderBy('queueRank').primaryKeys();
      expect(ranked.sort()).toEqual(['p-import', 'p-lena', 'p-tom']);
    } finally {
      await tdb.delete();
    }
  });

  test('the stored counts still match the rows after the upgrade', async () => {
    const tdb = await upgradedV1();
    try {
      expect(await getAggregates(tdb)).toEqual(await countAggregates(tdb));
    } finally {
      await tdb.delete();
    }
  });
});

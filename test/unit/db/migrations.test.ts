import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openTrustDb, type TrustDb } from '../../../src/db/database';
import { searchPeopleByPrefix } from '../../../src/db/queries';
import { buildRawDatabase, idbVersion, LEGACY_SCHEMAS, type RawSchema, readRawSchema } from './legacySchemas';

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

  test('every record survives intact', async () => {
    const tdb = await upgraded();
    try {
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const stored = await tdb.table(table).toArray();
        expect(stored, table).toHaveLength(rows.length);
        for (const row of rows) {
          const key = row[primaryKeyOf[table]!] as string;
          expect(await tdb.table(table).get(key), `${table} ${key}`).toMatchObject(row);
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
      for (const table of [tdb.profiles, tdb.sharedWork, tdb.notes, tdb.flags]) {
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

import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/types.ts';
import { db, TrustDb } from '../../../src/db/database.ts';
import { getMeta, getSettings, saveSettings, setMeta } from '../../../src/db/meta.ts';
import { DB_NAME, IDB_VERSION, SCHEMA_V3, SCHEMA_VERSION } from '../../../src/db/schema.ts';
import { freshDb } from './testDb.ts';

describe('TrustDb', () => {
  test('db() is one lazily created instance on the extension database', () => {
    const shared = db();
    expect(shared).toBeInstanceOf(TrustDb);
    expect(shared.name).toBe(DB_NAME);
    expect(db()).toBe(shared);
    expect(shared.isOpen()).toBe(false);
  });

  test('opens at version 3, the SCHEMA_VERSION that code reading without Dexie expects', async () => {
    const tdb = freshDb();
    await tdb.open();
    expect(tdb.verno).toBe(3);
    expect(SCHEMA_VERSION).toBe(tdb.verno);
    expect(tdb.backendDB().version).toBe(IDB_VERSION);
    expect(tdb.tables.map((table) => table.name).sort()).toEqual(Object.keys(SCHEMA_V3).sort());
    expect(tdb.people.schema.indexes.map((index) => index.name)).toEqual(
      expect.arrayContaining(['stage', 'nameWords', 'tags', '[stage+nameSort]', 'introducedBy']),
    );
    expect(tdb.people.schema.indexes.find((index) => index.name === 'nameWords')?.multi).toBe(true);
  });
});

describe('meta and settings', () => {
  test('getSettings gives the defaults on a new database', async () => {
    expect(await getSettings(freshDb())).toEqual(DEFAULT_SETTINGS);
  });

  test('saveSettings merges a partial change over the stored settings', async () => {
    const tdb = freshDb();
    await saveSettings(tdb, { dormancyYears: 5 });
    const saved = await saveSettings(tdb, { language: 'ar', enabledSites: ['github'] });
    expect(saved).toEqual({
      ...DEFAULT_SETTINGS,
      dormancyYears: 5,
      language: 'ar',
      enabledSites: ['github'],
    });
    expect(await getSettings(tdb)).toEqual(saved);
  });

  test('settings stored before a setting existed get its default', async () => {
    const tdb = freshDb();
    const { digestWeekday: _dropped, ...older } = DEFAULT_SETTINGS;
    await tdb.meta.put({ key: 'settings', value: { ...older, dormancyYears: 7 } as typeof DEFAULT_SETTINGS });
    expect(await getSettings(tdb)).toEqual({ ...DEFAULT_SETTINGS, dormancyYears: 7 });
  });

  test('getMeta and setMeta round-trip typed values', async () => {
    const tdb = freshDb();
    expect(await getMeta(tdb, 'lastScanAt')).toBeUndefined();
    await setMeta(tdb, 'lastScanAt', 1_700_000_000_000);
    await setMeta(tdb, 'lastBackupAt', 42);
    expect(await getMeta(tdb, 'lastScanAt')).toBe(1_700_000_000_000);
    expect(await getMeta(tdb, 'lastBackupAt')).toBe(42);
  });
});

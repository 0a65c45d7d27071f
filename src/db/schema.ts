/** The extension's one database (opened by database.ts; read before Dexie loads by startupRead.ts). */
export const DB_NAME = 'trust-notes';

/**
 * The newest schema version, the one migrations.ts declares last. Dexie opens IndexedDB at ten times its
 * version number; code that opens the database without Dexie compares against IDB_VERSION.
 */
export const SCHEMA_VERSION = 2;
export const IDB_VERSION = SCHEMA_VERSION * 10;

// Every schema version exactly as it shipped. A shipped version is never edited: a change is a new
// version here plus its upgrade in migrations.ts, and a fixture in test/fixtures/db/.

/**
 * Version 1.
 * - people: derived sort keys (`nameSort`, `connectedSort`, `lastWorkDate`) are never undefined, so every
 *   person is in every sort index; `fromImportKey` is 0/1 because booleans are not valid IndexedDB keys.
 * - flags: `[state+raisedAt]` lists the newest open flags without loading the rest (dormant flags can
 *   number in the tens of thousands).
 * - people.introducedBy lets a merge or delete repoint references without scanning every person.
 */
export const SCHEMA_V1 = {
  people:
    'id, stage, connectedSort, *nameWords, *tags, lastWorkDate, updatedAt, fromImportKey, nameSort, [stage+nameSort], introducedBy',
  profiles: 'key, personId, site',
  sharedWork: 'id, personId, startDate, endDate, kind, status, updatedAt',
  notes: 'id, personId, updatedAt',
  flags: 'id, personId, kind, state, [state+kind], [state+raisedAt]',
  meta: 'key',
} as const;

/**
 * Version 2: sync's outbox (db/syncOutbox.ts), one row per changed record of a synced table, written with the
 * change. Empty, and not written to, until sync is set up on the device.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  syncOutbox: 'key',
} as const;

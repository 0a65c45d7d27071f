/** The extension's one database (opened by database.ts; read before Dexie loads by startupRead.ts). */
export const DB_NAME = 'trust-notes';

/**
 * The newest schema version, the one migrations.ts declares last. Dexie opens IndexedDB at ten times its
 * version number; code that opens the database without Dexie compares against IDB_VERSION.
 */
export const SCHEMA_VERSION = 3;
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
 * Version 2: the weekly queue instead of one stored flag per dormant connection.
 * - people: `untestedSince` (the last day of the first contact, '' once any step is taken) answers "who can be
 *   dormant today" as one range; `queueRank` (only for those people, so the index holds no one else) orders them by
 *   warmth and untested time. Both depend on the person and their work only, never on today's date.
 * - queue: one entry per person the worker queued or the user decided about (snoozed, dismissed, started).
 * - messages: the text of LinkedIn messages, kept only when the user asks for it in an import.
 * - flags: no more `dormant` flags (the upgrade turns the user's snoozes and dismissals of them into queue entries).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  people:
    'id, stage, connectedSort, *nameWords, *tags, lastWorkDate, updatedAt, fromImportKey, nameSort, [stage+nameSort], introducedBy, untestedSince, queueRank',
  queue: 'id, state',
  messages: 'id, personId, date',
} as const;

/**
 * Version 3: sync's outbox (db/syncOutbox.ts), one row per changed record of a synced table, written with the
 * change. Empty, and not written to, until sync is set up on the device.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  syncOutbox: 'key',
} as const;

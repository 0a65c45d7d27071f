// The popup's first screen read without Dexie must show exactly what Dexie's queries show, and must never
// create, upgrade or hold the database.
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, type Flag } from '../../../src/core/types.ts';
import { saveSettings } from '../../../src/db/meta.ts';
import { createPerson } from '../../../src/db/mutations.ts';
import { openFlags, queuedPeople, recentWork } from '../../../src/db/queries.ts';
import { refreshQueueEntries } from '../../../src/db/queue.ts';
import { IDB_VERSION } from '../../../src/db/schema.ts';
import { readStartup } from '../../../src/db/startupRead.ts';
import { work } from '../core/build.ts';
import { freshDb } from './testDb.ts';

function flag(id: string, personId: string, state: Flag['state'], raisedAt: number): Flag {
  return { id, personId, kind: 'stalled', state, raisedAt, updatedAt: raisedAt };
}

const recorded = (id: string, personId: string, updatedAt: number) => work({ id, personId, updatedAt });

/** People, flags in every state (ties included, one whose person is gone) and works out of order. */
async function seeded() {
  const tdb = freshDb();
  const people = [];
  for (const name of ['Ana', 'Bilal', 'Chen', 'سلمى']) people.push(await createPerson(tdb, { name }));
  const [a, b, c, d] = people.map((p) => p.id) as [string, string, string, string];
  await tdb.flags.bulkPut([
    flag('f1', a, 'open', 100),
    flag('f2', b, 'open', 300),
    flag('f3', c, 'snoozed', 900),
    flag('f4', d, 'open', 300),
    flag('f5', a, 'dismissed', 800),
    flag('f6', 'gone', 'open', 700),
    flag('f7', c, 'open', 50),
    flag('f8', d, 'open', 600),
  ]);
  await tdb.sharedWork.bulkPut([
    recorded('w1', a, 10),
    recorded('w2', b, 40),
    recorded('w3', 'gone', 50),
    recorded('w4', c, 30),
    recorded('w5', d, 40),
  ]);
  return tdb;
}

describe('readStartup', () => {
  test.each([
    { flags: 0, recent: 0 },
    { flags: 1, recent: 1 },
    { flags: 3, recent: 2 },
    { flags: 5, recent: 5 },
    { flags: 100, recent: 100 },
  ])('shows what openFlags and recentWork show: %o', async (limits) => {
    const tdb = await seeded();
    const read = await readStartup(limits, indexedDB, tdb.name);
    expect(read).toBeDefined();
    expect(read?.flags).toEqual(await openFlags(tdb, limits.flags));
    expect(read?.recent).toEqual(await recentWork(tdb, limits.recent));
  });

  test('newest open flags first, ties by id as the index orders them; none that is not open', async () => {
    const tdb = await seeded();
    const read = await readStartup({ flags: 10, recent: 0 }, indexedDB, tdb.name);
    // f6 is open but its person is gone: skipped, as openFlags skips it.
    expect(read?.flags.map((item) => item.flag.id)).toEqual(['f8', 'f4', 'f2', 'f1', 'f7']);
    expect(read?.flags.map((item) => item.person.name)).toEqual(['سلمى', 'سلمى', 'Bilal', 'Ana', 'Chen']);
  });

  test("this week's queue, best first, exactly as queuedPeople reads it", async () => {
    const tdb = await seeded();
    for (const [name, connectedOn] of [
      ['Old', '2010-01-01'],
      ['Older', '2008-05-05'],
      ['Recent', '2024-12-01'],
    ])
      await createPerson(tdb, { name: name!, connectedOn });
    await refreshQueueEntries(tdb, new Date(2026, 0, 1).getTime());
    const read = await readStartup({ flags: 1, recent: 1 }, indexedDB, tdb.name);
    expect(read?.queue.map((item) => item.person.name)).toEqual(['Older', 'Old']);
    expect(read?.queue).toEqual(await queuedPeople(tdb));
  });

  test('the stored settings over the defaults', async () => {
    const tdb = await seeded();
    expect((await readStartup({ flags: 1, recent: 1 }, indexedDB, tdb.name))?.settings).toEqual(
      DEFAULT_SETTINGS,
    );
    await saveSettings(tdb, { language: 'ar', dormancyYears: 5 });
    expect((await readStartup({ flags: 1, recent: 1 }, indexedDB, tdb.name))?.settings).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'ar',
      dormancyYears: 5,
    });
  });

  test('no database yet: undefined, and none is created (Dexie creates it)', async () => {
    const name = `startup-missing-${process.pid}`;
    expect(await readStartup({ flags: 5, recent: 5 }, indexedDB, name)).toBeUndefined();
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(name);
  });

  test('a database at another version: undefined, and left as it was', async () => {
    const name = `startup-other-${process.pid}`;
    for (const version of [IDB_VERSION - 5, IDB_VERSION + 10]) {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, version);
        request.onupgradeneeded = () => {
          for (const store of ['people', 'flags', 'sharedWork', 'meta']) {
            if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
          }
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      expect(await readStartup({ flags: 5, recent: 5 }, indexedDB, name)).toBeUndefined();
      const still = (await indexedDB.databases()).find((db) => db.name === name);
      expect(still?.version).toBe(version);
    }
    indexedDB.deleteDatabase(name);
  });

  test('lets go of the database: an upgrade right after is not blocked', async () => {
    const tdb = await seeded();
    tdb.close();
    await readStartup({ flags: 5, recent: 5 }, indexedDB, tdb.name);
    const version = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(tdb.name, IDB_VERSION + 10);
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the startup read'));
    });
    expect(version).toBe(IDB_VERSION + 10);
  });
});

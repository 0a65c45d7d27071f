import { Dexie } from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { openTrustDb, type TrustDb } from '../../../src/db/database.ts';
import { SCHEMA_V1 } from '../../../src/db/schema.ts';
import { reloadOnVersionChange } from '../../../src/db/versionChange.ts';

// A newer build's database: the same tables plus one more version, as an extension update would ship.
function newerBuild(name: string): Dexie {
  const next = new Dexie(name);
  next.version(1).stores(SCHEMA_V1);
  next.version(2).stores({ ...SCHEMA_V1, notes: 'id, personId, updatedAt, pinned' });
  return next;
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) d.close();
});

async function oldPage(name: string): Promise<{ old: TrustDb; reload: ReturnType<typeof vi.fn> }> {
  const old = openTrustDb(name);
  opened.push(old);
  const reload = vi.fn();
  reloadOnVersionChange(old, reload);
  await old.people.count(); // the page has the database open, as a page showing data does
  return { old, reload };
}

describe('reloadOnVersionChange', () => {
  test('an open old-version page lets the upgrade through, closes for good, and reloads once', async () => {
    const name = `vc-${crypto.randomUUID()}`;
    const { old, reload } = await oldPage(name);
    await old.meta.put({ key: 'lastBackupAt', value: 42 });

    const next = newerBuild(name);
    opened.push(next);
    const blocked = vi.fn();
    next.on('blocked', blocked);
    await next.open();

    expect(next.verno).toBe(2);
    expect(blocked).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(old.isOpen()).toBe(false);
    // The old code must not quietly reopen the upgraded database underneath the reload.
    await expect(old.people.count()).rejects.toThrow(/closed/i);
    // Nothing saved before the upgrade is lost.
    expect(await next.table('meta').get('lastBackupAt')).toEqual({ key: 'lastBackupAt', value: 42 });
  });

  test('every open page reloads, each exactly once', async () => {
    const name = `vc-${crypto.randomUUID()}`;
    const pages = await Promise.all([oldPage(name), oldPage(name), oldPage(name)]);
    const next = newerBuild(name);
    opened.push(next);
    await next.open();
    expect(pages.map((p) => p.reload.mock.calls.length)).toEqual([1, 1, 1]);
  });

  test('without it, the old code goes on writing into the upgraded database', async () => {
    // The control: Dexie 4 reopens a newer database with older code, so old-shape rows slip past
    // the upgrade. This is what closing for good prevents.
    const name = `vc-${crypto.randomUUID()}`;
    const old = openTrustDb(name);
    opened.push(old);
    await old.people.count();
    const next = newerBuild(name);
    opened.push(next);
    await next.open();
    await old.meta.put({ key: 'lastBackupAt', value: 7 });
    expect(await next.table('meta').get('lastBackupAt')).toEqual({ key: 'lastBackupAt', value: 7 });
  });
});

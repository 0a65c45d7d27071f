import { liveQuery } from 'dexie';
import { describe, expect, test } from 'vitest';
import { addSharedWork, createPerson, ensurePersonForSnapshot, setTags } from '../../../src/db/mutations.ts';
import { freshDb, goodSmallTask, snapshot } from './testDb.ts';

// Two instances on one database name stand in for two extension contexts (a page and the worker).
describe('two TrustDb instances on the same database', () => {
  test('concurrent writes from both land', async () => {
    const name = `shared-${process.pid}-writes`;
    const first = freshDb(name);
    const second = freshDb(name);
    const [a, b] = await Promise.all([
      createPerson(first, { name: 'From first' }),
      createPerson(second, { name: 'From second' }),
    ]);
    await Promise.all([addSharedWork(first, b.id, goodSmallTask), setTags(second, a.id, ['both'])]);
    expect((await first.people.toArray()).map((row) => row.name).sort()).toEqual([
      'From first',
      'From second',
    ]);
    expect(await second.people.get(b.id)).toMatchObject({ stage: 'tested' });
    expect((await first.people.get(a.id))?.tags).toEqual(['both']);
  });

  test('the same profile quick-added from both at once makes one person', async () => {
    const name = `shared-${process.pid}-race`;
    const first = freshDb(name);
    const second = freshDb(name);
    const snap = snapshot('race', { name: 'Race' });
    const [x, y] = await Promise.all([
      ensurePersonForSnapshot(first, snap),
      ensurePersonForSnapshot(second, snap),
    ]);
    expect(x.person.id).toBe(y.person.id);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    expect(await first.people.count()).toBe(1);
  });

  test("a liveQuery on one sees the other's write", async () => {
    const name = `shared-${process.pid}-live`;
    const watcher = freshDb(name);
    const writer = freshDb(name);
    const seen: string[][] = [];
    let watching: () => void = () => {};
    const firstResult = new Promise<void>((resolve) => {
      watching = resolve;
    });
    const arrived = new Promise<void>((resolve, reject) => {
      const subscription = liveQuery(() => watcher.people.toArray()).subscribe({
        next: (rows) => {
          seen.push(rows.map((row) => row.name));
          watching();
          if (rows.length === 1) {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    });
    // The write comes once the watcher has read the empty table, so it is a change the query must follow.
    await firstResult;
    await createPerson(writer, { name: 'وليد 🌿' });
    await arrived;
    expect(seen[0]).toEqual([]);
    expect(seen.at(-1)).toEqual(['وليد 🌿']);
  });
});

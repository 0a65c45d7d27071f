import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { STAGES } from '../../../src/core/trust.ts';
import type { Flag, FlagKind, FlagState } from '../../../src/core/types.ts';
import {
  AGGREGATES_KEY,
  type Aggregates,
  countAggregates,
  getAggregates,
  recountAggregates,
  repairAggregates,
} from '../../../src/db/aggregates.ts';
import type { TrustDb } from '../../../src/db/database.ts';
import {
  addSharedWork,
  applyFlagChanges,
  createPerson,
  type DeletedPerson,
  deletePerson,
  deleteSharedWork,
  dismissFlag,
  mergePeople,
  restoreDeleted,
  snoozeFlag,
} from '../../../src/db/mutations.ts';
import { countOpenFlags, countsByStage, listPeople } from '../../../src/db/queries.ts';
import { freshDb, goodSmallTask, unpaidProject } from './testDb.ts';

/** A write straight to IndexedDB, past Dexie and its middleware. */
function rawPut(name: string, store: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const tx = idb.transaction(store, 'readwrite');
      tx.objectStore(store).put(value);
      tx.oncomplete = () => {
        idb.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function stored(tdb: TrustDb): Promise<Aggregates | undefined> {
  return (await tdb.meta.get(AGGREGATES_KEY))?.value as Aggregates | undefined;
}

function flag(personId: string, kind: FlagKind, state: FlagState): Flag {
  return { id: `${personId}:${kind}`, personId, kind, state, raisedAt: 1, updatedAt: 1 };
}

const KINDS: FlagKind[] = ['stalled', 'paymentOverdue', 'followUpDue', 'vouchWithoutWork'];
const STATES: FlagState[] = ['open', 'snoozed', 'dismissed', 'closed'];

/** Every kind of write the app makes, on people and flags picked by index among those that exist. */
const operation = fc.oneof(
  fc.record({ op: fc.constant('create'), name: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('work'), who: fc.nat(), good: fc.boolean() }),
  fc.record({ op: fc.constant('deleteWork'), which: fc.nat() }),
  fc.record({ op: fc.constant('deletePerson'), who: fc.nat() }),
  fc.record({ op: fc.constant('undoDelete') }),
  fc.record({ op: fc.constant('merge'), keep: fc.nat(), merge: fc.nat() }),
  fc.record({
    op: fc.constant('scanFlags'),
    who: fc.nat(),
    kind: fc.constantFrom(...KINDS),
    state: fc.constantFrom(...STATES),
  }),
  fc.record({ op: fc.constant('removeFlag'), which: fc.nat() }),
  fc.record({ op: fc.constant('snooze'), which: fc.nat() }),
  fc.record({ op: fc.constant('dismiss'), which: fc.nat() }),
  // Raw bulk writes, as the import and the restore make them.
  fc.record({ op: fc.constant('bulkStages'), stage: fc.constantFrom(...STAGES) }),
  fc.record({ op: fc.constant('clearFlags') }),
  fc.record({ op: fc.constant('partialDelete'), which: fc.nat() }),
  // Several writes in one transaction at once, and two transactions at once.
  fc.record({ op: fc.constant('parallelInOneTransaction'), which: fc.nat() }),
  fc.record({ op: fc.constant('twoTransactions'), who: fc.nat(), name: fc.string({ maxLength: 4 }) }),
  // Anyone but the counting code writing the counts (a restored backup's meta row).
  fc.record({ op: fc.constant('outsideWrite') }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function pick<T>(items: Promise<T[]>, n: number): Promise<T | undefined> {
  const list = await items;
  return list.length === 0 ? undefined : list[n % list.length];
}

async function run(tdb: TrustDb, step: Operation, undo: DeletedPerson[]): Promise<void> {
  const person = (n: number) => pick(tdb.people.orderBy('id').toArray(), n);
  const someFlag = (n: number) => pick(tdb.flags.orderBy('id').toArray(), n);
  switch (step.op) {
    case 'create':
      await createPerson(tdb, { name: step.name.trim() || 'x' });
      return;
    case 'work': {
      const row = await person(step.who);
      if (row) await addSharedWork(tdb, row.id, step.good ? goodSmallTask : unpaidProject);
      return;
    }
    case 'deleteWork': {
      const work = await pick(tdb.sharedWork.orderBy('id').toArray(), step.which);
      if (work) await deleteSharedWork(tdb, work.id);
      return;
    }
    case 'deletePerson': {
      const row = await person(step.who);
      if (row) undo.push(await deletePerson(tdb, row.id));
      return;
    }
    case 'undoDelete': {
      const deleted = undo.pop();
      if (deleted) await restoreDeleted(tdb, deleted);
      return;
    }
    case 'merge': {
      const [keep, merge] = [await person(step.keep), await person(step.merge)];
      if (keep && merge && keep.id !== merge.id) await mergePeople(tdb, keep.id, merge.id);
      return;
    }
    case 'scanFlags': {
      const row = await person(step.who);
      if (row) await applyFlagChanges(tdb, [flag(row.id, step.kind, step.state)]);
      return;
    }
    case 'removeFlag': {
      const found = await someFlag(step.which);
      if (found) await applyFlagChanges(tdb, [], [found.id]);
      return;
    }
    case 'snooze': {
      const found = await someFlag(step.which);
      if (found) await snoozeFlag(tdb, found.id, Date.now() + 86_400_000);
      return;
    }
    case 'dismiss': {
      const found = await someFlag(step.which);
      if (found) await dismissFlag(tdb, found.id);
      return;
    }
    case 'bulkStages': {
      const rows = await tdb.people.toArray();
      await tdb.people.bulkPut(
        rows.filter((_, i) => i % 2 === 0).map((row) => ({ ...row, stage: step.stage })),
      );
      return;
    }
    case 'clearFlags':
      await tdb.flags.clear();
      return;
    case 'partialDelete': {
      const row = await person(step.which);
      if (row) await tdb.people.where(':id').below(row.id).delete();
      return;
    }
    case 'parallelInOneTransaction': {
      const flags = await tdb.flags.toArray();
      await tdb.transaction('rw', tdb.flags, () =>
        Promise.all(
          flags.map((f, i) =>
            (i + step.which) % 3 === 0
              ? tdb.flags.delete(f.id)
              : tdb.flags.put({ ...f, state: f.state === 'open' ? 'dismissed' : 'open' }),
          ),
        ),
      );
      return;
    }
    case 'twoTransactions': {
      const row = await person(step.who);
      await Promise.all([
        createPerson(tdb, { name: `${step.name}y` }),
        row ? addSharedWork(tdb, row.id, goodSmallTask) : undefined,
        row ? applyFlagChanges(tdb, [flag(row.id, 'stalled', 'open')]) : undefined,
      ]);
      return;
    }
    case 'outsideWrite':
      await tdb.meta.put({
        key: AGGREGATES_KEY,
        value: { stages: Object.fromEntries(STAGES.map((s) => [s, 99])) as never, openFlags: 99 },
      });
      return;
  }
}

describe('stored counts', () => {
  test('after any sequence of writes they equal a full recount, or are missing and a repair restores them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (steps) => {
        const tdb = freshDb();
        await repairAggregates(tdb);
        const undo: DeletedPerson[] = [];
        for (const step of steps) {
          await run(tdb, step, undo);
          const counted = await countAggregates(tdb);
          const kept = await stored(tdb);
          if (kept !== undefined) expect(kept, step.op).toEqual(counted);
          // Whatever the state, readers get the true counts.
          expect(await getAggregates(tdb)).toEqual(counted);
          if (kept === undefined) {
            expect(await repairAggregates(tdb)).toBe(true);
            expect(await stored(tdb)).toEqual(counted);
          }
        }
        await tdb.delete();
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  test('writes running at once in one transaction each count what the previous one left', async () => {
    const tdb = freshDb();
    await repairAggregates(tdb);
    const person = await createPerson(tdb, { name: 'Many' });
    await applyFlagChanges(
      tdb,
      KINDS.map((kind) => flag(person.id, kind, 'open')),
    );
    expect((await stored(tdb))?.openFlags).toBe(4);
    const flags = await tdb.flags.toArray();
    await tdb.transaction('rw', tdb.flags, () =>
      Promise.all(flags.map((f) => tdb.flags.put({ ...f, state: 'dismissed' }))),
    );
    expect((await stored(tdb))?.openFlags).toBe(0);
  });

  test.each([
    ['a partial range delete', (tdb: TrustDb, id: string) => tdb.people.where(':id').below(id).delete()],
    [
      'an outside write of the counts row',
      (tdb: TrustDb) => tdb.meta.put({ key: AGGREGATES_KEY, value: 7 as never }),
    ],
    ['clearing meta', (tdb: TrustDb) => tdb.meta.clear()],
  ])('%s drops the counts instead of leaving them wrong', async (_, write) => {
    const tdb = freshDb();
    await repairAggregates(tdb);
    const [a, b] = [await createPerson(tdb, { name: 'A' }), await createPerson(tdb, { name: 'B' })];
    await write(tdb, [a.id, b.id].sort()[1]!);
    expect(await stored(tdb)).toBeUndefined();
    expect(await repairAggregates(tdb)).toBe(true);
    expect(await stored(tdb)).toEqual(await countAggregates(tdb));
  });

  test('a database from before the counts (none stored) is counted once, then read from meta', async () => {
    const tdb = freshDb();
    const person = await createPerson(tdb, { name: 'Old' });
    await addSharedWork(tdb, person.id, goodSmallTask);
    await applyFlagChanges(tdb, [flag(person.id, 'stalled', 'open')]);
    // Writes while the counts are missing leave them missing: nothing to keep exact.
    expect(await stored(tdb)).toBeUndefined();
    expect(await countsByStage(tdb)).toMatchObject({ tested: 1, connected: 0 });
    expect(await countOpenFlags(tdb)).toBe(1);
    expect(await repairAggregates(tdb)).toBe(true);
    expect(await repairAggregates(tdb)).toBe(false);
    expect(await stored(tdb)).toEqual({
      stages: { ...Object.fromEntries(STAGES.map((s) => [s, 0])), tested: 1 },
      openFlags: 1,
    });
  });

  test('readers use the stored counts (the list total, the stage counts, the badge)', async () => {
    const tdb = freshDb();
    await createPerson(tdb, { name: 'Real' });
    // Counts that disagree with the rows, written as only the recount may: the readers must show them,
    // which proves they do not count the rows themselves.
    await recountAggregates(tdb);
    const planted = { stages: { ...(await countsByStage(tdb)), proven: 41 }, openFlags: 12 };
    await rawPut(tdb.name, 'meta', { key: AGGREGATES_KEY, value: planted });
    expect(await stored(tdb)).toEqual(planted);
    expect(await countsByStage(tdb)).toEqual(planted.stages);
    expect(await countOpenFlags(tdb)).toBe(12);
    expect((await listPeople(tdb, { limit: 10 })).total).toBe(42);
  });
});

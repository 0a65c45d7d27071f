import type { DBCore } from 'dexie';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import {
  ensureFullScan,
  restartFullScan,
  runFullScan,
  scanPage,
  scanPerson,
  scanUnderWay,
} from '../../../src/background/scan.ts';
import type { Flag, Person, SharedWork } from '../../../src/core/types.ts';
import { openTrustDb, type TrustDb } from '../../../src/db/database.ts';
import { getMeta, saveSettings } from '../../../src/db/meta.ts';
import { derivePersonRow } from '../../../src/db/personRow.ts';
import { DATA_NOW, generateNetwork, type Network, seedNetwork } from '../../data/network.ts';
import { work as buildWork } from '../core/build.ts';
import { freshDb } from '../db/testDb.ts';

const DAY = 86_400_000;

function person(id: string, extra: Partial<Person> = {}): Person {
  return { id, name: id, tags: [], userEdited: [], createdAt: 0, updatedAt: 0, ...extra };
}

/** Work they delivered to me, undated unless a test dates it (build.ts's work() with this file's defaults). */
const work = (id: string, personId: string, extra: Partial<SharedWork>): SharedWork =>
  buildWork({ id, personId, direction: 'theyDelivered', endDate: undefined, ...extra });

/** One person per flag rule, and one with nothing to flag. */
const FIXTURE: Network = {
  people: [
    person('dormant', { connectedOn: '2018-02-01' }),
    person('stalled', { connectedOn: '2015-01-01' }),
    person('payer', { connectedOn: '2023-01-01' }),
    person('planner', { connectedOn: '2023-01-01' }),
    person('fresh', { connectedOn: '2023-09-01' }),
  ],
  works: [
    work('w-stalled', 'stalled', { endDate: '2019-05-01', outcome: { quality: 5 } }),
    work('w-paid', 'payer', {
      kind: 'paidProject',
      endDate: '2024-03-01',
      outcome: { quality: 4, payment: { status: 'pending' } },
    }),
    work('w-plan', 'planner', { status: 'planned', startDate: '2024-05-01' }),
  ],
  profiles: [],
  flags: [],
};

async function seeded(network: Network, name?: string): Promise<TrustDb> {
  const tdb = freshDb(name);
  await seedNetwork(tdb, network);
  return tdb;
}

async function fullScan(tdb: TrustDb, now = DATA_NOW, pageSize?: number): Promise<void> {
  await restartFullScan(tdb, now);
  await runFullScan(tdb, { pageSize });
}

const sortedFlags = async (tdb: TrustDb) =>
  (await tdb.flags.toArray()).sort((a, b) => a.id.localeCompare(b.id));
const states = async (tdb: TrustDb) =>
  Object.fromEntries((await sortedFlags(tdb)).map((flag) => [flag.id, flag.state]));

describe('full scan', () => {
  test('raises one open flag per applicable rule, dated at the scan time', async () => {
    const tdb = await seeded(FIXTURE);
    await fullScan(tdb);
    // Dormant connections are no flags any more: the weekly queue picks among them (background/queue.ts).
    expect(await states(tdb)).toEqual({
      'payer:paymentOverdue:w-paid': 'open',
      'planner:followUpDue:w-plan': 'open',
      'stalled:stalled': 'open',
    });
    for (const flag of await tdb.flags.toArray()) expect(flag.raisedAt).toBe(DATA_NOW);
    expect(await getMeta(tdb, 'lastScanAt')).toBe(DATA_NOW);
    expect(await scanUnderWay(tdb)).toBe(false);
  });

  test.each<[string, Partial<Flag>, Flag['state']]>([
    ['an open flag that no longer applies is closed', { id: 'fresh:stalled', personId: 'fresh' }, 'closed'],
    ['a closed flag that applies again reopens', { id: 'stalled:stalled', state: 'closed' }, 'open'],
    ['a dismissed flag stays dismissed', { id: 'stalled:stalled', state: 'dismissed' }, 'dismissed'],
    [
      'a flag snoozed into the future stays snoozed',
      { id: 'stalled:stalled', state: 'snoozed', snoozedUntil: DATA_NOW + DAY },
      'snoozed',
    ],
    [
      'a dismissed flag that no longer applies stays dismissed',
      { id: 'fresh:stalled', personId: 'fresh', state: 'dismissed' },
      'dismissed',
    ],
  ])('%s', async (_, stored, expected) => {
    const flag: Flag = {
      id: 'stalled:stalled',
      personId: 'stalled',
      kind: 'stalled',
      state: 'open',
      raisedAt: DATA_NOW - DAY,
      updatedAt: DATA_NOW - DAY,
      ...stored,
    };
    const tdb = await seeded({ ...FIXTURE, flags: [flag] });
    await fullScan(tdb);
    expect((await tdb.flags.get(flag.id))?.state).toBe(expected);
  });

  test('scanning twice with nothing changed writes nothing the second time', async () => {
    const tdb = await seeded(generateNetwork(120, 240, 7));
    await fullScan(tdb, DATA_NOW, 25);
    const first = await sortedFlags(tdb);
    await fullScan(tdb, DATA_NOW + 1000, 25);
    expect(await sortedFlags(tdb)).toEqual(first);
  });

  test('follows the settings: a higher stalled threshold closes the stalled flag', async () => {
    const tdb = await seeded(FIXTURE);
    await fullScan(tdb);
    expect((await tdb.flags.get('stalled:stalled'))?.state).toBe('open');
    await saveSettings(tdb, { stalledYears: 10 });
    await fullScan(tdb);
    expect((await tdb.flags.get('stalled:stalled'))?.state).toBe('closed');
  });

  test('removes flags of people no longer stored', async () => {
    const tdb = await seeded(FIXTURE);
    const orphan: Flag = {
      id: 'gone:stalled',
      personId: 'gone',
      kind: 'stalled',
      state: 'open',
      raisedAt: 0,
      updatedAt: 0,
    };
    await tdb.flags.put(orphan);
    await fullScan(tdb);
    expect(await tdb.flags.get('gone:stalled')).toBeUndefined();
  });

  test('refreshes a stage once the future-dated work it waits on has happened, and only then', async () => {
    const future = work('w-future', 'fresh', {
      kind: 'trial',
      startDate: '2024-06-01',
      endDate: '2024-06-10',
    });
    const tdb = await seeded({ ...FIXTURE, works: [...FIXTURE.works, future] });
    // Derived when the trial was still ahead, so it was not yet evidence.
    const before = derivePersonRow(FIXTURE.people[4]!, [future], new Date(Date.UTC(2024, 4, 1, 12)));
    await tdb.people.put(before);
    // db's refreshDerivedFields derives as of the clock, so the clock moves with the scans.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.UTC(2024, 4, 2, 12));
      await fullScan(tdb, Date.now());
      expect((await tdb.people.get('fresh'))?.stage).toBe(before.stage);
      expect(before.stage).not.toBe('tested');
      vi.setSystemTime(DATA_NOW);
      await fullScan(tdb, DATA_NOW);
      expect((await tdb.people.get('fresh'))?.stage).toBe('tested');
    } finally {
      vi.useRealTimers();
    }
  });

  test('stores a checkpoint after each page, at the last person id done', async () => {
    const network = generateNetwork(10, 10, 3);
    const tdb = await seeded(network);
    const ids = network.people.map((p) => p.id).sort();
    await restartFullScan(tdb, DATA_NOW);
    expect(await scanPage(tdb, 4)).toBe('more');
    expect(await getMeta(tdb, 'scanCheckpoint')).toEqual({ now: DATA_NOW, after: ids[3] });
    expect(await scanPage(tdb, 4)).toBe('more');
    expect(await getMeta(tdb, 'scanCheckpoint')).toEqual({ now: DATA_NOW, after: ids[7] });
    expect(await scanPage(tdb, 4)).toBe('finished');
    expect(await getMeta(tdb, 'scanCheckpoint')).toBeUndefined();
    expect(await scanPage(tdb, 4)).toBe('idle');
  });

  test('a scan killed after any page and run again gives the flags of an uninterrupted scan', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        fc.nat({ max: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        async (people, pageSize, killAfter, seed) => {
          run += 1;
          const network = generateNetwork(people, people * 2, seed);
          const whole = await seeded(network, `whole-${process.pid}-${run}`);
          await fullScan(whole, DATA_NOW, pageSize);

          const name = `killed-${process.pid}-${run}`;
          const killed = await seeded(network, name);
          await restartFullScan(killed, DATA_NOW);
          for (let i = 0; i < killAfter; i++) await scanPage(killed, pageSize);
          killed.close();
          // A new worker: a fresh connection and no memory of the old one.
          const revived = openTrustDb(name);
          await runFullScan(revived, { pageSize });
          expect(await sortedFlags(revived)).toEqual(await sortedFlags(whole));
          expect(await revived.people.toArray()).toEqual(await whole.people.toArray());
          await revived.delete();
        },
      ),
      { numRuns: 20 },
    );
  });

  test('never reads more rows at once than a page of people and their records', async () => {
    const network = generateNetwork(300, 600, 11);
    const name = `rows-${process.pid}`;
    (await seeded(network, name)).close();
    // Middleware goes on before the database opens.
    const tdb = openTrustDb(name);
    let largest = 0;
    let peopleRead = 0;
    tdb.use({
      stack: 'dbcore',
      name: 'countRows',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            query: async (req) => {
              const res = await table.query(req);
              largest = Math.max(largest, res.result.length);
              if (tableName === 'people') peopleRead += res.result.length;
              return res;
            },
          };
        },
      }),
    });
    await fullScan(tdb, DATA_NOW, 20);
    expect(peopleRead).toBe(300);
    // 20 people hold at most a few dozen works here; loading everything would return hundreds.
    const mostWorksOnePage = 20 * Math.max(...[...countBy(network.works)].map(([, n]) => n));
    expect(largest).toBeLessThanOrEqual(Math.min(mostWorksOnePage, 100));
    tdb.close();
  });

  test('a restart while a scan runs also covers people before the old checkpoint', async () => {
    const tdb = await seeded(generateNetwork(60, 60, 5));
    await restartFullScan(tdb, DATA_NOW);
    await scanPage(tdb, 10);
    await scanPage(tdb, 10);
    const early = person('0000-new', { connectedOn: '2010-01-01' });
    const vouch = work('w-vouch', '0000-new', { kind: 'referralGiven', endDate: '2020-01-01' });
    await tdb.sharedWork.put(vouch);
    await tdb.people.put(derivePersonRow(early, [vouch], new Date(DATA_NOW)));
    const loop = runFullScan(tdb, { pageSize: 10 });
    await restartFullScan(tdb, DATA_NOW);
    await loop;
    expect((await tdb.flags.get('0000-new:vouchWithoutWork'))?.state).toBe('open');
    expect(await scanUnderWay(tdb)).toBe(false);
  });

  test('calls afterPage after every page it scanned', async () => {
    const tdb = await seeded(generateNetwork(25, 25, 2));
    await restartFullScan(tdb, DATA_NOW);
    const afterPage = vi.fn(async () => {});
    await runFullScan(tdb, { pageSize: 10, afterPage });
    expect(afterPage).toHaveBeenCalledTimes(3);
  });

  test('concurrent callers share one loop', async () => {
    const tdb = await seeded(generateNetwork(30, 30, 2));
    await restartFullScan(tdb, DATA_NOW);
    expect(runFullScan(tdb, { pageSize: 5 })).toBe(runFullScan(tdb, { pageSize: 5 }));
    await runFullScan(tdb, { pageSize: 5 });
  });
});

function countBy(works: readonly SharedWork[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of works) counts.set(w.personId, (counts.get(w.personId) ?? 0) + 1);
  return counts;
}

describe('ensureFullScan', () => {
  test.each([
    ['keeps a recent scan under way', DATA_NOW - 1000, DATA_NOW - 1000],
    ['replaces one older than the limit', DATA_NOW - 2 * DAY, DATA_NOW],
  ])('%s', async (_, startedAt, expectedNow) => {
    const tdb = freshDb();
    await restartFullScan(tdb, startedAt);
    await ensureFullScan(tdb, DAY, DATA_NOW);
    expect((await getMeta(tdb, 'scanCheckpoint'))?.now).toBe(expectedNow);
  });

  test('starts one when none is under way', async () => {
    const tdb = freshDb();
    await ensureFullScan(tdb, DAY, DATA_NOW);
    expect(await getMeta(tdb, 'scanCheckpoint')).toEqual({ now: DATA_NOW, after: '' });
  });
});

describe('scanPerson', () => {
  test('updates only the person edited', async () => {
    const tdb = await seeded(FIXTURE);
    await fullScan(tdb);
    // Something planned again: the stalled relationship is moving.
    await tdb.sharedWork.put(work('w-new', 'stalled', { status: 'planned', startDate: '2024-09-01' }));
    await tdb.sharedWork.delete('w-plan');
    await scanPerson(tdb, 'stalled', DATA_NOW + DAY);
    const flags = await states(tdb);
    expect(flags['stalled:stalled']).toBe('closed');
    // planner was not rescanned: its follow-up flag is left for the next full scan.
    expect(flags['planner:followUpDue:w-plan']).toBe('open');
    expect((await tdb.flags.get('stalled:stalled'))?.updatedAt).toBe(DATA_NOW + DAY);
  });

  test('removes the flags of a deleted person', async () => {
    const tdb = await seeded(FIXTURE);
    await fullScan(tdb);
    expect(await tdb.flags.where('personId').equals('stalled').count()).toBe(1);
    await tdb.people.delete('stalled');
    await scanPerson(tdb, 'stalled');
    expect(await tdb.flags.where('personId').equals('stalled').count()).toBe(0);
  });

  test('leaves a snoozed flag snoozed', async () => {
    const tdb = await seeded(FIXTURE);
    await fullScan(tdb);
    await tdb.flags.update('stalled:stalled', { state: 'snoozed', snoozedUntil: DATA_NOW + 5 * DAY });
    await scanPerson(tdb, 'stalled', DATA_NOW + DAY);
    expect((await tdb.flags.get('stalled:stalled'))?.state).toBe('snoozed');
  });
});

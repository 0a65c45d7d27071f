import { describe, expect, test } from 'vitest';
import { getPersonByProfileKey } from '../../../src/db/queries.ts';
import { seedDemoNetwork } from '../../../src/demo/seedDemo.ts';
import { freshDb } from '../db/testDb.ts';

const NOW = new Date('2026-05-20T12:00:00Z');

describe('seedDemoNetwork', () => {
  test.each([
    ['linkedin:jane-doe-1a2b3c', 'Jane Doe', 'ambassador', []],
    ['linkedin:omar-haddad', 'Omar Haddad', 'connected', []],
    ['linkedin:li-wei-88', 'Li Wei', 'tested', []],
    ['linkedin:فادي-الحسن-4b5c6d', 'فادي الحسن', 'acquainted', []],
    ['linkedin:sam-keller-agency', 'Sam Keller', 'caution', ['paymentOverdue']],
  ])('%s is %s at stage %s with open flags %j', async (key, name, stage, flagKinds) => {
    const tdb = freshDb();
    expect(await seedDemoNetwork(tdb, NOW)).toBe(5);
    const person = await getPersonByProfileKey(tdb, key);
    expect(person?.name).toBe(name);
    expect(person?.stage).toBe(stage);
    const flags = await tdb.flags.where('personId').equals(person!.id).toArray();
    expect(flags.filter((f) => f.state === 'open').map((f) => f.kind)).toEqual(flagKinds);
  });

  test('the dormant contact was connected five years ago, and is the weekly queue', async () => {
    const tdb = freshDb();
    await seedDemoNetwork(tdb, NOW);
    const omar = await getPersonByProfileKey(tdb, 'linkedin:omar-haddad');
    expect(omar?.connectedOn?.slice(0, 4)).toBe('2021');
    const queued = await tdb.queue.where('state').equals('queued').toArray();
    expect(queued.map((entry) => entry.personId)).toEqual([omar!.id]);
    expect(queued[0]?.reasons).toContainEqual({ code: 'untestedYears', years: 5 });
  });

  test('Jane has two linked profiles and her story is dated 2015 → 2016 → 2019', async () => {
    const tdb = freshDb();
    await seedDemoNetwork(tdb, NOW);
    const jane = await getPersonByProfileKey(tdb, 'github:octo-jane');
    expect(jane?.name).toBe('Jane Doe');
    const works = await tdb.sharedWork.where('personId').equals(jane!.id).toArray();
    const done = works.filter((w) => w.status === 'done');
    expect(done.map((w) => w.endDate).sort()).toEqual(['2016-03', '2017-09', '2019-06', '2021-11']);
    expect(works.filter((w) => w.status === 'planned')).toHaveLength(1);
  });

  test('never writes into a database that already has people', async () => {
    const tdb = freshDb();
    await seedDemoNetwork(tdb, NOW);
    expect(await seedDemoNetwork(tdb, NOW)).toBe(0);
    expect(await tdb.people.count()).toBe(5);
  });
});

// The worker's queue refresh over a real (fake-indexeddb) database: the stored indexes find the dormant people,
// core's rules move the queue, and the user's decisions hold.
import { describe, expect, test } from 'vitest';
import type { Person, SharedWork } from '../../../src/core/types.ts';
import { saveSettings } from '../../../src/db/meta.ts';
import {
  createPerson,
  deletePerson,
  dismissQueued,
  planFirstTask,
  setTags,
  snoozeQueued,
} from '../../../src/db/mutations.ts';
import { queuedPeople } from '../../../src/db/queries.ts';
import { refreshQueueEntries } from '../../../src/db/queue.ts';
import { freshDb } from './testDb.ts';

const NOW = new Date(2024, 5, 15, 12).getTime();
const DAY = 86_400_000;

async function network(n: number, extra: (i: number) => Partial<Person> = () => ({})) {
  const tdb = freshDb();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const person = await createPerson(tdb, {
      name: `Person ${i}`,
      connectedOn: `${2010 + (i % 10)}-03-01`,
      ...extra(i),
    });
    ids.push(person.id);
  }
  return { tdb, ids };
}

const queuedIds = async (tdb: ReturnType<typeof freshDb>) =>
  (await queuedPeople(tdb)).map(({ person }) => person.id);

const smallTask: Omit<SharedWork, 'id' | 'personId' | 'createdAt' | 'updatedAt'> = {
  kind: 'smallTask',
  direction: 'together',
  status: 'planned',
};

describe('refreshQueueEntries', () => {
  test('fills the queue with the best dormant people, warmest first, never anyone recent', async () => {
    const { tdb, ids } = await network(8);
    // Recent: not dormant at 3 years.
    await createPerson(tdb, { name: 'New', connectedOn: '2024-01-01' });
    // Warmer: tagged by the user.
    await setTags(tdb, ids[7]!, ['client']);
    expect(await refreshQueueEntries(tdb, NOW)).toBe(5);
    const queued = await queuedIds(tdb);
    expect(queued[0]).toBe(ids[7]);
    expect(queued).toHaveLength(5);
    // Among the rest, the longest untested first: connected 2010, 2011, 2012, 2013.
    expect(queued.slice(1)).toEqual(ids.slice(0, 4));
    const [top] = await queuedPeople(tdb);
    expect(top?.entry.reasons).toEqual([
      { code: 'tagged', tags: ['client'] },
      { code: 'untestedYears', years: 7 },
    ]);
    expect(top?.entry.step).toBe('offerShortConsultation');
  });

  test('snooze, dismiss and a planned task each move the next person in', async () => {
    const { tdb, ids } = await network(8);
    await saveSettings(tdb, { queueSize: 3 });
    await refreshQueueEntries(tdb, NOW);
    expect(await queuedIds(tdb)).toEqual(ids.slice(0, 3));
    await snoozeQueued(tdb, ids[0]!, NOW + 30 * DAY);
    await dismissQueued(tdb, ids[1]!);
    await planFirstTask(tdb, ids[2]!, smallTask);
    await refreshQueueEntries(tdb, NOW);
    expect(await queuedIds(tdb)).toEqual(ids.slice(3, 6));
    expect((await tdb.queue.get(ids[2]!))?.state).toBe('started');
    expect((await tdb.queue.get(ids[2]!))?.startedAt).toBeTypeOf('number');
    // The snooze runs out: the person is free to be picked again, and is, at the next open place.
    await refreshQueueEntries(tdb, NOW + 31 * DAY);
    expect(await tdb.queue.get(ids[0]!)).toBeUndefined();
    await dismissQueued(tdb, ids[3]!);
    await refreshQueueEntries(tdb, NOW + 31 * DAY);
    expect(await queuedIds(tdb)).toEqual([ids[0], ids[4], ids[5]]);
    // The dismissed person never comes back.
    expect((await tdb.queue.get(ids[1]!))?.state).toBe('dismissed');
  });

  test('a deleted person leaves the queue and the next comes in', async () => {
    const { tdb, ids } = await network(6);
    await refreshQueueEntries(tdb, NOW);
    await deletePerson(tdb, ids[0]!);
    await refreshQueueEntries(tdb, NOW);
    expect(await queuedIds(tdb)).toEqual(ids.slice(1, 6));
  });

  test('a lower queue size lets the lowest-ranked go; a higher dormancy threshold empties the queue', async () => {
    const { tdb } = await network(8);
    await refreshQueueEntries(tdb, NOW);
    await saveSettings(tdb, { queueSize: 2 });
    expect(await refreshQueueEntries(tdb, NOW)).toBe(2);
    await saveSettings(tdb, { dormancyYears: 30 });
    expect(await refreshQueueEntries(tdb, NOW)).toBe(0);
    expect(await tdb.queue.count()).toBe(0);
  });

  test('running it again with nothing changed writes nothing', async () => {
    const { tdb } = await network(8);
    await refreshQueueEntries(tdb, NOW);
    const before = await tdb.queue.toArray();
    await refreshQueueEntries(tdb, NOW + DAY);
    expect(await tdb.queue.toArray()).toEqual(before);
  });
});

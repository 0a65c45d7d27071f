import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { STEP_CODES } from '../../../src/core/codes.ts';
import type { QueueEntry } from '../../../src/core/types.ts';
import { countAggregates, getAggregates } from '../../../src/db/aggregates.ts';
import type { TrustDb } from '../../../src/db/database.ts';
import {
  addNote,
  addSharedWork,
  applyFlagChanges,
  applySyncedChanges,
  createPerson,
  deletePerson,
  dismissFlag,
  dismissQueued,
  restoreDeleted,
  type SyncedChange,
  undismissQueued,
  updatePerson,
} from '../../../src/db/mutations.ts';
import { toPerson } from '../../../src/db/personRow.ts';
import { personRecords, rowsByIds } from '../../../src/db/references.ts';
import { SCHEMA_V3 } from '../../../src/db/schema.ts';
import {
  forgetHandedOver,
  forgetThrough,
  nextBatch,
  OUTBOX_ON,
  outboxKey,
  pendingAmong,
  pendingChanges,
  pendingCount,
  recordEverything,
  restamp,
  startOutbox,
  stopOutbox,
} from '../../../src/db/syncOutbox.ts';
import { DEVICE_TABLES, SYNCED_TABLES, toSynced } from '../../../src/db/syncTables.ts';
import { generateNetwork, seedNetwork } from '../../data/network.ts';
import { freshDb, freshDbAt, goodSmallTask, unpaidProject } from './testDb.ts';

const keys = async (tdb: TrustDb) => (await pendingChanges(tdb, 1000)).map((row) => row.key).sort();

/** The worker's weekly pick of this person (db/queue.ts), not yet decided about. */
const queued = (personId: string): QueueEntry => ({
  id: personId,
  personId,
  state: 'queued',
  queuedAt: 1,
  reasons: [{ code: 'untestedYears', years: 5 }],
  step: STEP_CODES[0],
});

const keptMessage = (personId: string) => ({
  id: `m-${personId}`,
  personId,
  date: '2020-01-02',
  fromMe: false,
  text: 'the most sensitive words',
});

describe('which tables travel', () => {
  test('every table of the schema is either synced or kept on the device, never both', () => {
    const all = Object.keys(SCHEMA_V3).sort();
    const synced = Object.keys(SYNCED_TABLES);
    expect([...synced, ...DEVICE_TABLES].sort()).toEqual(all);
    expect(synced.filter((name) => DEVICE_TABLES.includes(name))).toEqual([]);
  });
});

describe('the outbox', () => {
  test('records nothing while sync is off', async () => {
    const tdb = freshDb();
    const person = await createPerson(tdb, { name: 'Hana Saleh' });
    await addNote(tdb, person.id, 'met at the meetup');
    expect(await tdb.syncOutbox.count()).toBe(0);
  });

  test('once on, records every changed record of a synced table in the write’s own transaction', async () => {
    const tdb = freshDb();
    await startOutbox(tdb);
    const person = await createPerson(tdb, { name: 'Hana Saleh' });
    const work = await addSharedWork(tdb, person.id, goodSmallTask);
    const note = await addNote(tdb, person.id, 'met at the meetup');
    expect(await keys(tdb)).toEqual(
      [outboxKey('people', person.id), outboxKey('sharedWork', work.id), outboxKey('notes', note.id)].sort(),
    );
    expect(await pendingCount(tdb)).toBe(3);
    // The marker is not a change.
    expect(await tdb.syncOutbox.get(OUTBOX_ON)).toBeDefined();
  });

  test('a write that fails records nothing: the change and its entry commit together', async () => {
    const tdb = freshDb();
    await startOutbox(tdb);
    const row = await createPerson(freshDb(), { name: 'A' });
    await expect(
      tdb.transaction('rw', tdb.people, async () => {
        await tdb.people.put(row);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await pendingCount(tdb)).toBe(0);
    expect(await tdb.people.count()).toBe(0);
  });

  test('a delete, and a clear (a restore) record every record they remove', async () => {
    const tdb = freshDb();
    const a = await createPerson(tdb, { name: 'A' });
    const b = await createPerson(tdb, { name: 'B' });
    await startOutbox(tdb);
    await deletePerson(tdb, a.id);
    expect(await keys(tdb)).toEqual([outboxKey('people', a.id)]);
    await tdb.people.clear();
    expect(await keys(tdb)).toEqual([outboxKey('people', a.id), outboxKey('people', b.id)].sort());
  });

  test('flags travel only as the user’s decisions, and a decision undone travels too', async () => {
    const tdb = freshDb();
    const person = await createPerson(tdb, { name: 'A' });
    await startOutbox(tdb);
    const open = {
      id: `${person.id}:stalled`,
      personId: person.id,
      kind: 'stalled' as const,
      state: 'open' as const,
      raisedAt: 1,
      updatedAt: 1,
    };
    await applyFlagChanges(tdb, [open]);
    expect(await keys(tdb)).toEqual([]);
    await dismissFlag(tdb, open.id);
    expect(await keys(tdb)).toEqual([outboxKey('flags', open.id)]);
    await tdb.syncOutbox.delete(outboxKey('flags', open.id));
    // Reopened (no scan does this, but a restore can): the other devices must hear it.
    await tdb.flags.put(open);
    expect(await keys(tdb)).toEqual([outboxKey('flags', open.id)]);
  });

  test('the queue travels only as the user’s decisions; kept message texts never leave the device', async () => {
    const tdb = freshDb();
    const person = await createPerson(tdb, { name: 'A' });
    await startOutbox(tdb);
    // Who is queued this week each device's worker picks for itself.
    await tdb.queue.put(queued(person.id));
    await tdb.messages.put(keptMessage(person.id));
    expect(await keys(tdb)).toEqual([]);
    // Dismissed: another device must not suggest them again.
    await dismissQueued(tdb, person.id);
    expect(await keys(tdb)).toEqual([outboxKey('queue', person.id)]);
    // The queue has no personId index: its entry joins its person's batch by the person's id.
    await updatePerson(tdb, person.id, { headline: 'Editor' });
    const batch = await nextBatch(tdb, 1);
    expect(batch.entries.map((entry) => entry.key)).toEqual([
      outboxKey('people', person.id),
      outboxKey('queue', person.id),
    ]);
    expect(batch.rows.get(outboxKey('queue', person.id))).toMatchObject({ state: 'dismissed' });
    // Undoing the dismissal travels: the other devices drop it too.
    await forgetHandedOver(tdb, await pendingChanges(tdb, 1000));
    await undismissQueued(tdb, person.id);
    expect(await keys(tdb)).toEqual([outboxKey('queue', person.id)]);
    await tdb.messages.update(`m-${person.id}`, { text: 'edited' });
    expect((await keys(tdb)).some((key) => key.startsWith('messages:'))).toBe(false);
  });

  test('a drain forgets only the entries no newer write replaced', async () => {
    const tdb = freshDb();
    await startOutbox(tdb);
    const a = await createPerson(tdb, { name: 'A' });
    const b = await createPerson(tdb, { name: 'B' });
    const handed = await pendingChanges(tdb, 10);
    await updatePerson(tdb, a.id, { headline: 'changed while sync worked' });
    await forgetHandedOver(tdb, handed);
    expect(await keys(tdb)).toEqual([outboxKey('people', a.id)]);
    expect(await keys(tdb)).not.toContain(outboxKey('people', b.id));
  });

  test('forgetting by range: only while nothing was recorded since the stamp, and never the marker', async () => {
    const tdb = freshDb();
    await startOutbox(tdb);
    const people = [];
    for (const name of ['A', 'B', 'C', 'D']) people.push(await createPerson(tdb, { name }));
    const sorted = (await pendingChanges(tdb, 10)).map((entry) => entry.key);
    expect(sorted).toHaveLength(4);
    const stamp = await restamp(tdb);
    // Up to the second key: the first two go, the others stay.
    expect(await forgetThrough(tdb, stamp, sorted[1])).toBe(true);
    expect(await keys(tdb)).toEqual(sorted.slice(2));
    // A change recorded since: nothing is forgotten by range any more, not even the entries it did not touch.
    const changed = people.find((person) => outboxKey('people', person.id) === sorted[0])!;
    await updatePerson(tdb, changed.id, { headline: 'recorded after the stamp' });
    expect(await forgetThrough(tdb, stamp, undefined)).toBe(false);
    expect(await keys(tdb)).toEqual(sorted.slice(0, 1).concat(sorted.slice(2)));
    // A new stamp, then everything: the pending entries go, sync stays on and records the next change.
    expect(await forgetThrough(tdb, await restamp(tdb), undefined)).toBe(true);
    expect(await pendingCount(tdb)).toBe(0);
    expect(await tdb.syncOutbox.get(OUTBOX_ON)).toBeDefined();
    await updatePerson(tdb, changed.id, { headline: 'and after that' });
    expect(await keys(tdb)).toEqual([sorted[0]]);
  });

  test('a batch read after another skips what was handed, unless a newer write replaced it', async () => {
    const tdb = freshDb();
    await startOutbox(tdb);
    for (const name of ['A', 'B', 'C', 'D']) await createPerson(tdb, { name });
    const one = await nextBatch(tdb, 2);
    const handed = new Map(one.entries.map((entry) => [entry.key, entry.tick]));
    expect(one.through).toBe(one.entries.map((entry) => entry.key).sort()[1]);
    // Rewritten after it was read: its entry has a new tick and is pending again.
    const rewritten = one.entries[0]!;
    await updatePerson(tdb, rewritten.id, { headline: 'edited after the read' });
    const again = await nextBatch(tdb, 10, handed);
    expect(again.entries.map((entry) => entry.key).sort()).toEqual(
      [rewritten.key, ...(await keys(tdb)).filter((key) => !handed.has(key))].sort(),
    );
    // After the first batch's place: only the two not read yet.
    const rest = await nextBatch(tdb, 10, handed, one.through);
    expect(rest.entries).toHaveLength(2);
    expect(rest.entries.every((entry) => !handed.has(entry.key))).toBe(true);
  });

  test('a batch to hand over brings each person’s pending records along, the person first, whatever the key order', async () => {
    const tdb = freshDb();
    await startOutbox(tdb);
    const a = await createPerson(tdb, { name: 'A' });
    const b = await createPerson(tdb, { name: 'B' });
    const workA = await addSharedWork(tdb, a.id, goodSmallTask);
    const workB = await addSharedWork(tdb, b.id, unpaidProject);
    const noteB = await addNote(tdb, b.id, 'met at the meetup');
    expect(await pendingCount(tdb)).toBe(5);
    // One entry asked for ('notes:' sorts first): the note's person joins it, first, and that person's work; A waits.
    const one = await nextBatch(tdb, 1);
    const oneKeys = one.entries.map((entry) => entry.key);
    expect(oneKeys[0]).toBe(outboxKey('people', b.id));
    expect(oneKeys.slice(1).sort()).toEqual(
      [outboxKey('sharedWork', workB.id), outboxKey('notes', noteB.id)].sort(),
    );
    expect(one.rows.get(outboxKey('notes', noteB.id))).toMatchObject({ personId: b.id });
    await forgetHandedOver(tdb, one.entries);
    const rest = await nextBatch(tdb, 100);
    expect(rest.entries.map((entry) => entry.key)).toEqual([
      outboxKey('people', a.id),
      outboxKey('sharedWork', workA.id),
    ]);
    // A deleted record has no person to go with: it comes last, with no row.
    await forgetHandedOver(tdb, rest.entries);
    await deletePerson(tdb, a.id);
    const deleted = await nextBatch(tdb, 100);
    expect(deleted.entries[0]?.key).toBe(outboxKey('people', a.id));
    expect(deleted.entries.at(-1)?.key).toBe(outboxKey('sharedWork', workA.id));
    expect(deleted.rows.get(outboxKey('sharedWork', workA.id))).toBeUndefined();
  });

  test('recordEverything queues a ledger that existed before sync; stopping forgets the queue and the marker', async () => {
    const tdb = freshDb();
    const person = await createPerson(tdb, { name: 'A' });
    await addSharedWork(tdb, person.id, goodSmallTask);
    await startOutbox(tdb);
    expect(await recordEverything(tdb)).toBe(2);
    expect(await pendingCount(tdb)).toBe(2);
    await stopOutbox(tdb);
    expect(await tdb.syncOutbox.count()).toBe(0);
    await addNote(tdb, person.id, 'after stopping');
    expect(await tdb.syncOutbox.count()).toBe(0);
  });
});

describe('applySyncedChanges: another device’s changes through the write path', () => {
  async function device() {
    const tdb = freshDb();
    await startOutbox(tdb);
    return tdb;
  }

  test('a person with their work: derived fields and stored counts follow, and nothing echoes back', async () => {
    const source = freshDb();
    const person = await createPerson(source, { name: 'Hana Saleh' });
    const work = await addSharedWork(source, person.id, goodSmallTask);
    const tdb = await device();
    // The work comes first, as a changes feed often has it: the person was touched after their work was added.
    const result = await applySyncedChanges(tdb, [
      { table: 'sharedWork', id: work.id, row: { ...work } },
      { table: 'people', id: person.id, row: toPerson((await source.people.get(person.id))!) as never },
    ]);
    expect(result).toMatchObject({ applied: 2, pending: 0, waiting: [] });
    expect(result.personIds).toEqual([person.id]);
    const stored = await tdb.people.get(person.id);
    expect(stored?.stage).toBe('tested');
    expect(stored?.nameWords).toEqual(['hana', 'saleh']);
    expect(stored).toEqual(await source.people.get(person.id));
    expect(await getAggregates(tdb)).toEqual(await countAggregates(tdb));
    expect((await getAggregates(tdb)).stages.tested).toBe(1);
    expect(await pendingCount(tdb)).toBe(0);
  });

  test('a record changed here and not yet handed over keeps the local change', async () => {
    const tdb = await device();
    const person = await createPerson(tdb, { name: 'Local' });
    const result = await applySyncedChanges(tdb, [
      { table: 'people', id: person.id, row: { ...toPerson(person), name: 'Remote' } as never },
    ]);
    expect(result).toMatchObject({ applied: 0, pending: 1 });
    expect((await tdb.people.get(person.id))?.name).toBe('Local');
  });

  test('a row whose person is not here waits, and so does what hangs on it; a missing introducer is left empty', async () => {
    const tdb = await device();
    const work = {
      id: 'w1',
      personId: 'nobody',
      ...goodSmallTask,
      createdAt: 1,
      updatedAt: 1,
    };
    const flag = {
      id: 'nobody:paymentOverdue:w1',
      personId: 'nobody',
      kind: 'paymentOverdue',
      state: 'dismissed',
      workId: 'w1',
      raisedAt: 1,
      updatedAt: 1,
    };
    const person = {
      id: 'p1',
      name: 'Introduced',
      introducedBy: 'gone',
      tags: [],
      userEdited: [],
      createdAt: 1,
      updatedAt: 1,
    };
    const result = await applySyncedChanges(tdb, [
      { table: 'sharedWork', id: 'w1', row: work },
      { table: 'flags', id: flag.id, row: flag },
      { table: 'people', id: 'p1', row: person },
    ]);
    expect(result.waiting.map((c) => c.id).sort()).toEqual([flag.id, 'w1'].sort());
    expect(await tdb.sharedWork.count()).toBe(0);
    expect((await tdb.people.get('p1'))?.introducedBy).toBeUndefined();
    // Once the person arrives, the waiting rows stand.
    const later = await applySyncedChanges(tdb, [
      { table: 'people', id: 'nobody', row: { ...person, id: 'nobody', introducedBy: undefined } },
      ...result.waiting,
    ]);
    expect(later.waiting).toEqual([]);
    expect(await tdb.sharedWork.get('w1')).toBeDefined();
    expect(await tdb.flags.get(flag.id)).toBeDefined();
  });

  test('a deleted person takes their records and the links to them along, as deletePerson does', async () => {
    const tdb = await device();
    const gone = await createPerson(tdb, { name: 'Gone' });
    await addSharedWork(tdb, gone.id, unpaidProject);
    await addNote(tdb, gone.id, 'a note');
    const introduced = await createPerson(tdb, { name: 'Introduced', introducedBy: gone.id });
    await tdb.queue.put(queued(gone.id));
    await tdb.messages.put(keptMessage(gone.id));
    await forgetHandedOver(tdb, await pendingChanges(tdb, 100));
    const result = await applySyncedChanges(tdb, [{ table: 'people', id: gone.id, row: null }]);
    expect(result.applied).toBe(1);
    expect(await tdb.people.get(gone.id)).toBeUndefined();
    expect(await tdb.sharedWork.count()).toBe(0);
    expect(await tdb.notes.count()).toBe(0);
    // The queue entry and the kept messages (which never travel) go with the person, as deletePerson does.
    expect(await tdb.queue.count()).toBe(0);
    expect(await tdb.messages.count()).toBe(0);
    expect((await tdb.people.get(introduced.id))?.introducedBy).toBeUndefined();
    expect(await getAggregates(tdb)).toEqual(await countAggregates(tdb));
    expect(await pendingCount(tdb)).toBe(0);
  });

  test('a dismissal from another device replaces this device’s own pick of the person', async () => {
    const tdb = await device();
    const person = await createPerson(tdb, { name: 'Dismissed elsewhere' });
    await tdb.queue.put(queued(person.id));
    await forgetHandedOver(tdb, await pendingChanges(tdb, 100));
    const decided = { ...queued(person.id), state: 'dismissed', decidedAt: 5 };
    const result = await applySyncedChanges(tdb, [{ table: 'queue', id: person.id, row: decided }]);
    expect(result).toMatchObject({ applied: 1, waiting: [] });
    expect(await tdb.queue.get(person.id)).toMatchObject({ state: 'dismissed' });
    expect(await pendingCount(tdb)).toBe(0);
  });

  test('a change that changes nothing writes nothing; undo of a delete is an ordinary local change', async () => {
    const tdb = await device();
    const person = await createPerson(tdb, { name: 'Same' });
    await forgetHandedOver(tdb, await pendingChanges(tdb, 100));
    const result = await applySyncedChanges(tdb, [
      { table: 'people', id: person.id, row: toPerson(person) as never },
    ]);
    expect(result.applied).toBe(0);
    const deleted = await deletePerson(tdb, person.id);
    await forgetHandedOver(tdb, await pendingChanges(tdb, 100));
    await restoreDeleted(tdb, deleted);
    expect(await keys(tdb)).toEqual([outboxKey('people', person.id)]);
  });
});

describe('a batch’s people’s records, read by one index range', () => {
  const perPerson = async (tdb: TrustDb, table: string, ids: readonly string[]) =>
    (await Promise.all(ids.map((id) => tdb.table(table).where('personId').equals(id).toArray()))).flat();
  const idsOf = (rows: readonly { id?: unknown; key?: unknown }[]) =>
    rows.map((row) => String(row.id ?? row.key)).sort();

  test('gives exactly each person’s rows, whether the people sit together in the index or far apart', async () => {
    const tdb = freshDb();
    await seedNetwork(tdb, generateNetwork(600, 1500, 11));
    const people = (await tdb.people.toCollection().primaryKeys()).map(String).sort();
    const cases = {
      // Every person, then a run of neighbours: the range holds only theirs.
      all: people,
      run: people.slice(200, 300),
      // Every fifth: the range holds the others' rows too, which must be left out.
      spread: people.filter((_, i) => i % 5 === 0),
      // Every fifteenth: the range holds too many others' rows, and each person is read on their own.
      sparse: people.filter((_, i) => i % 15 === 0),
      // Too few for a range.
      few: people.slice(0, 5),
    };
    for (const [name, ids] of Object.entries(cases)) {
      for (const table of ['sharedWork', 'profiles', 'flags']) {
        const expected = idsOf(await perPerson(tdb, table, ids));
        const got = await tdb.transaction('r', tdb.table(table), () =>
          personRecords<{ id?: unknown; key?: unknown; personId?: unknown }>(tdb, table, ids),
        );
        expect({ name, table, rows: idsOf(got) }).toEqual({ name, table, rows: expected });
      }
    }
    expect((await perPerson(tdb, 'sharedWork', cases.spread)).length).toBeGreaterThan(0);
  });

  test('rows by id: what bulkGet gives, in the order asked, whether the ids sit together or far apart', async () => {
    const tdb = freshDb();
    await seedNetwork(tdb, generateNetwork(600, 1500, 13));
    const people = (await tdb.people.toCollection().primaryKeys()).map(String).sort();
    const works = (await tdb.sharedWork.toCollection().primaryKeys()).map(String).sort();
    const shuffled = (ids: string[]) =>
      ids
        .map((id, i) => ({ id, at: (i * 7919) % ids.length }))
        .sort((a, b) => a.at - b.at)
        .map((x) => x.id);
    const cases: Record<string, [string, string[]]> = {
      // A first sync's batch: a run of neighbours, asked in any order, some of them since deleted.
      run: ['people', shuffled([...people.slice(100, 400), 'zz-deleted', '00-deleted'])],
      all: ['sharedWork', works],
      // Every tenth: the range holds the others too, which must be left out.
      spread: ['people', people.filter((_, i) => i % 10 === 0)],
      // A handful across the whole table: read one by one.
      sparse: ['sharedWork', works.filter((_, i) => i % 300 === 0)],
      few: ['people', people.slice(0, 3)],
    };
    for (const [name, [table, ids]] of Object.entries(cases)) {
      const expected = await tdb.table(table).bulkGet(ids);
      const got = await tdb.transaction('r', tdb.table(table), () => rowsByIds(tdb, table, ids));
      expect({ name, rows: got }).toEqual({ name, rows: expected });
    }
    expect((await tdb.people.bulkGet(['zz-deleted']))[0]).toBeUndefined();
  });

  test('a first sync’s batch of many people holds each one’s records, with the rows as stored', async () => {
    const tdb = freshDb();
    // No flags: their outbox keys sort before the people's, and the batch would start with them.
    await seedNetwork(tdb, { ...generateNetwork(300, 600, 12), flags: [] });
    await startOutbox(tdb);
    await recordEverything(tdb);
    const batch = await nextBatch(tdb, 100);
    const people = batch.entries.filter((entry) => entry.table === 'people').map((entry) => entry.id);
    expect(people).toHaveLength(100);
    const works = await perPerson(tdb, 'sharedWork', people);
    expect(works.length).toBeGreaterThan(100);
    expect(
      batch.entries
        .filter((entry) => entry.table === 'sharedWork')
        .map((entry) => entry.id)
        .sort(),
    ).toEqual(works.map((work) => work.id).sort());
    for (const entry of batch.entries)
      expect(batch.rows.get(entry.key)).toEqual(await tdb.table(entry.table).get(entry.id));
    // The next batch, read after this one (whose entries are still being forgotten): none of them again, as many
    // new ones.
    const handed = new Map(batch.entries.map((entry) => [entry.key, entry.tick]));
    const next = await nextBatch(tdb, 100, handed, batch.through);
    const nextPeople = next.entries.filter((entry) => entry.table === 'people');
    expect(nextPeople).toHaveLength(100);
    expect(next.entries.filter((entry) => batch.entries.some((e) => e.key === entry.key))).toEqual([]);
    // Each person first, their records after.
    const seen = new Set<string>();
    for (const entry of batch.entries) {
      const personId = entry.table === 'people' ? entry.id : String(batch.rows.get(entry.key)?.personId);
      if (entry.table === 'people') seen.add(personId);
      else expect(seen.has(personId)).toBe(true);
    }
  });
});

describe('applySyncedChanges: a batch at once is the rows one at a time', () => {
  const NOW = Date.UTC(2025, 0, 15);
  const state = async (tdb: TrustDb) => ({
    people: await tdb.people.toArray(),
    works: await tdb.sharedWork.toArray(),
    profiles: await tdb.profiles.toArray(),
    // The ticks are random: which entries are pending is what counts.
    outbox: await tdb.syncOutbox.toCollection().primaryKeys(),
    aggregates: await getAggregates(tdb),
  });
  const change = (table: string, row: object): SyncedChange => ({
    table,
    id: String((row as { id?: string; key?: string }).id ?? (row as { key?: string }).key),
    row: toSynced(table, row as Record<string, unknown>),
  });

  test('the same ledger whatever the batch order: derived fields, counts, deletes, held and waiting rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        async (seed, deleted, edited, order) => {
          const base = { ...generateNetwork(60, 120, seed), flags: [] };
          const arriving = { ...generateNetwork(50, 130, seed + 5000), flags: [] };
          const devices = [freshDbAt(NOW).tdb, freshDbAt(NOW).tdb];
          for (const tdb of devices) {
            await seedNetwork(tdb, base, NOW);
            await startOutbox(tdb);
            // A change here not yet handed over: the incoming edit of this person is held back on both.
            await updatePerson(tdb, base.people[0]!.id, { headline: 'edited here' });
          }
          const people: SyncedChange[] = arriving.people.map((person) => change('people', person));
          const records: SyncedChange[] = [
            ...arriving.works.map((work) => change('sharedWork', work)),
            ...arriving.profiles.map((profile) => change('profiles', profile)),
            // A work of someone nowhere waits.
            change('sharedWork', { ...arriving.works[0]!, id: 'orphan', personId: 'nobody' }),
          ];
          const gone: SyncedChange[] = [];
          base.people.forEach((person, i) => {
            if (deleted[i]) {
              gone.push({ table: 'people', id: person.id, row: null });
              for (const work of base.works.filter((w) => w.personId === person.id))
                gone.unshift({ table: 'sharedWork', id: work.id, row: null });
            } else if (edited[i]) {
              people.push(change('people', { ...person, headline: `edited elsewhere ${i}` }));
              // A work moved to them from someone else.
              const work = base.works[i];
              if (work && !deleted[base.people.findIndex((p) => p.id === work.personId)])
                records.push(change('sharedWork', { ...work, personId: person.id }));
            }
          });
          // One device one row at a time (people first, deletions last), the other all at once in any order.
          const oneByOne = [...people, ...records, ...gone];
          for (const one of oneByOne) await applySyncedChanges(devices[0]!, [one]);
          const shuffled = oneByOne
            .map((c, i) => ({ c, k: (i * 2654435761 + order) % 4294967291 }))
            .sort((a, b) => a.k - b.k)
            .map(({ c }) => c);
          const result = await applySyncedChanges(devices[1]!, shuffled);
          expect(result.waiting.map((c) => c.id)).toEqual(['orphan']);
          expect(result.pending).toBe(
            oneByOne.some((c) => c.table === 'people' && c.id === base.people[0]!.id) ? 1 : 0,
          );
          const [single, batch] = [await state(devices[0]!), await state(devices[1]!)];
          expect(batch).toEqual(single);
          expect(batch.aggregates).toEqual(await countAggregates(devices[1]!));
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});

describe('pendingAmong', () => {
  test('the pending keys among those asked, whether few or many are pending', async () => {
    const tdb = freshDb();
    await startOutbox(tdb);
    const people: { id: string }[] = [];
    for (let i = 0; i < 6; i++) people.push(await createPerson(tdb, { name: `P${i}` }));
    const key = (i: number) => outboxKey('people', people[i]!.id);
    // Fewer pending than asked: one read of them all.
    expect(await pendingAmong(tdb, [key(0), key(1), 'people:elsewhere', 'notes:x', 'a', 'b', 'c'])).toEqual(
      new Set([key(0), key(1)]),
    );
    // As many pending as asked, or more: a read per key.
    expect(await pendingAmong(tdb, [key(2), 'people:elsewhere'])).toEqual(new Set([key(2)]));
    expect(await pendingAmong(tdb, [])).toEqual(new Set());
    // The marker row is never a pending change.
    expect(await pendingAmong(tdb, [OUTBOX_ON, 'x', 'y', 'z', 'w', 'v', 'u', 't'])).toEqual(new Set());
  });
});

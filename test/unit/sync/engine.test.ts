// @vitest-environment node
// Sync between devices, each a real ledger and PouchDB replica, through a real replication server on 127.0.0.1.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startSyncServer } from '../../../scripts/syncServer.mjs';
import { countAggregates, getAggregates } from '../../../src/db/aggregates.ts';
import {
  addNote,
  addSharedWork,
  createPerson,
  deletePerson,
  linkProfile,
  recordSeenProfile,
  restoreDeleted,
  updatePerson,
} from '../../../src/db/mutations.ts';
import { pendingCount } from '../../../src/db/syncOutbox.ts';
import { resolveConflict, syncOnce } from '../../../src/sync/engine.ts';
import { SyncError } from '../../../src/sync/errors.ts';
import { joinLedger, probeServer, type ServerAccount } from '../../../src/sync/setup.ts';
import { generateNetwork, seedNetwork } from '../../data/network.ts';
import { goodSmallTask, snapshot } from '../db/testDb.ts';
import { type Device, device, PASSPHRASE, quickParams } from './devices.ts';

let server: Awaited<ReturnType<typeof startSyncServer>>;
let account: ServerAccount;
let dbNumber = 0;

beforeAll(async () => {
  server = await startSyncServer({ database: null });
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(() => {
  // A database of its own per test: the first device creates it.
  account = {
    address: `${server.origin}/ledger-${++dbNumber}`,
    user: server.user,
    password: server.password,
  };
});

const names = async (d: Device) => (await d.tdb.people.toArray()).map((p) => p.name).sort();
const databaseName = () => `ledger-${dbNumber}`;

describe('setting up', () => {
  test('the first device creates the database and the key check; the next joins with the passphrase', async () => {
    expect((await probeServer(account)).fresh).toBe(true);
    const first = await joinLedger(account, PASSPHRASE, PASSPHRASE, fetch, quickParams);
    expect(first.created).toBe(true);
    const probe = await probeServer(account);
    expect(probe.fresh).toBe(false);
    const second = await joinLedger(account, PASSPHRASE, undefined, fetch);
    expect(second.created).toBe(false);
    expect(second.params).toEqual(first.params);
  });

  test('a wrong passphrase on the second device is refused and writes nothing anywhere', async () => {
    await joinLedger(account, PASSPHRASE, PASSPHRASE, fetch, quickParams);
    const before = await server.rawDocuments(databaseName());
    const writes = server.requests.filter((r) => r.method !== 'GET').length;
    await expect(joinLedger(account, 'not the passphrase at all', undefined, fetch)).rejects.toMatchObject({
      code: 'wrongPassphrase',
    });
    expect(await server.rawDocuments(databaseName())).toEqual(before);
    expect(server.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
  });

  test('the first device types the passphrase twice, the same, and long enough', async () => {
    await expect(joinLedger(account, PASSPHRASE, 'something else', fetch, quickParams)).rejects.toMatchObject(
      {
        code: 'passphraseMismatch',
      },
    );
    await expect(joinLedger(account, 'short', 'short', fetch, quickParams)).rejects.toMatchObject({
      code: 'passphraseWeak',
    });
    expect((await probeServer(account)).fresh).toBe(true);
  });

  test('each refusal is its own error: bad password, no server, not https', async () => {
    await expect(probeServer({ ...account, password: 'wrong' })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(probeServer({ ...account, address: 'http://127.0.0.1:9/x' })).rejects.toMatchObject({
      code: 'unreachable',
    });
    await expect(probeServer({ ...account, address: 'http://couch.example.com/x' })).rejects.toMatchObject({
      code: 'badAddress',
    });
    await expect(
      probeServer({ ...account, address: 'https://user:pw@couch.example.com' }),
    ).rejects.toBeInstanceOf(SyncError);
  });
});

describe('two devices', () => {
  test('a person, a shared work and a note added on A appear on B, derived fields and counts right', async () => {
    const a = await device(account);
    const person = await createPerson(a.tdb, { name: 'Hana Saleh', headline: 'Designer' });
    await linkProfile(a.tdb, person.id, snapshot('hana-saleh'));
    await addSharedWork(a.tdb, person.id, goodSmallTask);
    await addNote(a.tdb, person.id, 'Met at the Amman meetup');
    expect((await a.sync()).sent).toBe(4);
    const b = await device(account);
    const report = await b.sync();
    expect(report.received).toBe(4);
    expect(await b.tdb.people.get(person.id)).toEqual(await a.tdb.people.get(person.id));
    expect((await b.tdb.people.get(person.id))?.stage).toBe('tested');
    expect(await b.tdb.notes.toArray()).toEqual(await a.tdb.notes.toArray());
    expect(await b.tdb.profiles.toArray()).toEqual(await a.tdb.profiles.toArray());
    expect(await getAggregates(b.tdb)).toEqual(await countAggregates(b.tdb));
    // Nothing echoes back: B has nothing to send, and a second sync on A brings nothing.
    expect(await pendingCount(b.tdb)).toBe(0);
    expect((await a.sync()).received).toBe(0);
  });

  test('a delete on B reaches A, with the person’s records; an undo on B brings them back everywhere', async () => {
    const a = await device(account);
    const b = await device(account);
    const person = await createPerson(a.tdb, { name: 'To delete' });
    await addSharedWork(a.tdb, person.id, goodSmallTask);
    await createPerson(a.tdb, { name: 'Stays' });
    await a.sync();
    await b.sync();
    const deleted = await deletePerson(b.tdb, person.id);
    await b.sync();
    await a.sync();
    expect(await names(a)).toEqual(['Stays']);
    expect(await a.tdb.sharedWork.count()).toBe(0);
    await restoreDeleted(b.tdb, deleted);
    await b.sync();
    await a.sync();
    expect(await names(a)).toEqual(['Stays', 'To delete']);
    expect(await a.tdb.sharedWork.count()).toBe(1);
    expect((await a.tdb.people.get(person.id))?.stage).toBe('tested');
  });

  test('the same person edited on both offline: both end with the same winner, the conflict shown and settled', async () => {
    const a = await device(account);
    const b = await device(account);
    const person = await createPerson(a.tdb, { name: 'Omar', headline: 'Engineer' });
    await a.sync();
    await b.sync();
    await updatePerson(a.tdb, person.id, { headline: 'Engineer at Acme' });
    await updatePerson(b.tdb, person.id, { headline: 'Freelance engineer' });
    await a.sync();
    await b.sync();
    await a.sync();
    const onA = await a.tdb.people.get(person.id);
    const onB = await b.tdb.people.get(person.id);
    expect(onA?.headline).toBe(onB?.headline);
    const conflictA = await a.store.conflicts.get((await a.store.conflicts.toArray())[0]?.docId ?? '');
    const conflictB = (await b.store.conflicts.toArray())[0];
    expect(conflictA?.personId).toBe(person.id);
    expect(conflictB?.personId).toBe(person.id);
    const values = [conflictA!.winner.row?.headline, ...conflictA!.others.map((o) => o.row?.headline)].sort();
    expect(values).toEqual(['Engineer at Acme', 'Freelance engineer']);
    expect(conflictA!.winner.rev).toBe(conflictB!.winner.rev);
    // A keeps the version that lost.
    const loser = conflictA!.others[0]!;
    await resolveConflict(a, conflictA!.docId, loser.rev);
    expect((await a.tdb.people.get(person.id))?.headline).toBe(loser.row?.headline);
    expect(await a.store.conflicts.count()).toBe(0);
    await a.sync();
    await b.sync();
    expect((await b.tdb.people.get(person.id))?.headline).toBe(loser.row?.headline);
    expect(await b.store.conflicts.count()).toBe(0);
  });

  test('notes and work added to the same person on both devices: everything arrives, and the person is no conflict', async () => {
    const a = await device(account);
    const b = await device(account);
    const person = await createPerson(a.tdb, { name: 'Rania' });
    await a.sync();
    await b.sync();
    // Each add touches the person (updatedAt) on its own device: two revisions of the person that differ only there.
    await addNote(a.tdb, person.id, 'note written on A');
    await addSharedWork(b.tdb, person.id, goodSmallTask);
    await addNote(b.tdb, person.id, 'note written on B');
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect((await d.tdb.notes.toArray()).map((note) => note.text).sort()).toEqual([
        'note written on A',
        'note written on B',
      ]);
      expect(await d.tdb.sharedWork.count()).toBe(1);
      expect(await d.store.conflicts.count()).toBe(0);
    }
    expect((await a.tdb.people.get(person.id))?.updatedAt).toBe(
      (await b.tdb.people.get(person.id))?.updatedAt,
    );
  });

  test('a profile seen on both devices is no conflict: the winner stands and nobody is asked', async () => {
    const a = await device(account);
    const b = await device(account);
    const person = await createPerson(a.tdb, { name: 'Lina' });
    await linkProfile(a.tdb, person.id, snapshot('lina'));
    await a.sync();
    await b.sync();
    await recordSeenProfile(a.tdb, snapshot('lina', { url: 'https://www.linkedin.com/in/lina/?a=1' }), {
      ownSite: true,
    });
    await recordSeenProfile(b.tdb, snapshot('lina', { url: 'https://www.linkedin.com/in/lina/?b=2' }), {
      ownSite: true,
    });
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await a.store.conflicts.count()).toBe(0);
    expect(await b.store.conflicts.count()).toBe(0);
    // The settled versions are removed at the next push: the server keeps one live version.
    await b.sync();
    await a.sync();
    const docs = await server.rawDocuments(databaseName());
    const profileDocs = docs.filter((d: { _id: string; _deleted?: boolean }) =>
      d._id.startsWith('profiles:'),
    );
    expect(profileDocs.filter((d: { _deleted?: boolean }) => !d._deleted)).toHaveLength(1);
  });
});

describe('many batches', () => {
  /** A ledger of several batches (people, profiles, works), one person's work alone more than a batch. */
  async function bigLedger(d: Device) {
    const network = generateNetwork(600, 1200, 42);
    const busy = network.people[0]!.id;
    for (const work of network.works.slice(0, 520)) work.personId = busy;
    await seedNetwork(d.tdb, { ...network, flags: [] }, Date.now());
    return busy;
  }
  const rows = async (d: Device) => ({
    people: await d.tdb.people.toArray(),
    profiles: await d.tdb.profiles.toArray(),
    works: await d.tdb.sharedWork.toArray(),
  });

  test('a first sync of many batches: every record once, derived fields and counts right', async () => {
    const a = await device(account);
    const busy = await bigLedger(a);
    const sent = (await a.sync()).sent;
    expect(sent).toBeGreaterThan(2000);
    const b = await device(account);
    const report = await b.sync();
    // Each document applied once, though a person's work spans batches.
    expect(report.received).toBe(sent);
    expect(await rows(b)).toEqual(await rows(a));
    const busyWorks = await b.tdb.sharedWork.where('personId').equals(busy).count();
    expect(busyWorks).toBeGreaterThanOrEqual(520);
    expect(busyWorks).toBe(await a.tdb.sharedWork.where('personId').equals(busy).count());
    expect(await getAggregates(b.tdb)).toEqual(await countAggregates(b.tdb));
    expect((await b.sync()).received).toBe(0);
    expect((await a.sync()).received).toBe(0);
  }, 120_000);

  test('edits while the hand-over runs, to records of a batch already handed over, are not lost: they go out next', async () => {
    const a = await device(account);
    await bigLedger(a);
    // The first batch holds the 500 people of the lowest ids (their outbox keys sort first), the second the rest.
    const ids = (await a.tdb.people.toCollection().primaryKeys()).map(String).sort();
    const [first, second] = [ids[0], ids[550]];
    let batches = 0;
    await syncOnce({
      ...a,
      progress: async (phase) => {
        if (phase !== 'sending') return;
        batches++;
        // A person of the next batch, which may be read already (its entry is then replaced before it is forgotten),
        // then one of a batch handed over.
        if (batches === 1) await updatePerson(a.tdb, second!, { headline: 'edited a batch later' });
        if (batches === 2) await updatePerson(a.tdb, first!, { headline: 'edited while handed over' });
      },
    });
    expect(batches).toBeGreaterThan(2);
    // Both went out in the same sync.
    expect(await pendingCount(a.tdb)).toBe(0);
    const b = await device(account);
    await b.sync();
    expect((await b.tdb.people.get(first!))?.headline).toBe('edited while handed over');
    expect((await b.tdb.people.get(second!))?.headline).toBe('edited a batch later');
    expect(await b.tdb.people.count()).toBe(await a.tdb.people.count());
  }, 120_000);

  test('a hand-over stopped part-way (the worker stopped): the next sync hands the rest, nothing lost, nothing twice', async () => {
    const a = await device(account);
    await bigLedger(a);
    const pending = await pendingCount(a.tdb);
    let batches = 0;
    const stopped = syncOnce({
      ...a,
      handOverBatch: 300,
      progress: async (phase, _done, total) => {
        // The hand-over's progress (the push's has no total).
        if (phase === 'sending' && total !== undefined && ++batches === 2) throw new Error('worker stopped');
      },
    });
    await expect(stopped).rejects.toThrow('worker stopped');
    // What the written batches handed is forgotten (by range); the rest waits.
    const left = await pendingCount(a.tdb);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(pending);
    await a.sync();
    expect(await pendingCount(a.tdb)).toBe(0);
    const docs = (await server.rawDocuments(databaseName())) as { _id: string; _rev: string }[];
    expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length);
    // Entries handed before the stop and handed again after it made no second revision.
    expect(docs.filter((d) => !d._rev.startsWith('1-'))).toEqual([]);
    const b = await device(account);
    await b.sync();
    expect(await rows(b)).toEqual(await rows(a));
  }, 120_000);

  const changesReads = (from: number) =>
    server.requests.slice(from).filter((request) => request.url.includes('/_changes')).length;

  test('a large push is not pulled back: the pull starts after the sender’s own revisions', async () => {
    const a = await device(account);
    // A first sync (the setup's): where its pull ended is recorded, here and on the server.
    await a.sync();
    await bigLedger(a);
    const before = server.requests.length;
    const report = await a.sync();
    expect(report.sent).toBeGreaterThan(2000);
    // One read of the server's changes to find the end of its own, one for the pull after them: not one per 500.
    expect(changesReads(before)).toBeLessThanOrEqual(2);
    expect(report.received).toBe(0);
    const b = await device(account);
    await b.sync();
    expect(await rows(b)).toEqual(await rows(a));
    expect((await a.sync()).received).toBe(0);
  }, 120_000);

  test('another device’s change among the server’s is still pulled, whether before the push or after it', async () => {
    const a = await device(account);
    const b = await device(account);
    await a.sync();
    await createPerson(b.tdb, { name: 'Written on B before' });
    await b.sync();
    await bigLedger(a);
    let after: Promise<unknown> | undefined;
    const report = await syncOnce({
      ...a,
      // Once A's push is done, before its pull: B writes again.
      pushed: async () => {
        after ??= createPerson(b.tdb, { name: 'Written on B after' }).then(() => b.sync());
        await after;
      },
    });
    expect(report.received).toBe(2);
    expect(await names(a)).toEqual(expect.arrayContaining(['Written on B before', 'Written on B after']));
    await b.sync();
    expect(await rows(b)).toEqual(await rows(a));
  }, 120_000);

  test('a large pull is not offered back: the receiver’s next push lists nothing, and its own next change still goes', async () => {
    const a = await device(account);
    await bigLedger(a);
    await a.sync();
    const b = await device(account);
    expect((await b.sync()).received).toBeGreaterThan(2000);
    let before = server.requests.length;
    await b.sync();
    // No batch of the documents B received offered back to the server (a revs_diff per 500 without the skip).
    expect(server.requests.slice(before).filter((request) => request.url.includes('/_revs_diff'))).toEqual(
      [],
    );
    await createPerson(b.tdb, { name: 'Written on B after' });
    before = server.requests.length;
    expect((await b.sync()).sent).toBe(1);
    expect(
      server.requests.slice(before).filter((request) => request.url.includes('/_bulk_docs')),
    ).toHaveLength(1);
    await a.sync();
    expect(await names(a)).toContain('Written on B after');
  }, 120_000);

  test('an edit after a large sync is one push and one pull', async () => {
    const a = await device(account);
    await bigLedger(a);
    await a.sync();
    const person = (await a.tdb.people.limit(1).toArray())[0]!;
    await updatePerson(a.tdb, person.id, { headline: 'one edit' });
    const before = server.requests.length;
    expect((await a.sync()).sent).toBe(1);
    const requests = server.requests.slice(before);
    expect(requests.filter((r) => r.url.includes('_bulk_docs'))).toHaveLength(1);
    // Each replication starts by asking for the server's root: one push, one pull.
    expect(requests.filter((r) => r.url === '/')).toHaveLength(2);
  }, 120_000);

  test('a pull cut part-way: what arrived is in the ledger before the error, and the next sync brings the rest', async () => {
    const a = await device(account);
    await bigLedger(a);
    const sent = (await a.sync()).sent;
    const b = await device(account);
    // PouchDB writes a batch before it asks for the next one's documents: the first batch arrives, the second is cut.
    server.cutAfter(/_bulk_get/, 1);
    await expect(b.sync()).rejects.toBeDefined();
    server.cutAfter(/$^/, 0);
    const arrived =
      (await b.tdb.people.count()) + (await b.tdb.profiles.count()) + (await b.tdb.sharedWork.count());
    expect(arrived).toBeGreaterThan(0);
    expect(arrived).toBeLessThan(sent);
    // Nothing twice: the next sync brings in exactly what had not arrived.
    expect((await b.sync()).received).toBe(sent - arrived);
    expect(await rows(b)).toEqual(await rows(a));
  }, 120_000);

  test('tombstones and a conflict among many changes, the pull cut between batches: the next sync ends it, nothing lost or twice', async () => {
    const a = await device(account);
    await bigLedger(a);
    await a.sync();
    const b = await device(account);
    await b.sync();
    const people = await a.tdb.people.toArray();
    const [both, ...rest] = people.slice(1);
    for (const person of rest.slice(0, 5)) await deletePerson(a.tdb, person.id);
    for (const person of rest.slice(5, 500))
      await updatePerson(a.tdb, person.id, { headline: 'edited on A' });
    await updatePerson(a.tdb, both!.id, { headline: 'A’s headline' });
    await updatePerson(b.tdb, both!.id, { headline: 'B’s headline' });
    await a.sync();
    server.cutAfter(/_bulk_get|_all_docs|_changes/, 3);
    await expect(b.sync()).rejects.toBeDefined();
    server.cutAfter(/$^/, 0);
    await b.sync();
    await a.sync();
    expect((await b.sync()).received).toBe(0);
    expect(await rows(b)).toEqual(await rows(a));
    expect(await b.tdb.people.count()).toBe(people.length - 5);
    expect((await b.tdb.people.toArray()).filter((p) => p.headline === 'edited on A')).toHaveLength(495);
    expect(await getAggregates(b.tdb)).toEqual(await countAggregates(b.tdb));
    const conflict = (await b.store.conflicts.toArray())[0];
    expect(conflict?.personId).toBe(both!.id);
    expect(
      [conflict!.winner.row?.headline, ...conflict!.others.map((other) => other.row?.headline)].sort(),
    ).toEqual(['A’s headline', 'B’s headline']);
  }, 180_000);
});

describe('what the server sees', () => {
  test('ids and ciphertext only: no name, note, headline, URL or profile key from the ledger', async () => {
    const a = await device(account);
    const person = await createPerson(a.tdb, {
      name: 'Zainab Haddad',
      headline: 'Head of Secret Projects',
      email: 'zainab@example.com',
    });
    await linkProfile(a.tdb, person.id, snapshot('zainab-haddad-7'));
    await addSharedWork(a.tdb, person.id, {
      ...goodSmallTask,
      title: 'Logo trial',
      note: 'Paid late, great work',
    });
    await addNote(a.tdb, person.id, 'Knows the minister');
    const gone = await createPerson(a.tdb, { name: 'Deleted Person Name' });
    await a.sync();
    await deletePerson(a.tdb, gone.id);
    await a.sync();
    const raw = JSON.stringify(await server.rawDocuments(databaseName()));
    for (const secret of [
      'Zainab',
      'Haddad',
      'Secret Projects',
      'zainab@example.com',
      'zainab-haddad-7',
      'linkedin.com',
      'Logo trial',
      'Paid late',
      'minister',
      'Deleted Person',
      person.id,
    ]) {
      expect(raw).not.toContain(secret);
    }
    const docs = await server.rawDocuments(databaseName());
    for (const doc of docs as Record<string, unknown>[]) {
      const fields = Object.keys(doc).filter((k) => !k.startsWith('_'));
      if (doc._id === 'keycheck') expect(fields.sort()).toEqual(['ct', 'iterations', 'kdf', 'salt']);
      else expect(fields).toEqual(['ct']);
    }
  });
});

describe('interrupted syncs', () => {
  test('a server gone in the middle of a sync: retried later, nothing lost, nothing twice', async () => {
    const a = await device(account);
    for (let i = 0; i < 1200; i++)
      await createPerson(a.tdb, { name: `Person ${String(i).padStart(4, '0')}` });
    // The push's first batch goes through, then the server drops every write.
    server.cutAfter(/_bulk_docs/, 1);
    await expect(a.sync()).rejects.toBeDefined();
    server.cutAfter(/$^/, 0);
    await a.sync();
    const docs = (await server.rawDocuments(databaseName())) as { _id: string }[];
    expect(docs.filter((d) => d._id.startsWith('people:'))).toHaveLength(1200);
    expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length);
    const b = await device(account);
    server.cutAfter(/_bulk_get|_all_docs|_changes/, 2);
    await expect(b.sync()).rejects.toBeDefined();
    server.cutAfter(/$^/, 0);
    await b.sync();
    expect(await b.tdb.people.count()).toBe(1200);
    expect(await names(b)).toEqual(await names(a));
    // More than two replication batches go through a real server four times: ~15 s alone, twice that on a busy machine.
  }, 60_000);
});

describe('a server that lost everything', () => {
  /** A try-out server (data in memory) with an account, and its restart on the same port, empty. */
  async function restartable() {
    const first = await startSyncServer({ password: 'pw-restart' });
    const restartAccount = {
      address: `${first.origin}/trust-notes`,
      user: first.user,
      password: 'pw-restart',
    };
    const restart = async () => {
      await first.stop();
      return startSyncServer({ port: first.port, password: 'pw-restart' });
    };
    return { restartAccount, restart };
  }

  test('restarted empty (the try-out server keeps its data in memory): the next sync sends the ledger again, and a new device joins it', async () => {
    const { restartAccount, restart } = await restartable();
    const a = await device(restartAccount);
    await createPerson(a.tdb, { name: 'Survives a restart' });
    await a.sync();
    const again = await restart();
    try {
      expect(await again.rawDocuments()).toEqual([]);
      await a.sync();
      const docs = (await again.rawDocuments()) as { _id: string }[];
      expect(docs.map((d) => d._id.split(':')[0]).sort()).toEqual(['keycheck', 'people']);
      const c = await device(restartAccount);
      await c.sync();
      expect(await names(c)).toEqual(['Survives a restart']);
    } finally {
      await again.stop();
    }
  });

  test('restarted empty: where a device last pulled means nothing on the new database, and none of its changes is skipped', async () => {
    const { restartAccount, restart } = await restartable();
    const a = await device(restartAccount);
    const b = await device(restartAccount);
    // A's last pull ends past a dozen documents on the first server.
    for (let i = 0; i < 12; i++) await createPerson(a.tdb, { name: `A ${i}` });
    await a.sync();
    const again = await restart();
    try {
      // On the new database, B's documents come first, at sequence numbers below where A's last pull ended.
      await createPerson(b.tdb, { name: 'On B, after the restart' });
      await b.sync();
      for (let i = 0; i < 1100; i++) await createPerson(a.tdb, { name: `A more ${i}` });
      await a.sync();
      expect(await names(a)).toContain('On B, after the restart');
    } finally {
      await again.stop();
    }
  }, 120_000);
});

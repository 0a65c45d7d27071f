// Sync when things go wrong, in real Chromium against a real replication server on 127.0.0.1: a wrong passphrase on the
// second device, the server going down in the middle of a sync, the worker stopped in the middle of one, and a backup
// restored on a syncing device. Each time: a clear state, nothing lost, nothing twice.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSyncServer } from '../../scripts/syncServer.mjs';
import {
  ledger,
  loopbackGranted,
  openSync,
  type SyncProfile,
  type SyncServer,
  setUpSync,
  syncNow,
  syncProfile,
} from './syncHarness.ts';
import { send, stopWorker } from './workerHarness.mjs';
import type { WorkerPageApi } from './workerPageApi.ts';

declare const __tn: WorkerPageApi;

const PEOPLE = 1500;
const WORKS = 1500;

let server: SyncServer;
let dist: string;
let a: SyncProfile;

beforeAll(async () => {
  server = await startSyncServer();
  dist = loopbackGranted();
  a = await syncProfile(dist, () => server.origin);
  await a.api.evaluate(
    ([people, works]) => __tn.seedNetwork(__tn.db(), __tn.generateNetwork(people, works, 7)),
    [PEOPLE, WORKS] as const,
  );
  const page = await openSync(a);
  // The first sync would start at once and send everything; the server is cut off after the first batch it takes.
  server.cutAfter(/_bulk_docs/, 1);
  await setUpSync(page, server, { first: true });
  await page.locator('.sync-status').waitFor();
  await page.close();
}, 180_000);
afterAll(async () => {
  await a?.close();
  await server?.stop();
});

/** The documents of one table the server holds: every revision, as stored. */
async function serverDocs(table: string) {
  return ((await server.rawDocuments()) as { _id: string; _rev: string; _deleted?: boolean }[]).filter((d) =>
    d._id.startsWith(`${table}:`),
  );
}

const personIds = (profile: SyncProfile) =>
  profile.api.evaluate(async () => (await __tn.db().people.toCollection().primaryKeys()).sort() as string[]);

/** How sync stands, as the worker tells a page (no sync started). */
async function status(profile: SyncProfile) {
  const reply = (await send(profile.api, 'page:syncStatus', {})) as {
    value: { running?: { phase: string; done: number; total?: number }; pending: number; error?: string };
  };
  return reply.value;
}

describe('the server goes down in the middle of a sync', () => {
  test('the sync stops with a clear error, and the changes it could not send still count as waiting', async () => {
    await expect.poll(async () => (await status(a)).error, { timeout: 60_000 }).toBe('unreachable');
    const waiting = await status(a);
    expect(waiting.running).toBeUndefined();
    expect(waiting.pending).toBeGreaterThan(0);
    expect((await serverDocs('people')).length).toBeLessThan(PEOPLE);
  });

  test('retried later: every record arrives once, as its first and only revision', async () => {
    server.cutAfter(/$^/, 0);
    const view = await syncNow(a);
    expect(view).toMatchObject({ pending: 0 });
    expect(view.error).toBeUndefined();
    const people = await serverDocs('people');
    expect(people).toHaveLength(PEOPLE);
    expect(new Set(people.map((d) => d._id)).size).toBe(PEOPLE);
    // Nothing written twice: a second revision would mean the record was sent again as a new change.
    expect(people.filter((d) => !d._rev.startsWith('1-'))).toEqual([]);
    expect(await serverDocs('sharedWork')).toHaveLength(WORKS);
  });
});

describe('a second device', () => {
  let b: SyncProfile;
  let syncPage: Page;
  beforeAll(async () => {
    b = await syncProfile(dist, () => server.origin);
    await b.api.evaluate(() => __tn.mutations.createPerson(__tn.db(), { name: 'Only on B' }));
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  test('a wrong passphrase: a clear error, and nothing written on either side', async () => {
    const before = JSON.stringify(await server.rawDocuments());
    const writes = server.requests.filter((r) => r.method !== 'GET').length;
    syncPage = await openSync(b);
    await setUpSync(syncPage, server, { first: false, passphrase: 'not the right passphrase' });
    const alert = syncPage.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'That passphrase does not open the ledger on this server. Type the passphrase you chose on your first device. Nothing was changed, here or on the server.',
    );
    // The passphrase field stays, to try again.
    await syncPage.locator('input[name=passphrase]').waitFor();
    expect(JSON.stringify(await server.rawDocuments())).toBe(before);
    expect(server.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
    const local = await b.api.evaluate(async () => {
      const open = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('trust-notes-sync');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores = [...open.objectStoreNames];
      const rows = stores.includes('state')
        ? await new Promise<number>((resolve) => {
            const count = open.transaction('state').objectStore('state').count();
            count.onsuccess = () => resolve(count.result);
          })
        : 0;
      open.close();
      return {
        rows,
        outbox: await __tn.db().syncOutbox.count(),
        people: (await __tn.db().people.toArray()).map((p) => p.name),
        replicas: (await indexedDB.databases()).filter((d) => d.name?.includes('replica')).length,
      };
    });
    expect(local).toEqual({ rows: 0, outbox: 0, people: ['Only on B'], replicas: 0 });
  });

  test('the worker stopped in the middle of the first sync: the next wake finishes it, nothing lost or twice', async () => {
    // Slow answers from the server leave time to stop the worker while it receives.
    server.slowDown(/_bulk_get|_changes/, 700);
    await syncPage.fill('input[name=passphrase]', 'lemon orbit candle harbour');
    await syncPage.click('button[type=submit]');
    await syncPage.locator('.sync-status').waitFor();
    // Stopped while it receives: the pull has handed over documents, not just started.
    await expect
      .poll(async () => (await status(b)).running, { timeout: 30_000 })
      .toMatchObject({ phase: expect.stringMatching(/^(receiving|applying)$/) });
    await expect
      .poll(async () => (await status(b)).running?.done ?? 0, { timeout: 30_000 })
      .toBeGreaterThan(0);
    await stopWorker(b.api);
    server.slowDown(null, 0);
    // The worker, stopped, left its status saying a sync was under way; any page wakes it, and it carries on.
    expect((await personIds(b)).length).toBeLessThan(PEOPLE + 1);
    await syncPage.reload();
    await expect.poll(async () => (await personIds(b)).length, { timeout: 90_000 }).toBe(PEOPLE + 1);
    await expect.poll(async () => (await status(b)).running, { timeout: 30_000 }).toBeUndefined();
    // B's own person went out too; A gets it, and both hold the same people, each once.
    await syncNow(b);
    await syncNow(a);
    expect(await personIds(a)).toEqual(await personIds(b));
    expect(new Set(await personIds(b)).size).toBe(PEOPLE + 1);
    const people = await serverDocs('people');
    expect(people).toHaveLength(PEOPLE + 1);
    expect(people.filter((d) => !d._rev.startsWith('1-'))).toEqual([]);
  });

  test('a backup restored on a syncing device: confirmed, sent as ordinary changes, nothing deleted comes back unsaid', async () => {
    const ids = await personIds(a);
    const gone = ids[0]!;
    // A backup on A, then B deletes one person and A adds one: both sync.
    const data = await a.ext.context.newPage();
    await data.goto(`chrome-extension://${a.ext.extensionId}/src/options/index.html#/data`);
    const download = data.waitForEvent('download', { timeout: 120_000 });
    await data.getByRole('button', { name: 'Export a backup' }).click();
    const backup = readFileSync(await (await download).path());
    await b.api.evaluate((id) => __tn.mutations.deletePerson(__tn.db(), id), gone);
    await syncNow(b);
    await syncNow(a);
    expect(await personIds(a)).not.toContain(gone);
    const added = await a.api.evaluate(
      async () => (await __tn.mutations.createPerson(__tn.db(), { name: 'Added after the backup' })).id,
    );
    await syncNow(a);
    await syncNow(b);
    expect(await personIds(b)).toContain(added);

    // The restore on A says what it does to every device before anything happens.
    await data
      .getByLabel('Choose a Trust Notes backup file')
      .setInputFiles(
        { name: 'backup.json', mimeType: 'application/json', buffer: backup },
        { timeout: 120_000 },
      );
    const dialog = data.getByRole('dialog', { name: 'Replace everything with this backup?' });
    await dialog.waitFor({ timeout: 120_000 });
    expect(await dialog.locator('.sync-restore').textContent()).toBe(
      'This device syncs: the restore is sent to every device that syncs with it. People not on this device now who come back on every device: 1. People added since the backup who are removed from every device: 1.',
    );
    const safety = data.waitForEvent('download', { timeout: 240_000 });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await safety;
    await data.getByRole('status').filter({ hasText: 'Restored:' }).waitFor({ timeout: 240_000 });
    await data.close();

    // Sent as ordinary changes: B ends with exactly the backup's people, the one it deleted back (as the dialog
    // said), the one added since gone; and nothing else comes back on a later sync.
    await syncNow(a);
    await syncNow(b);
    const expected = (
      JSON.parse(backup.toString('utf8')).dexie.data.data as { tableName: string; rows: { id: string }[] }[]
    )
      .find((t) => t.tableName === 'people')!
      .rows.map((row) => row.id)
      .sort();
    expect(await personIds(a)).toEqual(expected);
    expect(await personIds(b)).toEqual(expected);
    await syncNow(a);
    await syncNow(b);
    expect(await personIds(a)).toEqual(expected);
    expect(await personIds(b)).not.toContain(added);
    expect((await ledger(b)).people.length).toBe(expected.length);
  });
});

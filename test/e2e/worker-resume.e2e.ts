// A scan stopped mid-way by Chrome resumes from its checkpoint on the next wake and ends with exactly the
// flags (and person rows) of a scan that was never interrupted, over the same data and reference time.
//
// How the stop lands mid-scan, deterministically: the test page holds a readwrite transaction on the meta
// table as soon as the first page's checkpoint is stored. Every scan page writes its checkpoint in meta, so
// the worker's next page waits on that lock; the worker is stopped (DevTools ServiceWorker.stopAllWorkers,
// as when Chrome idles it out) while it waits, and only then is the lock released.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension } from './browser.mjs';
import { openApiPage, send, stopWorker } from './workerHarness.mjs';
import type { WorkerPageApi } from './workerPageApi.ts';

declare const __tn: WorkerPageApi;

const PEOPLE = 3500;
const WORKS = 7000;

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let page: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await openApiPage(ext);
});
afterAll(async () => {
  await ext?.close();
});

/** Puts the generated network back exactly as first stored, with no flags from any scan. */
function reseed(lastScanAt: number | undefined) {
  return page.evaluate(
    async ([people, works, last]) => {
      const tdb = __tn.db();
      await tdb.flags.clear();
      await __tn.seedNetwork(tdb, __tn.generateNetwork(people, works, 42));
      if (last === null) await tdb.meta.delete('lastScanAt');
      else await __tn.meta.setMeta(tdb, 'lastScanAt', last);
    },
    [PEOPLE, WORKS, lastScanAt ?? null] as const,
  );
}

const checkpoint = () => page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'scanCheckpoint'));

async function scanResult() {
  await expect.poll(checkpoint, { timeout: 60_000 }).toBeUndefined();
  return page.evaluate(async () => {
    const tdb = __tn.db();
    const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return {
      flags: (await tdb.flags.toArray()).sort(byId),
      people: (await tdb.people.toArray()).sort(byId),
      lastScanAt: await __tn.meta.getMeta(tdb, 'lastScanAt'),
    };
  });
}

test('a scan stopped mid-way resumes on the next wake and gives the flags of an uninterrupted scan', async () => {
  const installedScanAt = await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'));
  await reseed(installedScanAt);

  // Start a scan, and lock meta once its first page is stored.
  const held = await page.evaluate(
    () =>
      new Promise<{ now: number; after: string }>((resolve, reject) => {
        const w = window as unknown as { release?: () => void; scanReply?: Promise<unknown> };
        const open = indexedDB.open('trust-notes');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const poll = () => {
            const tx = idb.transaction('meta', 'readwrite');
            const store = tx.objectStore('meta');
            const read = store.get('scanCheckpoint');
            read.onsuccess = () => {
              const row = read.result as { value: { now: number; after: string } } | undefined;
              if (!row || row.value.after === '') {
                tx.oncomplete = poll;
                return;
              }
              // Keep this transaction alive until released: the worker's next page can't start.
              let released = false;
              w.release = () => {
                released = true;
              };
              const keepAlive = () => {
                if (!released) store.get('scanCheckpoint').onsuccess = keepAlive;
              };
              keepAlive();
              tx.oncomplete = () => idb.close();
              resolve(row.value);
            };
          };
          poll();
          w.scanReply = chrome.runtime
            .sendMessage({ type: 'page:scanNow', payload: {} })
            .catch((e: Error) => e.message);
        };
      }),
  );
  expect(held.after).not.toBe('');

  await stopWorker(page);
  const stoppedReply = await page.evaluate(async () => {
    const w = window as unknown as { release: () => void; scanReply: Promise<unknown> };
    w.release();
    return w.scanReply;
  });
  // The stop cut the scan short: its caller got no answer, and the checkpoint is where it was.
  expect(stoppedReply).toEqual(expect.any(String));
  expect(await checkpoint()).toEqual(held);
  expect(await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'))).toBe(installedScanAt);

  // Any event wakes the worker; its start resumes the scan from the checkpoint, with the same reference time.
  expect(await send(page, 'any:ping')).toMatchObject({ ok: true });
  const resumed = await scanResult();
  expect(resumed.lastScanAt).toBe(held.now);

  // The same data again, scanned from the start at the same reference time, with no stop.
  await reseed(installedScanAt);
  await page.evaluate(async (now) => {
    await __tn.meta.setMeta(__tn.db(), 'scanCheckpoint', { now, after: '' });
  }, held.now);
  await stopWorker(page);
  await send(page, 'any:ping');
  const uninterrupted = await scanResult();

  expect(new Set(resumed.flags.map((f) => f.state))).toEqual(
    new Set(['open', 'closed', 'snoozed', 'dismissed']),
  );
  expect(resumed.flags.length).toBeGreaterThan(PEOPLE / 4);
  expect(resumed.flags).toEqual(uninterrupted.flags);
  expect(resumed.people).toEqual(uninterrupted.people);
  expect(resumed.lastScanAt).toBe(uninterrupted.lastScanAt);
}, 240_000);

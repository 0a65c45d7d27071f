// Scenarios for the background worker's flag scan, in real Chromium on the built extension. Data is seeded
// from an extension page through the db modules (bulk puts of derived person rows), then every scan runs in
// the service worker itself, started by the same messages the extension's pages send.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { launchWithExtension } from '../e2e/browser.mjs';
import { openApiPage } from '../e2e/workerHarness.mjs';

const MB = 2 ** 20;

async function seed(page, people, works) {
  await page.evaluate(
    async ([p, w]) => {
      const tn = globalThis.__tn;
      // Rows derived now, as an import would: the first scan then restages only what time has changed.
      await tn.seedNetwork(tn.db(), tn.generateNetwork(p, w, 42), Date.now());
    },
    [people, works],
  );
}

/** Milliseconds for one protocol round trip, measured in the page. */
function timedSend(page, type, payload = {}) {
  return page.evaluate(
    async ([t, p]) => {
      const start = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: t, payload: p });
      if (!reply?.ok) throw new Error(`${t}: ${JSON.stringify(reply)}`);
      return performance.now() - start;
    },
    [type, payload],
  );
}

/** The baseline: raw IndexedDB (no Dexie) getAll of every person and every shared work, in the worker. */
function rawGetAll(worker) {
  return worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('trust-notes');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const start = performance.now();
          const tx = idb.transaction(['people', 'sharedWork'], 'readonly');
          let count = 0;
          for (const name of ['people', 'sharedWork']) {
            tx.objectStore(name).getAll().onsuccess = (e) => {
              count += e.target.result.length;
            };
          }
          tx.oncomplete = () => {
            idb.close();
            resolve({ ms: performance.now() - start, count });
          };
        };
      }),
  );
}

/**
 * The worker's JS heap while `run` goes: DevTools Runtime.getHeapUsage on the service worker target,
 * sampled every few ms from a forced GC before it. With `collect`, each sample follows a forced GC, so it
 * is the live heap (what the scan holds) rather than live plus garbage not yet collected. Reached with
 * puppeteer-core over the browser's DevTools port: Playwright offers no CDP session on a service worker.
 */
async function heapDuring(browser, extensionId, run, { collect = false } = {}) {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
  );
  const cdp = await target.createCDPSession();
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    let peak = before;
    let done = false;
    const running = run().finally(() => {
      done = true;
    });
    while (!done) {
      if (collect) await cdp.send('HeapProfiler.collectGarbage');
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { result: await running, beforeMb: before / MB, peakMb: peak / MB };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * One browser, `people` people with `works` shared works:
 * - the first full scan (it writes every new flag and derives every stage once), with the worker's heap
 *   sampled during it;
 * - `fullRuns` full scans with nothing changed, each after a raw getAll baseline in the same worker, then
 *   one more with the live heap sampled (a forced GC before each sample);
 * - `edits` edits, each followed by the rescan of that person (the page's round trip of
 *   page:personChanged, which answers once the person's flags are stored).
 */
export async function measureScan({ people, works, fullRuns = 5, edits = 20 }) {
  const ext = await launchWithExtension({ args: ['--remote-debugging-port=0'] });
  const [port, path] = readFileSync(join(ext.userDataDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const browser = await puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${path}` });
  try {
    const page = await openApiPage(ext);
    await seed(page, people, works);
    const first = await heapDuring(browser, ext.extensionId, () => timedSend(page, 'page:scanNow'));

    const baseline = [];
    const steady = [];
    for (let i = 0; i < fullRuns; i++) {
      const raw = await rawGetAll(ext.worker);
      if (raw.count !== people + works) throw new Error(`getAll saw ${raw.count} records`);
      baseline.push(raw.ms);
      steady.push(await timedSend(page, 'page:scanNow'));
    }
    const live = await heapDuring(browser, ext.extensionId, () => timedSend(page, 'page:scanNow'), {
      collect: true,
    });
    const flags = await page.evaluate(async () => ({
      open: await globalThis.__tn.db().flags.where('state').equals('open').count(),
      all: await globalThis.__tn.db().flags.count(),
    }));

    const incremental = [];
    const ids = await page.evaluate(
      async (n) => (await globalThis.__tn.db().people.limit(n).primaryKeys()).map(String),
      edits,
    );
    for (const id of ids) {
      await page.evaluate(async (personId) => {
        const tn = globalThis.__tn;
        await tn.mutations.addSharedWork(tn.db(), personId, {
          kind: 'smallTask',
          direction: 'together',
          status: 'planned',
          startDate: '2020-01-01',
        });
      }, id);
      incremental.push(await timedSend(page, 'page:personChanged', { personId: id }));
    }
    return {
      first: first.result,
      heap: { beforeMb: first.beforeMb, peakMb: first.peakMb, livePeakMb: live.peakMb },
      flags,
      baseline,
      steady,
      incremental,
    };
  } finally {
    await browser.disconnect();
    await ext.close();
  }
}

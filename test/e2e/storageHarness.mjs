// Copies a built extension and adds the storage harness page (storageHarness/page.ts, built here from
// the same src/ modules) at tn-harness/index.html, so a test can drive the real database code inside
// the extension's origin. Used by the storage e2e tests in Chromium and Firefox.

import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from './browser.mjs';
import { stopWorker } from './workerHarness.mjs';

export const HARNESS_PAGE = 'tn-harness/index.html';

/**
 * @param {string} dist a built extension (dist/ or dist-firefox/)
 * @param {{ env?: Record<string, string>, manifest?: (m: any) => any, into?: string }} [opts]
 *   env: VITE_* variables for the harness build (they must match the extension build's);
 *   manifest: edits the copy's manifest; into: the folder to write (default: a fresh temp dir).
 * @returns {Promise<string>} the folder holding the copy
 */
export async function extensionWithHarness(dist, opts = {}) {
  const out = opts.into ?? mkdtempSync(join(tmpdir(), 'trust-notes-ext-'));
  rmSync(out, { recursive: true, force: true });
  cpSync(dist, out, { recursive: true });
  if (opts.manifest) {
    const file = join(out, 'manifest.json');
    writeFileSync(file, JSON.stringify(opts.manifest(JSON.parse(readFileSync(file, 'utf8'))), null, 2));
  }
  cpSync(await harnessBuild(opts.env ?? {}), join(out, 'tn-harness'), { recursive: true });
  return out;
}

/**
 * One harness build per env in this process, shared by every copy. It lives at a fixed path per
 * checkout and env (rebuilt by each process), so runs leave nothing new behind.
 */
const builds = new Map();
function harnessBuild(env) {
  const key = JSON.stringify(env);
  if (!builds.has(key)) {
    const id = createHash('sha256').update(`${ROOT}\n${key}`).digest('hex').slice(0, 12);
    const dir = join(tmpdir(), `trust-notes-harness-${id}`);
    builds.set(
      key,
      buildHarness(dir, env).then(() => dir),
    );
  }
  return builds.get(key);
}

/** Builds the harness page with `env` set as the extension build would have it. */
async function buildHarness(outDir, env) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'error',
      envPrefix: 'VITE_',
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'es2022',
        lib: {
          entry: join(ROOT, 'test/e2e/storageHarness/page.ts'),
          formats: ['es'],
          fileName: () => 'page.js',
        },
      },
    });
  } finally {
    for (const key of Object.keys(env)) {
      if (key in saved) process.env[key] = saved[key];
      else delete process.env[key];
    }
  }
  writeFileSync(
    join(outDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>storage harness</title><div id="app"></div><script type="module" src="./page.js"></script>\n',
  );
}

/**
 * Chromium: waits for the worker's install scan to finish (it re-arms the scan alarm one period ahead
 * when it does), then removes the alarm so no scan writes to the database while a test compares
 * snapshots. With `stop`, the worker is stopped too, so no context of the extension has the database
 * open. Works from a bare extension page (the manifest), left on about:blank and returned: an open
 * page of the origin keeps its storage open, and closing a tab would wake the worker (tabs.onRemoved).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 * @param {{ stop?: boolean }} [opts]
 */
export async function quietWorker(context, extensionId, opts = {}) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  await page.waitForFunction(
    async () => {
      const alarm = (await chrome.alarms.getAll())[0];
      return alarm !== undefined && alarm.scheduledTime > Date.now() + 60 * 60_000;
    },
    undefined,
    { polling: 100, timeout: 30_000 },
  );
  await page.evaluate(() => chrome.alarms.clearAll());
  if (opts.stop) await stopWorker(page);
  await page.goto('about:blank');
  return page;
}

/**
 * Chromium: closes the extension origin's IndexedDB backing store now, through chrome://indexeddb-internals'
 * "Force close" (which skips the 2 s grace period a backing store otherwise stays open after its last
 * connection). While open, it keeps the space the quota manager last granted and approves writes against
 * that (decaying over 30 s, IndexedDB's kBucketSpaceCacheTimeLimit) without asking again: a quota lowered
 * meanwhile would not bite. The next connection opens a fresh store, whose first write asks. Navigates
 * `page` (a tab of the extension's browser) to the internals page and leaves it there: any navigation wakes the
 * worker (its tabs.onUpdated listener), which opens the database as it starts, so the worker is stopped again
 * on the internals page before the force-close, and nothing navigates after it.
 * @param {import('playwright-core').Page} page
 * @param {string} extensionId
 */
export async function forceCloseIndexedDb(page, extensionId) {
  const bucket = page.locator('indexeddb-bucket', {
    has: page.locator('.indexeddb-path', { hasText: `chrome-extension_${extensionId}_0.indexeddb` }),
  });
  // The page lists the buckets once, as it loads: on a busy machine the extension's may not be listed yet (a full run
  // waited 30 s on a page that would never show it), so the page is loaded again until it is.
  for (let attempt = 1; ; attempt++) {
    await page.goto('chrome://indexeddb-internals/');
    const listed = await bucket.waitFor({ timeout: 5_000 }).then(
      () => true,
      (error) => {
        if (attempt >= 6) throw error;
        return false;
      },
    );
    if (listed) break;
  }
  // The navigation here woke the worker: stop it (through the DevTools protocol, no navigation), so its
  // connection is gone and nothing opens the database again until the caller does.
  await stopWorker(page);
  // The first one is the bucket's (what Chromium's own page writes the force-close's answer into); an open
  // database adds its own open/active/pending counts after it.
  const count = bucket.locator('.connection-count').first();
  // The page writes the connection count it gets back from the force-close: clear it, then wait for it.
  await count.evaluate((el) => {
    el.textContent = '';
  });
  await bucket.locator('.force-close').click();
  await page.waitForFunction((el) => el?.textContent?.trim() === '0', await count.elementHandle());
}

import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { DIST, launchWithExtension } from './browser.mjs';
import type { StorageHarness } from './storageHarness/page.ts';
import { extensionWithHarness, HARNESS_PAGE, quietWorker } from './storageHarness.mjs';

// Quota, for real, in Chromium: the DevTools protocol lowers the extension origin's quota, and the
// real import and restore code writes into real IndexedDB until the browser refuses.
//
// The shipped build holds unlimitedStorage, which in Chromium exempts the extension from quota: the
// test shows a lowered quota doesn't stop it. (Tests that strip unlimitedStorage from a copy of the
// build so the quota bites were removed when they stopped reproducing the quota error; see issue 8.)

const QUOTA = 1024 * 1024;
/** Rows in the generated Connections.csv: a few MB once stored, well above QUOTA. */
const ROWS = 4000;

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/**
 * Launches the build (with the harness page) and lowers its origin's quota. The order matters:
 * Chromium's IndexedDB takes an origin's quota when it opens the origin's storage and keeps it while
 * any context of the origin has it open, and the worker opens the database as it starts. So the
 * worker finishes its install scan and is stopped first, with its alarm removed so it stays stopped.
 */
async function launch(manifest?: (m: { permissions: string[] }) => unknown) {
  const dir = await extensionWithHarness(DIST, manifest ? { manifest } : {});
  const ext = await launchWithExtension({ extensions: [dir] });
  cleanup.push(
    () => ext.close(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  await quietWorker(ext.context, ext.extensionId, { stop: true });
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: `chrome-extension://${ext.extensionId}`,
    quotaSize: QUOTA,
  });
  await page.goto(`chrome-extension://${ext.extensionId}/${HARNESS_PAGE}`);
  await page.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
  return page;
}

const importRows = (page: Page, rows: number) =>
  page.evaluate(async (n) => {
    const { tn } = globalThis as unknown as { tn: StorageHarness };
    return tn.importConnections(tn.connectionsFile(n));
  }, rows);

const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

describe('storage quota in Chromium', () => {
  test('the shipped build holds unlimitedStorage, so a lowered quota does not stop an import', async () => {
    const page = await launch();
    expect(
      await page.evaluate(() => chrome.permissions.contains({ permissions: ['unlimitedStorage'] })),
    ).toBe(true);
    const imported = await importRows(page, ROWS);
    expect(imported).toMatchObject({ ok: true, value: { created: ROWS } });
    expect(await usage(page)).toBeGreaterThan(QUOTA);
  });
});

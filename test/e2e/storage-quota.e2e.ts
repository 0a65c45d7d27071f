import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { DIST, launchWithExtension } from './browser.mjs';
import type { StorageHarness } from './storageHarness/page.ts';
import { extensionWithHarness, HARNESS_PAGE } from './storageHarness.mjs';

// Quota, for real, in Chromium: the DevTools protocol lowers the extension origin's quota and the real
// database code writes into real IndexedDB until the browser refuses.
//
// The shipped build holds unlimitedStorage, which in Chromium exempts the extension from quota: the
// first test shows a lowered quota doesn't stop it. A quota error can still come from a full disk,
// and the app must survive that, so the second test strips unlimitedStorage from a copy of the build
// to let the lowered quota bite.

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/**
 * Launches the build (with the harness page) and lowers its origin's quota to `quota` bytes at once.
 * The order matters: Chromium's IndexedDB reads an origin's quota when it first opens the origin's
 * storage, so an override sent after the database was opened is ignored for that session.
 */
async function launch(quota: number, manifest?: (m: { permissions: string[] }) => unknown) {
  const dir = await extensionWithHarness(DIST, manifest ? { manifest } : {});
  const ext = await launchWithExtension({ extensions: [dir] });
  cleanup.push(
    () => ext.close(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: `chrome-extension://${ext.extensionId}`,
    quotaSize: quota,
  });
  await page.goto(`chrome-extension://${ext.extensionId}/${HARNESS_PAGE}`);
  await page.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
  return { ext, page };
}

/** A few people with notes and work: the data that must come through a failed write untouched. */
async function seed(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const { tn } = globalThis as unknown as { tn: StorageHarness };
    const tdb = tn.db();
    for (const name of ['Jane Doe', 'Omar Haddad', 'Li Wei']) {
      const p = await tn.mutations.createPerson(tdb, { name, headline: `${name}'s headline` });
      await tn.mutations.addNote(tdb, p.id, `Worked with ${name} on the trial.`);
      await tn.mutations.addSharedWork(tdb, p.id, {
        kind: 'trial',
        direction: 'together',
        status: 'done',
        title: 'Small trial',
        startDate: '2024-03',
      });
    }
  });
}

/** ~2.5 MB of notes written through the mutations API in one transaction, as an import writes. */
function bulkWrite(page: Page) {
  return page.evaluate(async () => {
    const { tn } = globalThis as unknown as { tn: StorageHarness };
    const tdb = tn.db();
    try {
      await tdb.transaction('rw', tdb.tables, async () => {
        for (let i = 0; i < 40; i++) {
          const p = await tn.mutations.createPerson(tdb, { name: `Bulk ${i}` });
          await tn.mutations.addNote(tdb, p.id, tn.incompressibleText(64 * 1024));
        }
      });
      return { ok: true as const };
    } catch (e) {
      return { ok: false as const, quotaExceeded: tn.isQuotaExceeded(e) };
    }
  });
}

const snapshot = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { tn: StorageHarness }).tn.snapshot());

describe('storage quota in Chromium', () => {
  test('the shipped build holds unlimitedStorage, so a lowered quota does not stop its writes', async () => {
    const quota = 1024 * 1024;
    const { page } = await launch(quota);
    expect(
      await page.evaluate(() => chrome.permissions.contains({ permissions: ['unlimitedStorage'] })),
    ).toBe(true);
    await seed(page);
    expect(await bulkWrite(page)).toEqual({ ok: true });
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    expect(usage).toBeGreaterThan(quota);
  });

  test('a write that hits the quota fails as quota exceeded and leaves the database exactly as before', async () => {
    const { page } = await launch(1024 * 1024, (m) => ({
      ...m,
      permissions: m.permissions.filter((p) => p !== 'unlimitedStorage'),
    }));
    await seed(page);
    const before = await snapshot(page);
    expect(before.people).toHaveLength(3);

    // The browser's real error, as Dexie hands it over, is recognised as running out of space.
    expect(await bulkWrite(page)).toEqual({ ok: false, quotaExceeded: true });
    expect(await snapshot(page)).toEqual(before);

    // And the database still works: a small write fits.
    await page.evaluate(async () => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      await tn.mutations.createPerson(tn.db(), { name: 'After the error' });
    });
    expect((await snapshot(page)).people).toHaveLength(4);
  });
});

import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { DIST, launchWithExtension } from './browser.mjs';
import type { StorageHarness } from './storageHarness/page.ts';
import { extensionWithHarness, forceCloseIndexedDb, HARNESS_PAGE, quietWorker } from './storageHarness.mjs';

// Quota, for real, in Chromium: the DevTools protocol lowers the extension origin's quota, and the
// real import and restore code writes into real IndexedDB until the browser refuses.
//
// The shipped build holds unlimitedStorage, which in Chromium exempts the extension from quota: the
// first test shows a lowered quota doesn't stop it. A quota error can still come from a full disk,
// and the app must come through that, so the next tests strip unlimitedStorage from a copy of the
// build to let the lowered quota bite.

const QUOTA = 1024 * 1024;
/** Rows in the generated Connections.csv: a few MB once stored, well above QUOTA. */
const ROWS = 4000;

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/**
 * Launches the build (with the harness page) and lowers its origin's quota. The order matters: an open
 * IndexedDB backing store approves writes against the space the quota manager granted it last (for up to
 * 30 s) and the worker opens the database as it starts. So the worker finishes its install scan and is
 * stopped, with its alarm removed so it stays stopped (and no tab is closed: tabs.onRemoved would wake
 * it); the backing store it left is closed at once; then the quota is lowered, before anything opens the
 * database again.
 */
async function launch(manifest?: (m: { permissions: string[] }) => unknown) {
  const dir = await extensionWithHarness(DIST, manifest ? { manifest } : {});
  const ext = await launchWithExtension({ extensions: [dir] });
  cleanup.push(
    () => ext.close(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  const blank = await quietWorker(ext.context, ext.extensionId, { stop: true });
  await forceCloseIndexedDb(blank, ext.extensionId);
  const cdp = await ext.context.newCDPSession(blank);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: `chrome-extension://${ext.extensionId}`,
    quotaSize: QUOTA,
  });
  // A new tab, not a closed one: closing a tab would wake the worker, which opens the database.
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${HARNESS_PAGE}`);
  await page.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
  return page;
}

const withoutUnlimitedStorage = (m: { permissions: string[] }) => ({
  ...m,
  permissions: m.permissions.filter((p) => p !== 'unlimitedStorage'),
});

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

const importRows = (page: Page, rows: number) =>
  page.evaluate(async (n) => {
    const { tn } = globalThis as unknown as { tn: StorageHarness };
    return tn.importConnections(tn.connectionsFile(n));
  }, rows);

const snapshot = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { tn: StorageHarness }).tn.snapshot());
const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

/** A backup of ROWS imported connections, made by the shipped build in the first test. */
let bigBackup: string;

describe('storage quota in Chromium', () => {
  test('the shipped build holds unlimitedStorage, so a lowered quota does not stop an import', async () => {
    const page = await launch();
    expect(
      await page.evaluate(() => chrome.permissions.contains({ permissions: ['unlimitedStorage'] })),
    ).toBe(true);
    const imported = await importRows(page, ROWS);
    expect(imported).toMatchObject({ ok: true, value: { created: ROWS } });
    expect(await usage(page)).toBeGreaterThan(QUOTA);
    bigBackup = await page.evaluate(() => (globalThis as unknown as { tn: StorageHarness }).tn.backupText());
  });

  /** A quota-limited browser holding a little data, and a snapshot of it. */
  async function limitedWithData() {
    const page = await launch(withoutUnlimitedStorage);
    await seed(page);
    const before = await snapshot(page);
    expect(before.people).toHaveLength(3);
    return { page, before };
  }

  test('an import that hits the quota fails as a failed commit, and changes nothing', async () => {
    const { page, before } = await limitedWithData();
    const result = await importRows(page, ROWS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('commitFailed');
    expect(!result.ok && result.error.detail).toMatch(/QuotaExceeded/);
    expect(await snapshot(page)).toEqual(before);
  });

  test('a restore that hits the quota fails as a failed restore, and changes nothing', async () => {
    // Restore clears every table before writing: all in one transaction, or the data would be gone.
    expect(bigBackup.length).toBeGreaterThan(QUOTA);
    const { page, before } = await limitedWithData();
    const result = await page.evaluate(
      (text) => (globalThis as unknown as { tn: StorageHarness }).tn.restore(text),
      bigBackup,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('restoreFailed');
    expect(!result.ok && result.error.detail).toMatch(/QuotaExceeded/);
    expect(await snapshot(page)).toEqual(before);
  });
});

import { rmSync } from 'node:fs';
import type { Page as ChromiumPage } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DIST, launchWithExtension } from './browser.mjs';
import { DIST_FIREFOX, launchFirefox, quietBackground } from './firefox/browser.mjs';
import type { StorageHarness } from './storageHarness/page.ts';
import { extensionWithHarness, HARNESS_PAGE, quietWorker } from './storageHarness.mjs';

// A backup made in Chromium restores in Firefox, and one made in Firefox restores in Chromium: the
// real export, validation and restore code, in both real browsers, with the file carried across.

let chromium: Awaited<ReturnType<typeof launchWithExtension>>;
let firefox: Awaited<ReturnType<typeof launchFirefox>>;
let inChromium: ChromiumPage;
let inFirefox: FirefoxPage;
const dirs: string[] = [];

beforeAll(async () => {
  const [chromeDir, firefoxDir] = await Promise.all([
    extensionWithHarness(DIST),
    extensionWithHarness(DIST_FIREFOX),
  ]);
  dirs.push(chromeDir, firefoxDir);
  [chromium, firefox] = await Promise.all([
    launchWithExtension({ extensions: [chromeDir] }),
    launchFirefox({ dist: firefoxDir }),
  ]);
  // No scan may write flags or bookkeeping while the test compares the two databases.
  await Promise.all([
    quietWorker(chromium.context, chromium.extensionId),
    firefox.openExtensionPage('manifest.json').then(async (page) => {
      await quietBackground(page);
      await page.close();
    }),
  ]);
  inChromium = await chromium.context.newPage();
  await inChromium.goto(`chrome-extension://${chromium.extensionId}/${HARNESS_PAGE}`);
  await inChromium.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
  inFirefox = await firefox.openExtensionPage(HARNESS_PAGE);
  await inFirefox.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
});
afterAll(async () => {
  await Promise.all([chromium?.close(), firefox?.close()]);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Snapshot = Record<string, unknown[]>;
type Restored = Awaited<ReturnType<StorageHarness['restore']>>;

/** Writes a ledger through the mutations API, with the text a real one holds: Arabic, emoji, quotes. */
async function writeLedger(people: string[]): Promise<void> {
  const { tn } = globalThis as unknown as { tn: StorageHarness };
  const tdb = tn.db();
  for (const [i, name] of people.entries()) {
    const p = await tn.mutations.createPerson(tdb, { name, tags: ['client', `batch ${i}`] });
    await tn.mutations.addNote(tdb, p.id, `«${name}» delivered on time 👍 — "really" good`);
    await tn.mutations.addSharedWork(tdb, p.id, {
      kind: i % 2 ? 'paidProject' : 'smallTask',
      direction: 'theyDelivered',
      status: 'done',
      startDate: '2023-11',
      outcome: { quality: 5, reliability: 'onTime', wouldWorkAgain: 'yes' },
    });
  }
}

const SNAPSHOT = async () => (globalThis as unknown as { tn: StorageHarness }).tn.snapshot();
const BACKUP = async () => (globalThis as unknown as { tn: StorageHarness }).tn.backupText();
const RESTORE = async (text: string) => (globalThis as unknown as { tn: StorageHarness }).tn.restore(text);

/** The ledger itself: every table but meta, whose lastBackupAt a backup and a restore both set. */
function ledger(snapshot: Snapshot): Snapshot {
  const { meta, ...rest } = snapshot;
  return { ...rest, meta: (meta as { key: string }[]).filter((row) => row.key !== 'lastBackupAt') };
}

test('a backup made in Chromium restores in Firefox, exactly', async () => {
  const people = ['Jane Doe', 'محمد العلي', 'Zoë O’Brien'];
  await inChromium.evaluate(writeLedger, people);
  const made = ledger((await inChromium.evaluate(SNAPSHOT)) as Snapshot);
  expect(made.people).toHaveLength(3);
  const file = await inChromium.evaluate(BACKUP);

  const restored = (await inFirefox.evaluate(RESTORE, file)) as Restored;
  expect(restored).toMatchObject({ ok: true });
  expect(ledger((await inFirefox.evaluate(SNAPSHOT)) as Snapshot)).toEqual(made);
});

test('a backup made in Firefox restores in Chromium, exactly', async () => {
  const people = ['李 小明', 'Élodie Müller'];
  await inFirefox.evaluate(writeLedger, people);
  const made = ledger((await inFirefox.evaluate(SNAPSHOT)) as Snapshot);
  // The two restored from Chromium plus the two added here.
  expect(made.people).toHaveLength(5);
  const file = await inFirefox.evaluate(BACKUP);

  const restored = (await inChromium.evaluate(RESTORE, file)) as Restored;
  expect(restored).toMatchObject({ ok: true });
  expect(ledger((await inChromium.evaluate(SNAPSHOT)) as Snapshot)).toEqual(made);
});

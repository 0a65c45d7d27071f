import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateConnectionsCsv } from '../../fixtures/csv/generate.ts';
import type { StorageHarness } from '../storageHarness/page.ts';
import { extensionWithHarness, HARNESS_PAGE } from '../storageHarness.mjs';
import { DIST_FIREFOX, launchFirefox, quietBackground } from './browser.mjs';

// The options page's data view in Firefox: the plain warning that an uninstall or a new temporary
// install wipes the data, and a LinkedIn import and a backup restore driven through the page itself,
// with files picked through the file inputs and the safety backup downloaded.

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let dir: string;
const files = mkdtempSync(join(tmpdir(), 'trust-notes-files-'));
const downloads = join(files, 'downloads');
let harness: Page;
let options: Page;

beforeAll(async () => {
  dir = await extensionWithHarness(DIST_FIREFOX);
  ff = await launchFirefox({
    dist: dir,
    prefs: { 'browser.download.folderList': 2, 'browser.download.dir': downloads },
  });
  harness = await ff.openExtensionPage(HARNESS_PAGE);
  await harness.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
  // No scan may write while the test compares the database with what it restored.
  await quietBackground(harness);
  options = await ff.openExtensionPage('src/options/index.html#/data');
  await options.waitForSelector('.data-backup');
});
afterAll(async () => {
  await ff?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

const peopleNames = () =>
  harness.evaluate(async () => {
    const { tn } = globalThis as unknown as { tn: StorageHarness };
    return (await tn.db().people.toArray()).map((p) => p.name).sort();
  });

async function buttonNamed(
  page: Page,
  scope: string,
  name: string,
): Promise<ElementHandle<HTMLButtonElement>> {
  await page.waitForFunction(
    (scope, name) => [...document.querySelectorAll(`${scope} button`)].some((b) => b.textContent === name),
    {},
    scope,
    name,
  );
  for (const button of await page.$$(`${scope} button`)) {
    if ((await button.evaluate((b) => b.textContent)) === name)
      return button as ElementHandle<HTMLButtonElement>;
  }
  throw new Error(`No button ${name}`);
}

const statusText = (page: Page, selector: string, text: string) =>
  page.waitForFunction(
    (selector, text) => document.querySelector(selector)?.textContent?.includes(text),
    {},
    selector,
    text,
  );

describe('the data view in Firefox', () => {
  test('says plainly, next to the backup button, that an uninstall or a new temporary install deletes the data', async () => {
    const warning = await options.$eval('.data-backup .warning-box', (el) => ({
      id: el.id,
      text: el.textContent,
    }));
    expect(warning.text).toBe(
      'Your notes live only in this browser, on this device. Uninstalling Trust Notes, or installing it again as a ' +
        'temporary add-on in Firefox, deletes them for good. Export a backup regularly and keep it somewhere safe.',
    );
    const describedBy = await (await buttonNamed(options, '.data-backup', 'Export a backup')).evaluate((b) =>
      b.getAttribute('aria-describedby'),
    );
    expect(describedBy).toBe(warning.id);
  });

  test('right under the warning, says the browser keeps the data and how much space it takes', async () => {
    // Firefox turns unlimitedStorage into the persistent-storage permission: persist() is granted, no prompt.
    await options.waitForSelector('.data-backup > .warning-box + .storage-status [data-storage-usage]');
    const status = await options.$eval('.data-backup > .warning-box + .storage-status', (el) => ({
      heading: el.querySelector('h4')?.textContent,
      durable: el.querySelector('[data-storage-durable]')?.getAttribute('data-storage-durable'),
      durableText: el.querySelector('[data-storage-durable]')?.textContent,
      usage: Number(el.querySelector('[data-storage-usage]')?.getAttribute('data-storage-usage')),
      usageText: el.querySelector('[data-storage-usage]')?.textContent,
    }));
    expect(status).toMatchObject({
      heading: 'Storage',
      durable: 'true',
      durableText:
        'Your notes are kept: the browser will not clear them to free space. Only you, or uninstalling Trust Notes, can remove them.',
    });
    expect(await options.evaluate(() => navigator.storage.persisted())).toBe(true);
    expect(status.usage).toBeGreaterThan(0);
    expect(status.usageText).toMatch(/^Space used: \d+(\.\d)? (byte|kB|MB)$/);
  });

  test('a LinkedIn Connections.csv picked in the page is previewed and imported', async () => {
    const csv = join(files, 'Connections.csv');
    writeFileSync(csv, generateConnectionsCsv(5, 7));
    const input = (await options.$('.data-import input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(csv);
    await (await buttonNamed(options, '.data-import', 'Import 5 people')).click();
    await statusText(options, '.data-import', 'Imported: 5 new, 0 updated, 0 unchanged, 0 rejected.');
    expect(await peopleNames()).toHaveLength(5);
  });

  test('a backup picked in the page restores exactly, after saving what was there as a file', async () => {
    // A backup of two people, made by the extension's own export in this browser.
    const backup = await harness.evaluate(async () => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      const names = (await tn.db().people.toArray()).map((p) => p.name).sort();
      const text = await tn.backupText();
      return { names, text };
    });
    await harness.evaluate(async () => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      await tn.mutations.createPerson(tn.db(), { name: 'Added after the backup' });
    });
    expect(await peopleNames()).toHaveLength(6);
    const file = join(files, 'trust-notes-backup.json');
    writeFileSync(file, backup.text);

    const input = (await options.$('.data-backup input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await (await buttonNamed(options, 'dialog', 'Restore')).click();
    await statusText(options, '.data-backup', 'Restored: 5 people.');
    expect(await peopleNames()).toEqual(backup.names);
    // The safety backup of the six people was downloaded.
    await expect
      .poll(() => (existsSync(downloads) ? readdirSync(downloads) : []).filter((f) => f.endsWith('.json')))
      .toHaveLength(1);
  });
});

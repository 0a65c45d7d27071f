// Import & backup through the options page UI, in real Chromium: a generated 30,000-row Connections.csv
// (preview, progress, commit), re-importing it creates nothing twice, rejected rows are listed with their
// reasons, a backup restores, and a corrupt backup is refused with the database unchanged.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateConnectionsCsv } from '../fixtures/csv/generate.ts';
import { launchWithExtension } from './browser.mjs';
import { type Extension, openOptions, pageErrors } from './optionsHarness.ts';

let ext: Extension;
let page: Page;
const ROWS = 30_000;
const csv = Buffer.from(generateConnectionsCsv(ROWS, 42), 'utf8');

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await openOptions(ext, '#/data');
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

/** The preview's count for one label ("New people", "Updated", …), as a number. */
async function previewCount(label: string): Promise<number> {
  const text = await page.locator('.import-counts div', { hasText: label }).locator('dd').textContent();
  return Number(text?.replace(/,/g, ''));
}

async function chooseImportFile(name: string, buffer: Buffer, mimeType = 'text/csv'): Promise<void> {
  await page
    .getByLabel('Choose the LinkedIn export zip, or one of its files')
    .setInputFiles({ name, mimeType, buffer });
}

/** Everyone in the database, counted the way the people list counts them. */
async function peopleCount(): Promise<number> {
  const list = await ext.context.newPage();
  await list.goto(page.url().replace(/#.*$/, '#/people'));
  // Right after a big import the worker is scanning 30,000 people, and this machine has two cores.
  const text = await list
    .locator('.people-count')
    .filter({ hasText: ' of ' })
    .textContent({ timeout: 120_000 });
  await list.close();
  return Number(text?.split(' of ')[1]?.replace(/[^\d]/g, ''));
}

describe('LinkedIn import', () => {
  test(`${ROWS} rows: preview, progress, all imported`, async () => {
    await chooseImportFile('Connections.csv', csv);
    await page
      .getByRole('heading', { name: 'Before importing Connections.csv' })
      .waitFor({ timeout: 120_000 });
    expect(await previewCount('New people')).toBe(ROWS);
    expect(await previewCount('Updated')).toBe(0);
    expect(await previewCount('Rejected rows')).toBe(0);

    await page.getByRole('button', { name: `Import ${ROWS.toLocaleString('en')} people` }).click();
    // The progress bar is the native one, labelled, while the rows are written.
    await page.getByRole('progressbar', { name: 'Importing' }).waitFor({ timeout: 30_000 });
    await page
      .getByRole('status')
      .filter({ hasText: `Imported: ${ROWS.toLocaleString('en')} new, 0 updated, 0 unchanged, 0 rejected.` })
      .waitFor({ timeout: 240_000 });
    expect(await peopleCount()).toBe(ROWS);
  }, 400_000);

  test('importing the same file again creates nothing twice', async () => {
    await chooseImportFile('Connections.csv', csv);
    await page
      .getByRole('heading', { name: 'Before importing Connections.csv' })
      .waitFor({ timeout: 120_000 });
    expect(await previewCount('New people')).toBe(0);
    expect(await previewCount('Updated')).toBe(0);
    expect(await previewCount('Unchanged')).toBe(ROWS);
    await expect(page.getByRole('button', { name: 'Nothing to import' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await peopleCount()).toBe(ROWS);
  }, 300_000);

  test('rejected rows are listed with their reasons; the rest still imports', async () => {
    const small = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Rana,Haddad,https://www.linkedin.com/in/rana-h-1,,Acme,CTO,15 Mar 2024',
      ',,,,,,',
      ',,https://example.com/not-linkedin,,,,01 Jan 2020',
      'Rana,Haddad,https://www.linkedin.com/in/rana-h-1,,Acme,CTO,15 Mar 2024',
    ].join('\r\n');
    await chooseImportFile('small.csv', Buffer.from(small));
    await page.getByRole('heading', { name: 'Before importing small.csv' }).waitFor();
    expect(await previewCount('New people')).toBe(1);
    expect(await previewCount('Rejected rows')).toBe(3);
    const rows = await page
      .locator('table.rejected tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 2).map((td) => td.textContent)));
    expect(rows).toEqual([
      ['3', 'Empty row'],
      ['4', 'The URL is not a LinkedIn profile address'],
      ['5', 'Same profile as line 2'],
    ]);
    await page.getByRole('button', { name: 'Import 1 people' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 1 new' }).waitFor();
  });

  test('a file that is not a connections export is refused, nothing changed', async () => {
    await chooseImportFile('notes.csv', Buffer.from('just,some\nother,table\n'));
    await page.getByRole('alert').filter({ hasText: 'Nothing was changed.' }).waitFor();
    expect(await peopleCount()).toBe(ROWS + 1);
  });
});

describe('backup and restore', () => {
  let backupPath: string;

  test('the data-loss warning and the storage status sit next to the backup button, which exports a file', async () => {
    const button = page.getByRole('button', { name: 'Export a backup' });
    await expect(button.getAttribute('aria-describedby')).resolves.toBeTruthy();
    await expect(page.locator('.warning-box').textContent()).resolves.toContain(
      'Uninstalling Trust Notes, or installing it again as a temporary add-on in Firefox, deletes them for good.',
    );
    // Right under the warning: unlimitedStorage keeps the data (Chromium answers persist() with false for
    // extensions, yet never evicts one holding it), and the 30,000 people imported above take some space.
    const status = page.locator('.data-backup > .warning-box + .storage-status');
    await status.getByRole('heading', { name: 'Storage' }).waitFor();
    await expect(status.locator('[data-storage-durable]').textContent()).resolves.toBe(
      'Your notes are kept: the browser will not clear them to free space. Only you, or uninstalling Trust Notes, can remove them.',
    );
    await expect(status.locator('[data-storage-durable]').getAttribute('data-storage-durable')).resolves.toBe(
      'true',
    );
    await expect
      .poll(async () =>
        Number(await status.locator('[data-storage-usage]').getAttribute('data-storage-usage')),
      )
      .toBeGreaterThan(1_000_000);
    await expect(status.locator('[data-storage-usage]').textContent()).resolves.toMatch(
      /^Space used: \d+(\.\d)? (MB|GB)$/,
    );
    // Never backed up, with people in the database: the reminder shows.
    await page.getByText('You have never exported a backup.').waitFor();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await button.click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^trust-notes-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupPath = await file.path();
    const head = readFileSync(backupPath, 'utf8').slice(0, 200);
    expect(head).toMatch(/^\{"trustNotesBackup":1,/);
    await expect.poll(() => page.getByText('You have never exported a backup.').count()).toBe(0);
    await page.getByText(/^Last backup: /).waitFor();
  }, 200_000);

  test('a corrupt backup is refused with the database unchanged', async () => {
    const whole = readFileSync(backupPath);
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    await page
      .getByLabel('Choose a Trust Notes backup file')
      .setInputFiles(
        { name: 'cut.json', mimeType: 'application/json', buffer: truncated },
        { timeout: 120_000 },
      );
    await page
      .getByRole('alert')
      .filter({ hasText: 'This backup is incomplete or damaged' })
      .waitFor({ timeout: 60_000 });
    await page.getByLabel('Choose a Trust Notes backup file').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello":"world"}'),
    });
    await page.getByRole('alert').filter({ hasText: 'This file was not made by Trust Notes.' }).waitFor();
    expect(await peopleCount()).toBe(ROWS + 1);
  }, 200_000);

  test('restore: confirm, a safety backup is saved, and the data is back as it was', async () => {
    // Change the data after the backup: one person less.
    const record = await ext.context.newPage();
    await record.goto(page.url().replace(/#.*$/, '#/people?q=rana'));
    await record.locator('.person-row-name').first().click({ timeout: 120_000 });
    await record.getByRole('button', { name: /^Delete / }).click();
    await record.locator('.people-count').waitFor();
    await record.close();
    expect(await peopleCount()).toBe(ROWS);

    await page
      .getByLabel('Choose a Trust Notes backup file')
      .setInputFiles(
        { name: 'backup.json', mimeType: 'application/json', buffer: readFileSync(backupPath) },
        { timeout: 120_000 },
      );
    const dialog = page.getByRole('dialog', { name: 'Replace everything with this backup?' });
    await dialog.waitFor({ timeout: 120_000 });
    await expect(dialog.textContent()).resolves.toContain(`holds ${(ROWS + 1).toLocaleString('en')} people`);
    const safety = page.waitForEvent('download', { timeout: 240_000 });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    expect((await safety).suggestedFilename()).toMatch(
      /^trust-notes-before-restore-\d{4}-\d{2}-\d{2}\.json$/,
    );
    await page
      .getByRole('status')
      .filter({ hasText: `Restored: ${(ROWS + 1).toLocaleString('en')} people.` })
      .waitFor({ timeout: 240_000 });
    expect(await peopleCount()).toBe(ROWS + 1);
    expect(pageErrors(page)).toEqual([]);
  }, 400_000);
});

// The options page's data view, written once and run in both browsers (options-data.e2e.ts: Chromium over
// Playwright; firefox/options.e2e.ts: Firefox over Puppeteer): a generated LinkedIn Connections.csv picked in the
// page is previewed, shows its progress and is imported; importing it again creates nothing twice; rejected rows are
// listed with their reasons; a file that is not an export is refused; the data-loss warning and the storage status
// sit by the backup button, which exports a file; a damaged backup is refused with nothing changed; a restore is
// confirmed, saves a safety backup first, and brings the data back. Each driver picks files, clicks and catches
// downloads in its own way; the steps and every assertion are here.
import { describe, expect, test } from 'vitest';
import { generateConnectionsCsv } from '../fixtures/csv/generate.ts';
import type { View } from './panelScenarios.ts';

export interface DataPage extends View {
  /** Picks a file named `name` holding `content` in the file input `selector`. */
  chooseFile(selector: string, name: string, content: Buffer): Promise<void>;
  /** Clicks the `index`th match of `selector`, as the user would. */
  clickAt(selector: string, index: number): Promise<void>;
  /** Waits for the download that `start` causes: the file's name and text. */
  download(start: () => Promise<void>): Promise<{ name: string; text: string }>;
  /** Uncaught errors the page has thrown since it opened. */
  errors: string[];
  close(): Promise<void>;
}

export interface DataDriver {
  /** Opens the options page at a route (`#/data`) and waits for its first view. */
  openOptions(hash: string): Promise<DataPage>;
}

export interface DataOptions {
  /** The size of the generated export. Chromium imports 30,000, the size the product is built for. */
  rows: number;
  /** What `navigator.storage.persisted()` answers: Firefox grants unlimitedStorage as persistence, Chromium
   * answers false for an extension yet never evicts one holding unlimitedStorage. The page says "kept" in both. */
  persisted: boolean;
}

/** Long steps on 30,000 people, on two shared cores. */
const LONG = { timeout: 240_000, interval: 250 };

/** Waits until a match of `selector` has text containing `text`. */
async function waitForText(
  page: View,
  selector: string,
  text: string,
  timeout = LONG.timeout,
): Promise<void> {
  await expect
    .poll(async () => (await page.texts(selector)).some((t) => t.includes(text)), { ...LONG, timeout })
    .toBe(true);
}

/** Clicks the button in `scope` whose text is `name` (or starts with it, `prefix`), once it is there. */
async function clickButton(page: DataPage, scope: string, name: string, prefix = false): Promise<void> {
  const selector = `${scope} button`;
  const find = async () =>
    (await page.texts(selector)).findIndex((t) => (prefix ? t.trim().startsWith(name) : t.trim() === name));
  await expect.poll(find, LONG).toBeGreaterThanOrEqual(0);
  await page.clickAt(selector, await find());
}

const buttonDisabled = (page: View, scope: string, name: string) =>
  page.evaluate(
    (arg) => {
      const [scope, name] = JSON.parse(arg) as [string, string];
      return [...document.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find(
        (b) => b.textContent?.trim() === name,
      )?.disabled;
    },
    JSON.stringify([scope, name]),
  );

/** The preview's count for one label ("New people", "Updated", …), as a number. */
async function previewCount(page: View, label: string): Promise<number> {
  const text = await page.evaluate(
    (label) =>
      [...document.querySelectorAll('.import-counts div')]
        .find((div) => div.textContent?.includes(label))
        ?.querySelector('dd')?.textContent ?? null,
    label,
  );
  return Number(String(text).replace(/,/g, ''));
}

const IMPORT_INPUT = '.data-import input[type="file"]';
const BACKUP_INPUT = '.data-backup input[type="file"]';
const count = (n: number) => n.toLocaleString('en');

export function dataScenarios(driver: () => DataDriver, { rows, persisted }: DataOptions): void {
  const csv = Buffer.from(generateConnectionsCsv(rows, 42), 'utf8');
  let page: DataPage;
  let backup: { name: string; text: string };

  /** Everyone in the database, counted the way the people list counts them. */
  async function peopleCount(): Promise<number> {
    const list = await driver().openOptions('#/people');
    try {
      // Right after a big import the worker is scanning everyone, and this machine has two cores.
      await waitForText(list, '.people-count', ' of ');
      return Number((await list.text('.people-count'))?.split(' of ')[1]?.replace(/[^\d]/g, ''));
    } finally {
      await list.close();
    }
  }

  describe('LinkedIn import', () => {
    test(`${count(rows)} rows: preview, progress, all imported`, async () => {
      page = await driver().openOptions('#/data');
      await page.chooseFile(IMPORT_INPUT, 'Connections.csv', csv);
      await waitForText(page, 'h4', 'Before importing Connections.csv');
      expect(await previewCount(page, 'New people')).toBe(rows);
      expect(await previewCount(page, 'Updated')).toBe(0);
      expect(await previewCount(page, 'Rejected rows')).toBe(0);
      await clickButton(page, '.data-import', `Import ${count(rows)} people`);
      // The progress bar is the native one, labelled, while the rows are written (a small file may finish first).
      if (rows >= 10_000) {
        const bar = () =>
          page.evaluate(
            () =>
              [...document.querySelectorAll('label')].filter(
                (label) =>
                  label.querySelector('span')?.textContent === 'Importing' && label.querySelector('progress'),
              ).length,
            '',
          );
        await expect.poll(bar, LONG).toBe(1);
      }
      await waitForText(
        page,
        '[role="status"]',
        `Imported: ${count(rows)} new, 0 updated, 0 unchanged, 0 rejected.`,
      );
      expect(await peopleCount()).toBe(rows);
    }, 400_000);

    test('importing the same file again creates nothing twice', async () => {
      await page.chooseFile(IMPORT_INPUT, 'Connections.csv', csv);
      await waitForText(page, 'h4', 'Before importing Connections.csv');
      expect(await previewCount(page, 'New people')).toBe(0);
      expect(await previewCount(page, 'Updated')).toBe(0);
      expect(await previewCount(page, 'Unchanged')).toBe(rows);
      expect(await buttonDisabled(page, '.data-import', 'Nothing to import')).toBe(true);
      await clickButton(page, '.data-import', 'Cancel');
      expect(await peopleCount()).toBe(rows);
    }, 300_000);

    test('rejected rows are listed with their reasons; the rest still imports', async () => {
      const small = [
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        'Rana,Haddad,https://www.linkedin.com/in/rana-h-1,,Acme,CTO,15 Mar 2024',
        ',,,,,,',
        ',,https://example.com/not-linkedin,,,,01 Jan 2020',
        'Rana,Haddad,https://www.linkedin.com/in/rana-h-1,,Acme,CTO,15 Mar 2024',
      ].join('\r\n');
      await page.chooseFile(IMPORT_INPUT, 'small.csv', Buffer.from(small));
      await waitForText(page, 'h4', 'Before importing small.csv');
      expect(await previewCount(page, 'New people')).toBe(1);
      expect(await previewCount(page, 'Rejected rows')).toBe(3);
      const rejected = await page.evaluate(
        () =>
          [...document.querySelectorAll('table.rejected tbody tr')].map((tr) =>
            [...tr.children].slice(0, 2).map((td) => td.textContent),
          ),
        '',
      );
      expect(rejected).toEqual([
        ['3', 'Empty row'],
        ['4', 'The URL is not a LinkedIn profile address'],
        ['5', 'Same profile as line 2'],
      ]);
      await clickButton(page, '.data-import', 'Import 1 people');
      await waitForText(page, '[role="status"]', 'Imported: 1 new');
    });

    test('a file that is not a connections export is refused, nothing changed', async () => {
      await page.chooseFile(IMPORT_INPUT, 'notes.csv', Buffer.from('just,some\nother,table\n'));
      await waitForText(page, '[role="alert"]', 'Nothing was changed.');
      expect(await peopleCount()).toBe(rows + 1);
    });
  });

  describe('backup and restore', () => {
    test('the data-loss warning and the storage status sit next to the backup button, which exports a file', async () => {
      const warning = {
        id: await page.evaluate(() => document.querySelector('.data-backup .warning-box')?.id, ''),
      };
      expect(await page.text('.data-backup .warning-box')).toBe(
        'Your notes live only in this browser, on this device. Uninstalling Trust Notes, or installing it again as a ' +
          'temporary add-on in Firefox, deletes them for good. Export a backup regularly and keep it somewhere safe.',
      );
      const describedBy = await page.evaluate(
        () =>
          [...document.querySelectorAll('.data-backup button')]
            .find((b) => b.textContent === 'Export a backup')
            ?.getAttribute('aria-describedby'),
        '',
      );
      expect(describedBy).toBeTruthy();
      expect(describedBy).toBe(warning.id);
      // Right under the warning: unlimitedStorage keeps the data, and the people imported above take some space.
      const status = '.data-backup > .warning-box + .storage-status';
      await waitForText(page, `${status} h4`, 'Storage');
      expect(await page.text(`${status} [data-storage-durable]`)).toBe(
        'Your notes are kept: the browser will not clear them to free space. Only you, or uninstalling Trust Notes, can remove them.',
      );
      expect(
        await page.evaluate(
          (s) => document.querySelector(`${s} [data-storage-durable]`)?.getAttribute('data-storage-durable'),
          status,
        ),
      ).toBe('true');
      expect(await page.evaluate(() => navigator.storage.persisted(), '')).toBe(persisted);
      // Each generated person takes well over 30 bytes of IndexedDB.
      await expect
        .poll(
          async () =>
            Number(
              await page.evaluate(
                (s) =>
                  document.querySelector(`${s} [data-storage-usage]`)?.getAttribute('data-storage-usage'),
                status,
              ),
            ),
          LONG,
        )
        .toBeGreaterThan(rows * 30);
      expect(await page.text(`${status} [data-storage-usage]`)).toMatch(
        /^Space used: \d+(\.\d)? (kB|MB|GB)$/,
      );
      // Never backed up, with people in the database: the reminder shows.
      await waitForText(page, '.data-backup', 'You have never exported a backup.');
      backup = await page.download(() => clickButton(page, '.data-backup', 'Export a backup'));
      expect(backup.name).toMatch(/^trust-notes-backup-\d{4}-\d{2}-\d{2}\.json$/);
      expect(backup.text.slice(0, 200)).toMatch(/^\{"trustNotesBackup":1,/);
      await expect
        .poll(
          async () => (await page.text('.data-backup'))?.includes('You have never exported a backup.'),
          LONG,
        )
        .toBe(false);
      await waitForText(page, '.data-backup', 'Last backup: ');
    }, 200_000);

    test('a damaged backup is refused with the database unchanged', async () => {
      const whole = Buffer.from(backup.text, 'utf8');
      await page.chooseFile(BACKUP_INPUT, 'cut.json', whole.subarray(0, Math.floor(whole.length / 2)));
      await waitForText(page, '[role="alert"]', 'This backup is incomplete or damaged');
      await page.chooseFile(BACKUP_INPUT, 'other.json', Buffer.from('{"hello":"world"}'));
      await waitForText(page, '[role="alert"]', 'This file was not made by Trust Notes.');
      expect(await peopleCount()).toBe(rows + 1);
    }, 200_000);

    test('restore: confirm, a safety backup is saved, and the data is back as it was', async () => {
      // Change the data after the backup: one person less, deleted from their record.
      const record = await driver().openOptions('#/people?q=rana');
      await expect.poll(() => record.count('.person-row-name'), LONG).toBeGreaterThan(0);
      const ranas = await record.texts('.person-row-name');
      await record.clickAt('.person-row-name', 0);
      await clickButton(record, 'article.record', 'Delete ', true);
      // Deleted: the record gives way to the people list.
      await expect.poll(() => record.count('.people-count'), LONG).toBe(1);
      await record.close();
      expect(await peopleCount()).toBe(rows);

      await page.chooseFile(BACKUP_INPUT, 'backup.json', Buffer.from(backup.text, 'utf8'));
      await waitForText(page, 'dialog[open] h2', 'Replace everything with this backup?');
      expect(await page.text('dialog[open]')).toContain(`holds ${count(rows + 1)} people`);
      const safety = await page.download(() => clickButton(page, 'dialog[open]', 'Restore'));
      expect(safety.name).toMatch(/^trust-notes-before-restore-\d{4}-\d{2}-\d{2}\.json$/);
      expect(JSON.parse(safety.text).trustNotesBackup).toBe(1);
      await waitForText(page, '[role="status"]', `Restored: ${count(rows + 1)} people.`);
      expect(await peopleCount()).toBe(rows + 1);
      // The very person deleted is back, with everyone the search found before.
      const found = await driver().openOptions('#/people?q=rana');
      await expect.poll(() => found.texts('.person-row-name'), LONG).toEqual(ranas);
      await found.close();
      expect(page.errors).toEqual([]);
    }, 400_000);
  });
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { networkFunnel } from '../../../src/core/network.ts';
import { evaluatePerson } from '../../../src/core/trust.ts';
import type { Person, SharedWork } from '../../../src/core/types.ts';
import { toPerson } from '../../../src/db/personRow.ts';
import { archiveFiles, connection, writeArchiveZip } from '../../fixtures/archive/generate.mjs';
import { expectedPreview, type PreviewRow } from '../archiveExpect.ts';
import type { StorageHarness } from '../storageHarness/page.ts';
import { extensionWithHarness, HARNESS_PAGE } from '../storageHarness.mjs';
import { DIST_FIREFOX, launchFirefox, quietBackground } from './browser.mjs';

// LinkedIn's whole export through the options page in Firefox (the twin of ../options-archive.e2e.ts): a generated
// archive zip picked through the file input, the preview's numbers per file, the import, a recommendation making an
// ambassador with its text as the evidence, the popup's weekly queue of 5 ranked people with reasons, the
// toolbar badge counting the queue, and the network view's funnel over the imported ledger.

const ARCHIVE = {
  connections: 1500,
  messageRows: 6000,
  conversations: 1200,
  recommendations: 30,
  endorsements: 200,
};
let ff: Awaited<ReturnType<typeof launchFirefox>>;
let dir: string;
let harness: Page;
let options: Page;
const files = mkdtempSync(join(tmpdir(), 'trust-notes-ff-archive-'));
const zipPath = join(files, 'Basic_LinkedInDataExport_12-05-2026.zip');
let expected: Record<string, PreviewRow>;

beforeAll(async () => {
  writeArchiveZip(zipPath, ARCHIVE);
  expected = await expectedPreview(zipPath);
  dir = await extensionWithHarness(DIST_FIREFOX);
  ff = await launchFirefox({ dist: dir });
  harness = await ff.openExtensionPage(HARNESS_PAGE);
  await harness.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
  await quietBackground(harness);
  options = await ff.openExtensionPage('src/options/index.html#/data');
  await options.waitForSelector('.data-import input[type="file"]');
}, 180_000);

afterAll(async () => {
  await ff?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

const badge = () => harness.evaluate(() => chrome.action.getBadgeText({}));
const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

describe("LinkedIn's whole export in Firefox", () => {
  test('the preview shows per file the rows read and how they matched', async () => {
    const input = (await options.$('.data-import input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(zipPath);
    await options.waitForSelector('table.archive-files', { timeout: 120_000 });
    for (const [kind, numbers] of Object.entries(expected)) {
      const cells = await options.$$eval(`table.archive-files tr[data-kind="${kind}"] td`, (tds) =>
        tds.map((td) => td.textContent ?? ''),
      );
      expect(
        cells.slice(0, 5).map((c) => Number(c.replace(/,/g, ''))),
        kind,
      ).toEqual([numbers.rows, numbers.exact, numbers.byName, numbers.ambiguous, numbers.unmatched]);
    }
    expect(Object.keys(expected)).toHaveLength(6);
  });

  test('imports, and a recommendation received makes an ambassador with its text as the evidence', async () => {
    await options.$$eval('.data-import button', (buttons) =>
      buttons.find((b) => b.textContent?.startsWith('Import ('))?.click(),
    );
    await options.waitForFunction(
      (n) =>
        document.querySelector('.data-import [role=status]')?.textContent?.includes(`Imported: ${n} new`),
      { timeout: 180_000 },
      ARCHIVE.connections.toLocaleString('en'),
    );
    const received = archiveFiles(ARCHIVE)['Recommendations_Received.csv']!.split('\r\n')[1]!;
    const [first, last] = received.split(',') as [string, string];
    const writer = [...Array(ARCHIVE.connections).keys()]
      .map(connection)
      .find((c) => c.first === first && c.last === last)!;
    const record = await harness.evaluate(async (name) => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      const person = (await tn.db().people.toArray()).find((p) => p.name === name)!;
      const works = await tn.db().sharedWork.where('personId').equals(person.id).toArray();
      return { stage: person.stage, works: works.map((w) => [w.kind, w.note]) };
    }, writer.name);
    expect(record.stage).toBe('ambassador');
    expect(record.works[0]?.[0]).toBe('referralReceived');
    expect(record.works[0]?.[1]).toContain(`${writer.first} delivered the work we agreed on`);
  });

  test('the popup shows the weekly queue of 5 ranked people with reasons, and the badge counts it', async () => {
    await expect.poll(badge, { timeout: 120_000 }).toBe('5');
    const popup = await ff.openExtensionPage('src/popup/index.html');
    await popup.waitForFunction(() => document.querySelectorAll('.popup-queue > li').length === 5, {
      timeout: 60_000,
    });
    const reasons = await popup.$$eval('.tn-queue-reasons', (els) => els.map((el) => el.textContent ?? ''));
    for (const text of reasons) expect(text).toMatch(/messages? in \d{4}/);
    expect(await textOf(popup, '.tn-queue-step')).toMatch(/^First step: /);
    const ranks = await harness.evaluate(
      async (names) => {
        const { tn } = globalThis as unknown as { tn: StorageHarness };
        const people = await tn.db().people.toArray();
        return names.map((name) => people.find((p) => p.name === name)?.queueRank ?? null);
      },
      await popup.$$eval('.tn-queue-name', (els) => els.map((el) => el.textContent ?? '')),
    );
    expect(ranks.every((r) => typeof r === 'number')).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => b! - a!));
    expect(await harness.evaluate(() => chrome.action.getTitle({}))).toBe(
      'Trust Notes: 5 people to test this week',
    );
  });

  test("the network view's funnel: connections, any contact, tested work, proven, ambassadors", async () => {
    const network = await ff.openExtensionPage('src/options/index.html#/network');
    const caption = 'From connections to ambassadors';
    await network.waitForFunction(
      (title) => [...document.querySelectorAll('table caption')].some((c) => c.textContent === title),
      { timeout: 120_000 },
      caption,
    );
    const shown = await network.$$eval(
      'table',
      (tables, title) =>
        tables
          .filter((table) => table.querySelector('caption')?.textContent === title)
          .flatMap((table) =>
            [...table.querySelectorAll('tbody tr')].map((row) =>
              [...row.children].map((cell) => cell.textContent ?? ''),
            ),
          ),
      caption,
    );
    // The same ledger read back through the harness, counted by core's rules.
    const { people, works } = await harness.evaluate(async () => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      return { people: await tn.db().people.toArray(), works: await tn.db().sharedWork.toArray() };
    });
    const worksOf = new Map<string, SharedWork[]>();
    for (const work of works as SharedWork[])
      worksOf.set(work.personId, [...(worksOf.get(work.personId) ?? []), work]);
    const now = new Date();
    const funnel = networkFunnel(
      people.map((row) => {
        const person: Person = toPerson(row);
        return { person, evaluation: evaluatePerson({ person, works: worksOf.get(person.id) ?? [], now }) };
      }),
    );
    const n = (count: number) => count.toLocaleString('en');
    expect(shown).toEqual([
      ['Connections', n(funnel.connections)],
      ['With any contact', n(funnel.anyContact)],
      ['With tested work', n(funnel.tested)],
      ['Proven', n(funnel.proven)],
      ['Ambassadors', n(funnel.ambassadors)],
    ]);
    // Every connection is in; messages, endorsements and invitations are contact; recommendations make ambassadors.
    expect(funnel.connections).toBe(ARCHIVE.connections);
    expect(funnel.anyContact).toBeGreaterThan(funnel.tested);
    expect(funnel.ambassadors).toBeGreaterThan(0);
    await network.close();
  });
});

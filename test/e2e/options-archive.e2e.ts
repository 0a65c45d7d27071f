// LinkedIn's whole export through the options page, in real Chromium: a generated archive zip is picked from disk,
// the preview shows per file the rows read and how they matched (the numbers the import's engine gives for the
// same zip), the import commits with progress, a recommendation turns its writer into an ambassador with its text as
// the evidence, the popup shows the weekly queue (5 ranked people, each with reasons in words), and the toolbar
// badge counts the queue, never the thousands of dormant connections.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { archiveFiles, connection, writeArchiveZip } from '../fixtures/archive/generate.mjs';
import { expectedPreview, type PreviewRow } from './archiveExpect.ts';
import { launchWithExtension } from './browser.mjs';
import { type Extension, expectNoAxeViolations, openOptions, pageErrors, pageUrl } from './optionsHarness.ts';
import { readStores } from './panelHelpers.ts';

const ARCHIVE = {
  connections: 3000,
  messageRows: 12_000,
  conversations: 2500,
  recommendations: 60,
  endorsements: 400,
};
let ext: Extension;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'trust-notes-archive-'));
const zipPath = join(dir, 'Complete_LinkedInDataExport_12-05-2026.zip');
let expected: Record<string, PreviewRow>;

beforeAll(async () => {
  writeArchiveZip(zipPath, ARCHIVE);
  expected = await expectedPreview(zipPath);
  ext = await launchWithExtension();
  page = await openOptions(ext, '#/data');
}, 180_000);

afterAll(async () => {
  await ext?.close();
  rmSync(dir, { recursive: true, force: true });
});

const badge = () => ext.worker.evaluate(() => chrome.action.getBadgeText({}));

/**
 * Records every state of the page's progress bars (label, value, max) from now on: reading and writing are too
 * quick at this size to catch with a wait, so the page notes each change itself.
 */
const watchProgress = () =>
  page.evaluate(() => {
    const seen: [string, number, number][] = [];
    (globalThis as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('progress')) {
        const label = bar.closest('label')?.textContent?.trim() ?? '';
        const last = seen.at(-1);
        if (!last || last[0] !== label || last[1] !== bar.value || last[2] !== bar.max)
          seen.push([label, bar.value, bar.max]);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
const progressSeen = () =>
  page.evaluate(() => (globalThis as unknown as { progressSeen: [string, number, number][] }).progressSeen);

describe("LinkedIn's whole export", () => {
  test('the preview: per file, rows read; matched exactly, by name, ambiguous, unmatched', async () => {
    await watchProgress();
    await page.getByLabel('Choose the LinkedIn export zip, or one of its files').setInputFiles(zipPath);
    await page
      .getByRole('heading', { name: `Before importing ${zipPath.split('/').pop()}` })
      .waitFor({ timeout: 120_000 });
    // Reading showed a bar that moved forward to its end.
    const reading = (await progressSeen()).filter(([label]) => label === 'Reading the file');
    expect(reading.length).toBeGreaterThan(1);
    expect(reading.at(-1)![1]).toBe(reading.at(-1)![2]);
    expect(reading.map(([, value]) => value)).toEqual(
      reading.map(([, value]) => value).sort((a, b) => a - b),
    );
    const count = async (label: string) =>
      (await page.locator('.import-counts div', { hasText: label }).locator('dd').textContent())?.replace(
        /,/g,
        '',
      );
    await expect(count('New people')).resolves.toBe(String(ARCHIVE.connections));
    const table = page.getByRole('table', { name: 'The other files of the export' });
    for (const [kind, numbers] of Object.entries(expected)) {
      const cells = await table.locator(`tr[data-kind="${kind}"] td`).allTextContents();
      expect(
        cells.slice(0, 5).map((c) => Number(c.replace(/,/g, ''))),
        kind,
      ).toEqual([numbers.rows, numbers.exact, numbers.byName, numbers.ambiguous, numbers.unmatched]);
    }
    // Every file is there, and the conversations with people who are not connections wait for the review.
    expect(Object.keys(expected).sort()).toEqual([
      'endorsementsGiven',
      'endorsementsReceived',
      'invitations',
      'messages',
      'recommendationsGiven',
      'recommendationsReceived',
    ]);
    expect(expected.messages?.unmatched).toBeGreaterThan(0);
    await page.getByRole('heading', { name: /^Rows that need your answer/ }).waitFor();
    await expectNoAxeViolations(page, 'the archive preview');
  });

  test('imports all or nothing, with progress; the worker fills the queue', async () => {
    await watchProgress();
    await page.getByRole('button', { name: /^Import \(/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Imported: ${ARCHIVE.connections.toLocaleString('en')} new` })
      .waitFor({ timeout: 180_000 });
    // Writing showed a bar over the people written, in more than one step.
    const writing = (await progressSeen()).filter(([label]) => label === 'Importing');
    expect(writing.length).toBeGreaterThan(1);
    expect(writing.at(-1)![2]).toBeGreaterThanOrEqual(ARCHIVE.connections);
    expect(await pageErrors(page)).toEqual([]);
  });

  test('a recommendation received turns its writer into an ambassador, with its text as the evidence', async () => {
    const received = archiveFiles(ARCHIVE)['Recommendations_Received.csv']!.split('\r\n')[1]!;
    const [first, last] = received.split(',') as [string, string];
    const writer = [...Array(ARCHIVE.connections).keys()]
      .map(connection)
      .find((c) => c.first === first && c.last === last)!;
    await page.goto(page.url().replace(/#.*$/, `#/people?q=${encodeURIComponent(writer.last)}`));
    await page.getByRole('link', { name: writer.name, exact: true }).click();
    await page.locator('#record-name', { hasText: writer.name }).waitFor();
    await expect(page.locator('.record-title .tn-stage').textContent()).resolves.toBe('Ambassador');
    await expect(page.locator('.timeline-item').first().textContent()).resolves.toContain(
      `${writer.first} delivered the work we agreed on, on time, and it held up.`,
    );
    await expect(page.locator('.tn-direction').nth(1).textContent()).resolves.toMatch(/recommended you/);
  });

  test('the popup shows the weekly queue: 5 ranked people, each with reasons in words and a first step', async () => {
    await expect.poll(badge, { timeout: 120_000 }).toBe('5');
    const popup = await ext.context.newPage();
    await popup.goto(pageUrl(ext, 'src/popup/index.html'));
    await expect.poll(() => popup.locator('.popup-queue > li').count(), { timeout: 30_000 }).toBe(5);
    const reasons = await popup.locator('.tn-queue-reasons').allTextContents();
    expect(reasons).toHaveLength(5);
    for (const text of reasons) expect(text).toMatch(/messages? in \d{4}/);
    for (const text of await popup.locator('.tn-queue-step').allTextContents())
      expect(text).toMatch(/^First step: /);
    // Ranked: the queue's order (warmth and untested time, people.queueRank), warmest first.
    const stores = await readStores(ext.context, ext.extensionId);
    const rank = new Map(stores.people.map((p) => [p.name, p.queueRank as number]));
    const names = await popup.locator('.tn-queue-name').allTextContents();
    expect(names.map((name) => rank.get(name))).toEqual(
      names.map((name) => rank.get(name)).sort((a, b) => b! - a!),
    );
    const queued = (stores.queue ?? [])
      .filter((entry) => entry.state === 'queued')
      .map((entry) => entry.personId);
    expect(new Set(names)).toEqual(
      new Set(stores.people.filter((p) => queued.includes(p.id)).map((p) => p.name)),
    );
    // And no one dormant today (untested for the default 3 years) outside the queue ranks above its last person.
    const today = new Date();
    const cutoff = `${today.getFullYear() - 3}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const lowest = Math.min(...names.map((name) => rank.get(name)!));
    const dormantAbove = stores.people.filter(
      (p) =>
        (p.queueRank as number) > lowest &&
        !queued.includes(p.id) &&
        typeof p.untestedSince === 'string' &&
        p.untestedSince !== '' &&
        p.untestedSince <= cutoff,
    );
    expect(dormantAbove).toEqual([]);
    await expectNoAxeViolations(popup, 'the popup after an archive import');
    await popup.close();
  });

  test('the toolbar badge shows the queue, not the thousands of dormant connections', async () => {
    // Thousands are dormant (connected years ago, nothing shared): the people list's filter shows them all.
    await page.goto(page.url().replace(/#.*$/, '#/people?dormant=1'));
    const shown = await page
      .locator('.people-count')
      .filter({ hasText: ' of ' })
      .textContent({ timeout: 60_000 });
    expect(Number(shown?.split(' of ')[0]?.replace(/,/g, ''))).toBeGreaterThan(1000);
    expect(await badge()).toBe('5');
    expect(await ext.worker.evaluate(() => chrome.action.getTitle({}))).toBe(
      'Trust Notes: 5 people to test this week',
    );
  });

  test('importing the same archive again changes nothing', async () => {
    await page.goto(page.url().replace(/#.*$/, '#/data'));
    await page.getByLabel('Choose the LinkedIn export zip, or one of its files').setInputFiles(zipPath);
    await page.getByRole('heading', { name: /^Before importing/ }).waitFor({ timeout: 120_000 });
    await expect(page.getByRole('button', { name: 'Nothing to import' }).isDisabled()).resolves.toBe(true);
  });
});

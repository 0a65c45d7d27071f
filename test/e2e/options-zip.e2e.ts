// Crafted zips through the options page's import, in real Chromium: a zip bomb of many Connections.csv entries
// and a huge declared size are refused at once with a clear message, and the page keeps answering meanwhile.
// (fflate's unzipSync, used before, inflated every matching entry: 64 × 128 MB here.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateConnectionsCsv } from '../fixtures/csv/generate.ts';
import { craftZip, deflatedEntry, zerosEntry } from '../fixtures/zip/craft.ts';
import { launchWithExtension } from './browser.mjs';
import { type Extension, openOptions, pageErrors } from './optionsHarness.ts';

let ext: Extension;
let page: Page;
const files = mkdtempSync(join(tmpdir(), 'trust-notes-zips-'));
const MB = 1024 * 1024;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await openOptions(ext, '#/data');
}, 120_000);

afterAll(async () => {
  await ext?.close();
  rmSync(files, { recursive: true, force: true });
});

/** Starts a heartbeat in the page; the returned function gives the longest gap between its beats so far. */
async function heartbeat(): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { beat: { last: number; worst: number } };
    w.beat = { last: performance.now(), worst: 0 };
    setInterval(() => {
      const now = performance.now();
      w.beat.worst = Math.max(w.beat.worst, now - w.beat.last);
      w.beat.last = now;
    }, 20);
  });
  return () => page.evaluate(() => (window as unknown as { beat: { worst: number } }).beat.worst);
}

/** Picks the zip from disk, as a user does: the page gets a File backed by the file, read only where sliced. */
async function choose(name: string, bytes: Uint8Array): Promise<void> {
  const path = join(files, name);
  writeFileSync(path, bytes);
  await page.getByLabel('Choose the LinkedIn export zip, or one of its files').setInputFiles(path);
}

test('64 Connections.csv entries of 128 MB each (8 GB inflated): refused at once, the page stays responsive', async () => {
  const payload = zerosEntry('x', 128 * MB);
  const zip = craftZip(
    Array.from({ length: 64 }, (_, i) => zerosEntry(`Complete_${i}/Connections.csv`, 128 * MB, payload)),
  );
  const worst = await heartbeat();
  await choose('Complete_LinkedInDataExport.zip', zip);
  await page
    .getByRole('alert')
    .filter({ hasText: 'This zip is compressed far more than a real export can be' })
    .waitFor({ timeout: 20_000 });
  await expect(page.getByRole('alert').textContent()).resolves.toContain('Nothing was changed.');
  // The page answered throughout: no task held it for seconds (inflating one entry alone takes longer).
  expect(await worst()).toBeLessThan(2_000);
  expect(pageErrors(page)).toEqual([]);
}, 60_000);

test('a Connections.csv that declares 4 GB is refused before anything is inflated', async () => {
  const csv = Buffer.from(generateConnectionsCsv(20, 1));
  await choose('export.zip', craftZip([deflatedEntry('Connections.csv', csv, 0xfffffff0)]));
  await page
    .getByRole('alert')
    .filter({ hasText: 'Connections.csv inside this zip claims to be far larger than any LinkedIn export' })
    .waitFor({ timeout: 20_000 });
  // And an honest export still imports after both refusals.
  await choose('export.zip', craftZip([deflatedEntry('Basic/Connections.csv', csv)]));
  await page.getByRole('heading', { name: 'Before importing export.zip' }).waitFor({ timeout: 20_000 });
  expect(pageErrors(page)).toEqual([]);
}, 60_000);

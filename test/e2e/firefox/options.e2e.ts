// The options page's data view in Firefox (the scenarios: ../dataScenarios.ts, shared with Chromium): a generated
// Connections.csv picked through the page's file input, re-import, rejected rows, a refused file, the data-loss
// warning (it names Firefox's temporary add-ons) and the storage status, the backup, a damaged backup, and a restore
// whose safety backup Firefox downloads.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type DataPage, dataScenarios } from '../dataScenarios.ts';
import { view } from '../panelScenarios.ts';
import { launchFirefox } from './browser.mjs';

let ff: Awaited<ReturnType<typeof launchFirefox>>;
const files = mkdtempSync(join(tmpdir(), 'trust-notes-files-'));
const downloads = join(files, 'downloads');

beforeAll(async () => {
  ff = await launchFirefox({
    prefs: { 'browser.download.folderList': 2, 'browser.download.dir': downloads },
  });
});
afterAll(async () => {
  await ff?.close();
  rmSync(files, { recursive: true, force: true });
});

/** The finished files in the download folder (Firefox writes a .part file until the download ends). */
const downloaded = () =>
  (existsSync(downloads) ? readdirSync(downloads) : []).filter((f) => !f.endsWith('.part'));

function dataPage(page: Page, errors: string[]): DataPage {
  return {
    ...view((fn, arg) => page.evaluate(fn, arg)),
    async chooseFile(selector, name, content) {
      // A picked file has a name on disk: each pick gets a folder of its own, so names can repeat.
      const path = join(mkdtempSync(join(files, 'pick-')), name);
      writeFileSync(path, content);
      const input = (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
    },
    async clickAt(selector, index) {
      const element = (await page.$$(selector))[index];
      if (!element) throw new Error(`No match ${index} of ${selector}`);
      await element.click();
    },
    async download(start) {
      const before = new Set(downloaded());
      await start();
      const fresh = () => downloaded().filter((f) => !before.has(f));
      // Finished: one new file, and no .part file beside it (Firefox creates the target empty, then moves the
      // .part file over it).
      const finished = () => fresh().length === 1 && !readdirSync(downloads).some((f) => f.endsWith('.part'));
      await expect.poll(finished, { timeout: 240_000, interval: 250 }).toBe(true);
      const name = fresh()[0]!;
      return { name, text: readFileSync(join(downloads, name), 'utf8') };
    },
    errors,
    close: () => page.close(),
  };
}

dataScenarios(
  () => ({
    async openOptions(hash) {
      const errors: string[] = [];
      const page = await ff.browser.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      await ff.navigateExtensionPage(page, `src/options/index.html${hash}`);
      await page.waitForSelector('main h2');
      return dataPage(page, errors);
    },
  }),
  // Firefox turns unlimitedStorage into the persistent-storage permission: persist() is granted, no prompt. The
  // scale is Chromium's run's (and the bench's): here the same path at a size this suite can afford twice.
  { rows: 3_000, persisted: true },
);

// The options page's data view in real Chromium (the scenarios: dataScenarios.ts, shared with Firefox): import of a
// generated 30,000-row Connections.csv, re-import, rejected rows, a refused file, the backup, a damaged backup, and
// a restore with its safety backup.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension } from './browser.mjs';
import { type DataPage, dataScenarios } from './dataScenarios.ts';
import { type Extension, openOptions, pageErrors } from './optionsHarness.ts';
import { view } from './panelScenarios.ts';

let ext: Extension;

beforeAll(async () => {
  ext = await launchWithExtension();
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

/** The type a file picker would give: the import and the restore read the name and the type. */
const mimeType = (name: string) =>
  name.endsWith('.json') ? 'application/json' : name.endsWith('.zip') ? 'application/zip' : 'text/csv';

function dataPage(page: Page): DataPage {
  return {
    ...view((fn, arg) => page.evaluate(fn, arg)),
    chooseFile: (selector, name, buffer) =>
      page.locator(selector).setInputFiles({ name, mimeType: mimeType(name), buffer }, { timeout: 120_000 }),
    clickAt: (selector, index) => page.locator(selector).nth(index).click(),
    async download(start) {
      const download = page.waitForEvent('download', { timeout: 240_000 });
      await start();
      const file = await download;
      return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
    },
    get errors() {
      return pageErrors(page);
    },
    close: () => page.close(),
  };
}

dataScenarios(() => ({ openOptions: async (hash) => dataPage(await openOptions(ext, hash)) }), {
  rows: 30_000,
  persisted: false,
});

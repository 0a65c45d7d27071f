import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, ROOT } from './browser.mjs';

// Chromium picks the extension's locale from its UI language: --lang plus the matching locale.
let ext: Awaited<ReturnType<typeof launchWithExtension>>;
const artifacts = join(ROOT, 'test-results');

beforeAll(async () => {
  ext = await launchWithExtension({ locale: 'ar', args: ['--lang=ar'] });
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await ext?.close();
});

test.each(['popup', 'options'])('the %s page renders in Arabic, right to left', async (name) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/${name}/index.html`);
  await page.locator('h1').waitFor();
  const seen = await page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    heading: document.querySelector('h1')?.textContent,
    direction: getComputedStyle(document.body).direction,
  }));
  expect(seen).toEqual({ dir: 'rtl', lang: 'ar', heading: 'ملاحظات الثقة', direction: 'rtl' });
  await page.screenshot({ path: join(artifacts, `${name}-ar-rtl.png`) });
  await page.close();
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../browser.mjs';
import { launchFirefox } from './browser.mjs';

// Firefox picks the extension's locale from its own UI locale (intl.locale.requested), which it only
// honours with the Arabic language pack installed (firefox-esr-l10n-ar; .ci/run installs it).
let ff: Awaited<ReturnType<typeof launchFirefox>>;
const artifacts = join(ROOT, 'test-results');

beforeAll(async () => {
  ff = await launchFirefox({ locale: 'ar' });
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await ff?.close();
});

test.each(['popup', 'options'])('the %s page renders in Arabic, right to left, in Firefox', async (name) => {
  const page = await ff.openExtensionPage(`src/${name}/index.html`);
  await page.waitForSelector('h1');
  const seen = await page.evaluate(() => ({
    dir: document.documentElement.dir,
    lang: document.documentElement.lang,
    heading: document.querySelector('h1')?.textContent,
    direction: getComputedStyle(document.body).direction,
  }));
  expect(seen).toEqual({ dir: 'rtl', lang: 'ar', heading: 'ملاحظات الثقة', direction: 'rtl' });
  await page.screenshot({ path: join(artifacts, `firefox-${name}-ar-rtl.png`) });
  await page.close();
});

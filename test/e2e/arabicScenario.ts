// The extension's pages in Arabic, right to left, written once and run in both browsers (arabic.e2e.ts: Chromium,
// which picks the extension's locale from --lang; firefox/arabic.e2e.ts: Firefox, from its UI locale, with the
// Arabic language pack). A screenshot of each page is kept under test-results/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from './browser.mjs';
import type { Evaluate } from './panelScenarios.ts';

/** An extension page, open in the browser. */
export interface ExtensionPage {
  evaluate: Evaluate;
  waitFor(selector: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** The browser with the extension, launched in Arabic. */
export interface ArabicBrowser {
  /** Opens the extension's page at `path` (e.g. src/popup/index.html). */
  open(path: string): Promise<ExtensionPage>;
  close(): Promise<void>;
}

/** `prefix` names the screenshots ('' for Chromium, 'firefox-'). */
export function arabicScenario(launch: () => Promise<ArabicBrowser>, prefix: string): void {
  let browser: ArabicBrowser;
  const artifacts = join(ROOT, 'test-results');
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test.each(['popup', 'options'])('the %s page renders in Arabic, right to left', async (name) => {
    const page = await browser.open(`src/${name}/index.html`);
    await page.waitFor('h1');
    const seen = await page.evaluate(
      () => ({
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
        heading: document.querySelector('h1')?.textContent,
        direction: getComputedStyle(document.body).direction,
      }),
      '',
    );
    expect(seen).toEqual({ dir: 'rtl', lang: 'ar', heading: 'ملاحظات الثقة', direction: 'rtl' });
    await page.screenshot(join(artifacts, `${prefix}${name}-ar-rtl.png`));
    await page.close();
  });
}

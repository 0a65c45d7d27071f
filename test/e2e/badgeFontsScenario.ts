// The badge must not tell a hostile page its words through fonts, written once and run in both browsers
// (badge-fonts.e2e.ts: Chromium over Playwright; firefox/badge-fonts.e2e.ts: Firefox over Puppeteer). A document's
// @font-face rules reach into shadow trees; a page that defines the families the badge names, one face per letter
// (unicode-range), would learn from document.fonts which letters were drawn, and so the stage. With generic
// families only, no face of the page's is ever used: each stays unloaded, and no font is requested. English and
// Arabic, with a font set lacking Arabic (fontsWithoutArabic.ts); Firefox resolves system-ui and unknown family
// names itself, so both browsers are checked.
import { afterAll, afterEach, expect, test } from 'vitest';
import { DEMO_DORMANT_URL, DEMO_FIXTURES } from '../../scripts/demo.mjs';
import { fontsWithoutArabic, HOSTILE_FONTS } from './fontsWithoutArabic.ts';
import type { Evaluate } from './panelScenarios.ts';

/** The pages the scenario serves: the demo's, with the dormant profile's page replaced by the hostile one. */
export const FONT_ROUTES = { ...DEMO_FIXTURES, [DEMO_DORMANT_URL]: HOSTILE_FONTS };

/** A browser with the extension, launched in a UI locale with extra environment (the font set). */
export interface FontsBrowser {
  /** Seeds the demo network through the demo page; returns how many people were written. */
  seedDemo(): Promise<number>;
  /** Opens `url` (one of FONT_ROUTES) in a new tab. */
  open(url: string): Promise<FontsPage>;
  /** The http(s) requests that were refused so far (anything not in FONT_ROUTES). */
  refused(): string[];
  close(): Promise<void>;
}

export interface FontsPage {
  /** Runs `fn(arg)` in the page's main world. */
  evaluate: Evaluate;
  /** The badge's words, once it shows the worker's (read from its closed shadow root). */
  badgeWords(): Promise<string>;
  setViewport(width: number, height: number): Promise<void>;
}

export type LaunchFonts = (locale: 'en' | 'ar', env: Record<string, string>) => Promise<FontsBrowser>;

export function badgeFontsScenario(launch: LaunchFonts): void {
  let browser: FontsBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  const fonts = fontsWithoutArabic();
  afterAll(() => fonts.dispose());

  test.each<[string, 'en' | 'ar', RegExp]>([
    ['English', 'en', /^Trust Notes (Connected|Acquainted|Tested|Proven|Ambassador|Caution)/],
    ['Arabic', 'ar', /^ملاحظات الثقة /],
  ])(
    '%s: the page learns nothing from its fonts',
    async (_, locale, words) => {
      browser = await launch(locale, fonts.env);
      // The demo network, so the badge shows a stage (the words that must not leak), not "No notes yet".
      expect(await browser.seedDemo()).toBeGreaterThan(0);
      const page = await browser.open(DEMO_DORMANT_URL);
      expect(await page.badgeWords()).toMatch(words);
      // Drawn again after a change, as a page can force (focus, hover, resize): two animation frames after the
      // resize, the page has been laid out and painted at its new size.
      await page.setViewport(1000, 800);
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        '',
      );
      // Font loads start during layout and finish later: wait for the document's fonts to settle first.
      await page.evaluate(() => document.fonts.ready.then(() => undefined), '');
      const faces = (await page.evaluate(
        () => (window as unknown as { __fontFaces(): string[] }).__fontFaces(),
        '',
      )) as string[];
      expect(faces.length).toBeGreaterThan(1000);
      expect(faces.filter((face) => !face.endsWith(' unloaded'))).toEqual([]);
      expect(browser.refused().filter((url) => url.includes('/fonts/'))).toEqual([]);
    },
    90_000,
  );
}

// The badge must not tell a hostile page its words through fonts. A document's @font-face rules reach into
// shadow trees; a page that defines the families the badge names, one face per letter (unicode-range), would
// learn from document.fonts which letters were drawn, and so the stage. With generic families only, no face of
// the page's is ever used: each stays unloaded, and no font is requested. Real Chromium, English and Arabic, with
// a font set lacking Arabic (fontsWithoutArabic.ts). Firefox: firefox/badge-fonts.e2e.ts.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, expect, test } from 'vitest';
import { DEMO_DORMANT_URL, DEMO_FIXTURES, seedDemo } from '../../scripts/demo.mjs';
import { launchWithExtension, serveFixtures } from './browser.mjs';
import { fontsWithoutArabic, HOSTILE_FONTS } from './fontsWithoutArabic.ts';
import { badge } from './panelHelpers.ts';

let ext: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

const fonts = fontsWithoutArabic();
afterAll(() => fonts.dispose());

async function facesUsed(page: Page): Promise<string[]> {
  // Font loads start during layout and finish later: wait for the document's fonts to settle first.
  await page.evaluate(() => document.fonts.ready);
  const faces = await page.evaluate(() => (window as unknown as { __fontFaces(): string[] }).__fontFaces());
  expect(faces.length).toBeGreaterThan(1000);
  return faces.filter((face) => !face.endsWith(' unloaded'));
}

test.each<[string, { locale?: string; args?: string[] }, RegExp]>([
  ['English', {}, /^Trust Notes (Connected|Acquainted|Tested|Proven|Ambassador|Caution)/],
  ['Arabic', { locale: 'ar', args: ['--lang=ar'] }, /^ملاحظات الثقة /],
])(
  '%s: the page learns nothing from its fonts',
  async (_, launch, words) => {
    ext = await launchWithExtension({ ...launch, env: fonts.env });
    const refused = await serveFixtures(ext.context, { ...DEMO_FIXTURES, [DEMO_DORMANT_URL]: HOSTILE_FONTS });
    expect(await seedDemo(ext.context, ext.extensionId)).toBeGreaterThan(0);
    const page = await ext.context.newPage();
    await page.goto(DEMO_DORMANT_URL);
    expect((await badge(page)).words).toMatch(words);
    // Drawn again after a change, as a page can force (focus, hover, resize).
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.waitForTimeout(300);
    expect(await facesUsed(page)).toEqual([]);
    expect(refused.filter((url) => url.includes('/fonts/'))).toEqual([]);
  },
  90_000,
);

// The Firefox twin of ../badge-fonts.e2e.ts: on a hostile page that defines every family an injected UI might
// name, one face per letter, the badge's words load none of the page's faces, in English and Arabic, with a font
// set lacking Arabic (../fontsWithoutArabic.ts). Firefox resolves system-ui and unknown family names itself, so
// it is checked on its own.
import { afterAll, afterEach, expect, test } from 'vitest';
import { DEMO_DORMANT_URL } from '../../../scripts/demo.mjs';
import { fontsWithoutArabic, HOSTILE_FONTS } from '../fontsWithoutArabic.ts';
import { launchFirefox } from './browser.mjs';

let ff: Awaited<ReturnType<typeof launchFirefox>> | undefined;
afterEach(async () => {
  await ff?.close();
  ff = undefined;
});
const fonts = fontsWithoutArabic();
afterAll(() => fonts.dispose());

test.each<[string, string | undefined, string]>([
  ['English', undefined, 'Trust Notes No notes yet'],
  ['Arabic', 'ar', 'ملاحظات الثقة لا ملاحظات بعد'],
])(
  '%s: the page learns nothing from its fonts',
  async (_, locale, words) => {
    ff = await launchFirefox({ env: fonts.env, ...(locale ? { locale } : {}) });
    const pages = ff.servedPages({ [DEMO_DORMANT_URL]: HOSTILE_FONTS });
    const page = await pages.open(DEMO_DORMANT_URL);
    await expect
      .poll(async () => (await ff!.readBadge(page))?.words ?? null, { timeout: 10_000 })
      .toBe(words);
    await page.setViewport({ width: 1000, height: 800 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() => (window as unknown as { __fontFaces(): string[] }).__fontFaces());
    expect(faces.length).toBeGreaterThan(1000);
    expect(faces.filter((face) => !face.endsWith(' unloaded'))).toEqual([]);
    await page.close();
    expect(pages.refused.filter((url) => url.includes('/fonts/'))).toEqual([]);
  },
  90_000,
);

// The badge's words and a hostile page's fonts, in Firefox (the scenario: ../badgeFontsScenario.ts; Chromium:
// ../badge-fonts.e2e.ts).
import { expect } from 'vitest';
import { badgeFontsScenario, FONT_ROUTES } from '../badgeFontsScenario.ts';
import { launchFirefox, seedDemo } from './browser.mjs';

badgeFontsScenario(async (locale, env) => {
  const ff = await launchFirefox({ env, ...(locale === 'ar' ? { locale } : {}) });
  const pages = ff.servedPages(FONT_ROUTES);
  return {
    seedDemo: () => seedDemo(ff),
    async open(url) {
      const page = await pages.open(url);
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        async badgeWords() {
          const shown = async () => {
            const state = await ff.readBadge(page);
            return state !== null && !state.pending;
          };
          await expect.poll(shown, { timeout: 10_000 }).toBe(true);
          return (await ff.readBadge(page))!.words;
        },
        setViewport: (width, height) => page.setViewport({ width, height }),
      };
    },
    refused: () => pages.refused,
    close: () => ff.close(),
  };
});

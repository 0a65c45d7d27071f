// The badge's words and a hostile page's fonts, in real Chromium (the scenario: badgeFontsScenario.ts; Firefox:
// firefox/badge-fonts.e2e.ts).
import { seedDemo } from '../../scripts/demo.mjs';
import { badgeFontsScenario, FONT_ROUTES } from './badgeFontsScenario.ts';
import { launchWithExtension, serveFixtures } from './browser.mjs';
import { badge } from './panelHelpers.ts';

badgeFontsScenario(async (locale, env) => {
  const ext = await launchWithExtension(locale === 'ar' ? { locale, args: ['--lang=ar'], env } : { env });
  const refused = await serveFixtures(ext.context, FONT_ROUTES);
  return {
    seedDemo: () => seedDemo(ext.context, ext.extensionId),
    async open(url) {
      const page = await ext.context.newPage();
      await page.goto(url);
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        badgeWords: async () => (await badge(page)).words,
        setViewport: (width, height) => page.setViewportSize({ width, height }),
      };
    },
    refused: () => refused,
    close: () => ext.close(),
  };
});

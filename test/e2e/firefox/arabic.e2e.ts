// The extension's pages in Arabic, in Firefox (the scenario: ../arabicScenario.ts). Firefox picks the extension's
// locale from its own UI locale (intl.locale.requested), which it only honours with the Arabic language pack
// installed (firefox-esr-l10n-ar; .ci/run installs it).
import { arabicScenario } from '../arabicScenario.ts';
import { launchFirefox } from './browser.mjs';

arabicScenario(async () => {
  const ff = await launchFirefox({ locale: 'ar' });
  return {
    async open(path) {
      const page = await ff.openExtensionPage(path);
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: async (selector) => {
          await page.waitForSelector(selector);
        },
        screenshot: async (path) => {
          await page.screenshot({ path: path as `${string}.png` });
        },
        close: () => page.close(),
      };
    },
    close: () => ff.close(),
  };
}, 'firefox-');

// The extension's pages in Arabic, in real Chromium (the scenario: arabicScenario.ts). Chromium picks the
// extension's locale from its UI language: --lang plus the matching locale.
import { arabicScenario } from './arabicScenario.ts';
import { launchWithExtension } from './browser.mjs';

arabicScenario(async () => {
  const ext = await launchWithExtension({ locale: 'ar', args: ['--lang=ar'] });
  return {
    async open(path) {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: (selector) => page.locator(selector).waitFor(),
        screenshot: async (path) => {
          await page.screenshot({ path });
        },
        close: () => page.close(),
      };
    },
    close: () => ext.close(),
  };
}, '');

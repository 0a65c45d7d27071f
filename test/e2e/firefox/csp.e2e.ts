// The extension pages' content security policy, in Firefox (the scenario: ../cspScenario.ts; Chromium:
// ../csp.e2e.ts). Firefox's interception does not cover extension pages, so the outside address is a closed port on
// this machine: without the policy the request would simply be refused, and the add-on's own request log
// (ff.extensionRequests) would list it.
import { expect } from 'vitest';
import { DEMO_FIXTURES } from '../../../scripts/demo.mjs';
import { cspScenario, VIOLATIONS } from '../cspScenario.ts';
import { launchFirefox, seedDemo } from './browser.mjs';
import { firefoxPanel } from './panelDriver.ts';

cspScenario(async () => {
  const ff = await launchFirefox();
  const pages = ff.servedPages(DEMO_FIXTURES);
  const fx = firefoxPanel(ff, pages);
  /**
   * An extension page with VIOLATIONS installed as soon as it can be: Firefox runs no preload script
   * (evaluateOnNewDocument) in moz-extension documents, so here the listener starts once the document is there,
   * and a violation during the first parse would go unseen by it. The console is heard from the start.
   */
  async function open(path: string) {
    const page = await ff.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await ff.navigateExtensionPage(page, path);
    await page.evaluate(VIOLATIONS);
    return { page, errors };
  }
  expect(await seedDemo(ff)).toBeGreaterThan(0);
  return {
    async manifest() {
      const { page } = await open('src/popup/index.html');
      try {
        return await page.evaluate(() => chrome.runtime.getManifest());
      } finally {
        await page.close();
      }
    },
    async open(path) {
      const { page, errors } = await open(path);
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: async (selector) => {
          await page.waitForSelector(selector);
        },
        click: (selector) => page.click(selector),
        consoleErrors: () => errors,
        close: () => page.close(),
      };
    },
    async openPanel(url) {
      const page = await fx.open(url);
      const frame = await fx.expand(page);
      await frame.evaluate(VIOLATIONS);
      return { evaluate: (fn, arg) => frame.evaluate(fn, arg), close: () => page.close() };
    },
    outside: 'http://127.0.0.2:9',
    refused: async () => [...pages.refused, ...(await ff.extensionRequests())],
    close: () => ff.close(),
  };
});

// The extension pages' content security policy, in real Chromium (the scenario: cspScenario.ts; Firefox:
// firefox/csp.e2e.ts).
import { expect } from 'vitest';
import { DEMO_FIXTURES, seedDemo } from '../../scripts/demo.mjs';
import { launchWithExtension, serveFixtures } from './browser.mjs';
import { cspScenario, VIOLATIONS } from './cspScenario.ts';
import { expand } from './panelHelpers.ts';

cspScenario(async () => {
  const ext = await launchWithExtension();
  await ext.context.addInitScript(VIOLATIONS);
  const refused = await serveFixtures(ext.context, DEMO_FIXTURES);
  expect(await seedDemo(ext.context, ext.extensionId)).toBeGreaterThan(0);
  return {
    manifest: () => ext.worker.evaluate(() => chrome.runtime.getManifest()),
    async open(path) {
      const page = await ext.context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
      return {
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        waitFor: (selector) => page.locator(selector).first().waitFor(),
        click: (selector) => page.locator(selector).first().click(),
        consoleErrors: () => errors,
        close: () => page.close(),
      };
    },
    async openPanel(url) {
      const page = await ext.context.newPage();
      await page.goto(url);
      const frame = await expand(page, ext.extensionId);
      return { evaluate: (fn, arg) => frame.evaluate(fn, arg), close: () => page.close() };
    },
    outside: 'http://tracker.example.com',
    refused: async () => refused,
    close: () => ext.close(),
  };
});

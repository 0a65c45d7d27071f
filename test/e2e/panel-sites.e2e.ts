// The panel on every site's fixture page, in real Chromium (the scenarios: sitesScenarios.ts; Firefox:
// firefox/panel-sites.e2e.ts).
//
// A real grant of an optional site needs the browser's permission prompt, which headless Chromium cannot answer:
// `permissions.request` after a real click just stays pending (Chromium's auto-confirm exists only as a C++ test
// hook, with no switch), and granting a site from chrome://extensions (developerPrivate.addHostPermission) does not
// activate hosts that are only optional (both tried on Chromium 156). Hence the granted copies of the build.
import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import { DIST, launchWithExtension, serveFixtures } from './browser.mjs';
import { everySiteGranted, grantedCopy } from './corpus.ts';
import { chromiumPanel } from './panelDriver.ts';
import { SITES_ROUTES, sitesScenarios } from './sitesScenarios.ts';

sitesScenarios(async (grant) => {
  const granted = grant === 'every' ? everySiteGranted(DIST) : grantedCopy(DIST, grant);
  const ext = await launchWithExtension({ extensions: [granted] });
  await serveFixtures(ext.context, SITES_ROUTES);
  return {
    panel: chromiumPanel(ext).driver,
    registered: () =>
      ext.worker.evaluate(async () =>
        Object.fromEntries(
          (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.matches ?? []]),
        ),
      ),
    // Opened by the extension itself, so it knows the tab: without access it cannot find the tab by its URL.
    async openWithoutAccess(url) {
      const [page, tabId] = await Promise.all([
        ext.context.waitForEvent('page'),
        ext.worker.evaluate(async (url) => (await chrome.tabs.create({ url })).id!, url),
      ]);
      await page.waitForLoadState('load');
      const outcome = await ext.worker.evaluate(async (tabId) => {
        try {
          await chrome.scripting.executeScript({ target: { tabId }, func: () => location.href });
          return 'the extension can run scripts here';
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      }, tabId);
      expect(outcome).toMatch(
        /^Cannot access contents of the page\. Extension manifest must request permission/,
      );
      return {
        hostCount: () => page.locator('[data-trust-notes-host]').count(),
        close: () => page.close(),
      };
    },
    async close() {
      await ext.close();
      rmSync(granted, { recursive: true, force: true });
    },
  };
});

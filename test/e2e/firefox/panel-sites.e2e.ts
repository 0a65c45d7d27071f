// The panel on every site's fixture page, in Firefox (the scenarios: ../sitesScenarios.ts; Chromium:
// ../panel-sites.e2e.ts), on granted copies of dist-firefox/. Firefox's real permission prompts, and what the
// options page does with them, are sites.e2e.ts's.
import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import { everySiteGranted, grantedCopy } from '../corpus.ts';
import { SITES_ROUTES, sitesScenarios } from '../sitesScenarios.ts';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';
import { firefoxPanel } from './panelDriver.ts';

sitesScenarios(async (grant) => {
  const granted = grant === 'every' ? everySiteGranted(DIST_FIREFOX) : grantedCopy(DIST_FIREFOX, grant);
  const ff = await launchFirefox({ dist: granted });
  const pages = ff.servedPages(SITES_ROUTES);
  /** Runs `fn(arg)` in an extension page (Firefox lets only those use scripting and tabs). */
  async function inExtension<R>(fn: (arg: string) => Promise<R>, arg: string): Promise<R> {
    const inspector = await ff.openExtensionPage('src/options/index.html');
    try {
      return (await inspector.evaluate(fn, arg)) as R;
    } finally {
      await inspector.close();
    }
  }
  return {
    panel: firefoxPanel(ff, pages).driver,
    registered: () =>
      inExtension(
        async () =>
          Object.fromEntries(
            (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.matches ?? []]),
          ),
        '',
      ),
    async openWithoutAccess(url) {
      const page = await pages.open(url);
      await page.waitForFunction(() => document.readyState === 'complete');
      // Without access the tab's URL is hidden (a query by URL finds nothing): it is the newest tab but for the
      // extension page that asks.
      const outcome = await inExtension(async () => {
        const [self, tab] = (await chrome.tabs.query({})).sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
        if (self?.id === undefined || tab?.id === undefined) return 'no tab';
        try {
          await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => location.href });
          return 'the extension can run scripts here';
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      }, '');
      expect(outcome).toMatch(/^Missing host permission for the tab/);
      return {
        hostCount: () => page.$$eval('[data-trust-notes-host]', (els) => els.length),
        close: () => page.close(),
      };
    },
    async close() {
      await ff.close();
      rmSync(granted, { recursive: true, force: true });
    },
  };
});

// LinkedIn's whole export through the options page, in Firefox (the scenarios: ../archiveScenarios.ts; Chromium:
// ../options-archive.e2e.ts). Puppeteer clicks and picks the file as a user does; the database (raw IndexedDB) and
// the toolbar badge are read from an extension page kept open, since Firefox's event page is no worker to ask.
import type { ElementHandle, Page } from 'puppeteer-core';
import { archiveScenarios } from '../archiveScenarios.ts';
import { view } from '../panelScenarios.ts';
import { readAllStores, STORE_NAMES, type Stores } from '../rawStores.ts';
import { launchFirefox, quietBackground } from './browser.mjs';

archiveScenarios(
  async () => {
    const ff = await launchFirefox();
    const inspector: Page = await ff.openExtensionPage('src/options/index.html');
    // The install scan has run and re-armed its alarm; with the alarm gone no periodic scan runs mid-test.
    await quietBackground(inspector);
    return {
      async open(path) {
        const page = await ff.browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await ff.navigateExtensionPage(page, path);
        return {
          ...view((fn, arg) => page.evaluate(fn, arg)),
          async click(selector, text) {
            const target = await page.evaluateHandle(
              (selector, text) =>
                [...document.querySelectorAll(selector)].find((el) =>
                  el.textContent?.trim().startsWith(text),
                ) ?? null,
              selector,
              text,
            );
            const element = target.asElement() as ElementHandle<Element> | null;
            if (!element) throw new Error(`No ${selector} starting with ${text}`);
            await element.click();
          },
          async upload(selector, path) {
            const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
            if (!input) throw new Error(`No file input ${selector}`);
            await input.uploadFile(path);
          },
          errors: () => errors,
          // axe-core's runner here is @axe-core/playwright, which drives Playwright pages only; the pages' markup
          // is the same in both builds, so Chromium's run covers its accessibility.
          expectNoAxeViolations: null,
          close: () => page.close(),
        };
      },
      badge: () =>
        inspector.evaluate(async () => ({
          text: await chrome.action.getBadgeText({}),
          title: await chrome.action.getTitle({}),
        })),
      readStores: async () => (await inspector.evaluate(readAllStores, STORE_NAMES)) as unknown as Stores,
      close: () => ff.close(),
    };
  },
  { connections: 1500, messageRows: 6000, conversations: 1200, recommendations: 30, endorsements: 200 },
  'Basic_LinkedInDataExport_12-05-2026.zip',
);

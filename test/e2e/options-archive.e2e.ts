// LinkedIn's whole export through the options page, in real Chromium (the scenarios: archiveScenarios.ts; Firefox:
// firefox/archive.e2e.ts). Playwright clicks and picks the file as a user does, reads the database with the raw
// IndexedDB API from an extension page, the badge from the service worker, and runs axe-core over the pages.
import type { Page } from 'playwright-core';
import { archiveScenarios } from './archiveScenarios.ts';
import { launchWithExtension } from './browser.mjs';
import { expectNoAxeViolations, pageUrl } from './optionsHarness.ts';
import { readStores } from './panelHelpers.ts';
import { view } from './panelScenarios.ts';

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

archiveScenarios(
  async () => {
    const ext = await launchWithExtension();
    return {
      async open(path) {
        const page: Page = await ext.context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(pageUrl(ext, path));
        return {
          ...view((fn, arg) => page.evaluate(fn, arg)),
          click: (selector, text) =>
            page
              .locator(selector)
              .filter({ hasText: new RegExp(`^\\s*${literal(text)}`) })
              .first()
              .click(),
          upload: (selector, path) => page.locator(selector).setInputFiles(path),
          errors: () => errors,
          expectNoAxeViolations: (what) => expectNoAxeViolations(page, what),
          close: () => page.close(),
        };
      },
      badge: () =>
        ext.worker.evaluate(async () => ({
          text: await chrome.action.getBadgeText({}),
          title: await chrome.action.getTitle({}),
          colour: await chrome.action.getBadgeBackgroundColor({}),
        })),
      readStores: () => readStores(ext.context, ext.extensionId),
      close: () => ext.close(),
    };
  },
  { connections: 3000, messageRows: 12_000, conversations: 2500, recommendations: 60, endorsements: 400 },
  'Complete_LinkedInDataExport_12-05-2026.zip',
);

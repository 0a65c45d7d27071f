// LinkedIn's whole export through the options page, in Firefox (the scenarios: ../archiveScenarios.ts; Chromium:
// ../options-archive.e2e.ts). Puppeteer clicks and picks the file as a user does; the database (raw IndexedDB) and
// the toolbar badge are read from an extension page kept open, since Firefox's event page is no worker to ask;
// axe-core runs in the pages as in Chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { archiveScenarios } from '../archiveScenarios.ts';
import { view } from '../panelScenarios.ts';
import { readAllStores, STORE_NAMES, type Stores } from '../rawStores.ts';
import { launchFirefox, quietBackground } from './browser.mjs';

const require = createRequire(import.meta.url);
type AxeViolation = { id: string; impact?: string | null; nodes: { target: string[] }[] };

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
          async expectNoAxeViolations(what) {
            // axe-core itself, evaluated into the page through BiDi (which its CSP does not bind), run as
            // @axe-core/playwright runs it in Chromium: the whole document, axe's default rules.
            await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
            const violations = (await page.evaluate(async () => {
              const { axe } = globalThis as unknown as {
                axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> };
              };
              return (await axe.run(document)).violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
              }));
            })) as unknown[];
            expect(violations, `axe violations on ${what}`).toEqual([]);
          },
          close: () => page.close(),
        };
      },
      badge: () =>
        inspector.evaluate(async () => ({
          text: await chrome.action.getBadgeText({}),
          title: await chrome.action.getTitle({}),
          colour: await chrome.action.getBadgeBackgroundColor({}),
        })),
      readStores: async () => (await inspector.evaluate(readAllStores, STORE_NAMES)) as unknown as Stores,
      close: () => ff.close(),
    };
  },
  { connections: 1500, messageRows: 6000, conversations: 1200, recommendations: 30, endorsements: 200 },
  'Basic_LinkedInDataExport_12-05-2026.zip',
);

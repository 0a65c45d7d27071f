// The extension's foundations in real Chromium: the shared scenarios (foundationScenarios.ts; Firefox:
// firefox/foundation.e2e.ts), and what is Chromium's own: its manifest, and the content script orphaned by a reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, launchWithExtension, openExtensionPage, serveFixtures } from './browser.mjs';
import { FOUNDATION_ROUTES, foundationScenarios } from './foundationScenarios.ts';
import { chromiumPanel } from './panelDriver.ts';
import { view } from './panelScenarios.ts';

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let cx: ReturnType<typeof chromiumPanel>;
let refused: string[];

beforeAll(async () => {
  ext = await launchWithExtension();
  cx = chromiumPanel(ext);
  refused = await serveFixtures(ext.context, FOUNDATION_ROUTES);
});
afterAll(async () => {
  await ext?.close();
});

const hostCount = (page: Page) => page.locator('[data-trust-notes-host]').count();

describe('manifest', () => {
  test('is MV3, asks only for what it uses, and exposes only the panel page, through a dynamic URL', () => {
    const m = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions).toEqual(['https://*.linkedin.com/*']);
    expect(m.permissions.sort()).toEqual(['alarms', 'scripting', 'storage', 'unlimitedStorage']);
    expect(m.web_accessible_resources).toHaveLength(1);
    expect(m.web_accessible_resources[0].resources).toEqual(['src/panel/index.html']);
    expect(m.web_accessible_resources[0].use_dynamic_url).toBe(true);
    expect(m.web_accessible_resources[0].extension_ids).toBeUndefined();
    expect(m.content_scripts[0].matches).toEqual(['https://*.linkedin.com/*']);
  });
});

foundationScenarios(() => ({
  panel: cx.driver,
  async openExtensionPage(path) {
    const errors: string[] = [];
    const page = await ext.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
    return { ...view((fn, arg) => page.evaluate(fn, arg)), errors, close: () => page.close() };
  },
  async ping() {
    const page = await openExtensionPage(ext.context, ext.extensionId, 'src/options/index.html');
    try {
      return await page.evaluate(() => chrome.runtime.sendMessage({ type: 'any:ping', payload: {} }));
    } finally {
      await page.close();
    }
  },
}));

describe('when the extension is reloaded under an open page', () => {
  test('the orphaned content script removes its host and stops watching the page', async () => {
    const own = await launchWithExtension();
    try {
      await serveFixtures(own.context, FOUNDATION_ROUTES);
      const page = await own.context.newPage();
      await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
      await page.locator('[data-trust-notes-host]').waitFor({ state: 'attached' });
      // As an update or a reload from chrome://extensions does: the old script stays in the page, orphaned.
      await own.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
      // The next change in the page is when the script notices, and ends.
      await expect
        .poll(async () => {
          await page.evaluate(() => document.body.append(document.createElement('span')));
          return hostCount(page);
        })
        .toBe(0);
      // It no longer follows the page: a new profile gets no host from it (Chrome injects no new script into a
      // tab that was open before the reload).
      await page.evaluate(() =>
        (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate('/in/omar-haddad/'),
      );
      await page.locator('main h1', { hasText: 'Omar Haddad' }).waitFor();
      // No wait needed for the absence, and none that could pass by chance: a script still following the page
      // mounts its host in a microtask after the DOM change that shows the new profile (content/navigation.ts:
      // a mutation batch runs onPageChange, and content/script.ts mounts the host as the visit starts), so before the
      // later task in which the heading is seen. The script did run: its host was there, and it removed it.
      expect(await hostCount(page)).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('network', () => {
  test('nothing reached for the network', () => {
    expect(refused).toEqual([]);
  });
});

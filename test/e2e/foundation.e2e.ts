import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, launchWithExtension, openExtensionPage, serveFixtures } from './browser.mjs';
import { contentScriptEvaluated, contentScriptSettled } from './contentSettled.ts';

const SPA = 'pages/linkedin-spa.html';
const urls = [
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/jobs/',
  'https://www.linkedin.com/company/example-co/',
  'https://www.linkedin.com/in/jane-doe-1a2b3c/',
  'https://www.linkedin.com/in/omar-haddad/',
  'https://www.linkedin.com/in/li-wei-88/details/experience/',
];

const spaRoutes = Object.fromEntries(urls.map((u) => [u, SPA]));

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let refused: string[];

beforeAll(async () => {
  ext = await launchWithExtension();
  refused = await serveFixtures(ext.context, spaRoutes);
});
afterAll(async () => {
  await ext?.close();
});

const hostCount = (page: Page) => page.locator('[data-trust-notes-host]').count();
/** Once the content script has looked at the page as it is now (see contentSettled.ts). */
const settled = (page: Page) =>
  contentScriptSettled((url) => ext.worker.evaluate(contentScriptEvaluated, url), page.url());

async function tabProfileKey(page: Page): Promise<string | null> {
  // Read what the worker remembers for this tab, from inside the worker.
  return ext.worker.evaluate(async (url: string) => {
    const tabs = await chrome.tabs.query({ url });
    const id = tabs[0]?.id;
    const got = await chrome.storage.session.get(`tab:${id}`);
    return (got[`tab:${id}`] as { key: string } | undefined)?.key ?? null;
  }, page.url());
}

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

describe('content script', () => {
  test('mounts exactly once on a profile page, and tells the worker which profile the tab shows', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    await page.locator('[data-trust-notes-host]').waitFor({ state: 'attached' });
    // Further DOM churn must not mount a second host.
    await page.evaluate(() => {
      for (let i = 0; i < 20; i++) document.body.append(document.createElement('span'));
    });
    await settled(page);
    expect(await hostCount(page)).toBe(1);
    await expect.poll(() => tabProfileKey(page)).toBe('linkedin:jane-doe-1a2b3c');
    await page.close();
  });

  test.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/example-co/',
    'https://www.linkedin.com/jobs/',
  ])('never mounts on %s', async (url) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.locator('h1').first().waitFor({ state: 'attached' });
    await settled(page);
    expect(await hostCount(page)).toBe(0);
    await page.close();
  });

  test('follows in-app navigation: feed → profile → another profile → feed', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.linkedin.com/feed/');
    await settled(page);
    expect(await hostCount(page)).toBe(0);

    await page.evaluate(() =>
      (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate('/in/omar-haddad/'),
    );
    await page.locator('[data-trust-notes-host]').waitFor({ state: 'attached' });
    await expect.poll(() => tabProfileKey(page)).toBe('linkedin:omar-haddad');

    await page.evaluate(() =>
      (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate(
        '/in/li-wei-88/details/experience/',
      ),
    );
    await expect.poll(() => tabProfileKey(page)).toBe('linkedin:li-wei-88');
    expect(await hostCount(page)).toBe(1);

    await page.evaluate(() =>
      (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate('/feed/'),
    );
    await expect.poll(() => hostCount(page)).toBe(0);
    await expect.poll(() => tabProfileKey(page)).toBe(null);
    await page.close();
  });
});

describe('extension pages and worker', () => {
  test.each(['src/popup/index.html', 'src/options/index.html'])(
    '%s renders with Preact and no console errors',
    async (path) => {
      const errors: string[] = [];
      const page = await ext.context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
      await page.locator('h1').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Trust Notes');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  test('the worker answers a ping from an extension page', async () => {
    const page = await openExtensionPage(ext.context, ext.extensionId, 'src/options/index.html');
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'any:ping', payload: {} }));
    expect(reply).toEqual({ ok: true, value: { pong: true, version: '0.1.0' } });
    await page.close();
  });
});

describe('when the extension is reloaded under an open page', () => {
  test('the orphaned content script removes its host and stops watching the page', async () => {
    const own = await launchWithExtension();
    try {
      await serveFixtures(own.context, { 'https://www.linkedin.com/in/jane-doe-1a2b3c/': SPA, ...spaRoutes });
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

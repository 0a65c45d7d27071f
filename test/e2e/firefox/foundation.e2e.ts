import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentScriptEvaluated, contentScriptSettled } from '../contentSettled.ts';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';

// The Firefox twin of ../foundation.e2e.ts: the same fixtures and user paths, on dist-firefox/.
const SPA = 'pages/linkedin-spa.html';
const urls = [
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/jobs/',
  'https://www.linkedin.com/company/example-co/',
  'https://www.linkedin.com/in/jane-doe-1a2b3c/',
  'https://www.linkedin.com/in/omar-haddad/',
  'https://www.linkedin.com/in/li-wei-88/details/experience/',
];
const routes = Object.fromEntries(urls.map((u) => [u, SPA]));

/** Firefox's `browser` namespace, as far as these tests use it beyond `chrome`. */
type FirefoxGlobal = { browser: { runtime: { getBackgroundPage(): Promise<Window & typeof globalThis> } } };

let ff: Awaited<ReturnType<typeof launchFirefox>>;
/** An extension page kept open to read extension state (storage.session, tabs) from the inside. */
let inspector: Page;
let pages: ReturnType<typeof ff.servedPages>;

beforeAll(async () => {
  ff = await launchFirefox();
  pages = ff.servedPages(routes);
  inspector = await ff.openExtensionPage('src/options/index.html');
});
afterAll(async () => {
  await ff?.close();
});

async function profilePage(url: string): Promise<Page> {
  const page = await pages.open(url);
  await page.waitForSelector('h1');
  return page;
}

/** Once the content script has looked at the page as it is now (see ../contentSettled.ts). */
const settled = (page: Page) =>
  contentScriptSettled((url) => inspector.evaluate(contentScriptEvaluated, url), page.url());
const hostCount = (page: Page) => page.$$eval('[data-trust-notes-host]', (els) => els.length);
const navigate = (page: Page, path: string) =>
  page.evaluate((p) => (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate(p), path);

/** What the background remembers for the tab showing `page`, read from an extension page. */
async function tabProfileKey(page: Page): Promise<string | null> {
  return inspector.evaluate(async (url: string) => {
    const tabs = await chrome.tabs.query({ url });
    const id = tabs[0]?.id;
    const got = await chrome.storage.session.get(`tab:${id}`);
    return (got[`tab:${id}`] as { key: string } | undefined)?.key ?? null;
  }, page.url());
}

describe('Firefox manifest', () => {
  test('runs the background as an event page and declares its gecko id', () => {
    const m = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8'));
    expect(m.manifest_version).toBe(3);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.background.scripts).toHaveLength(1);
    expect(m.browser_specific_settings.gecko).toMatchObject({
      id: ff.geckoId,
      data_collection_permissions: { required: ['none'] },
    });
  });
});

describe('content script in Firefox', () => {
  test('mounts exactly once on a profile page, and tells the background which profile the tab shows', async () => {
    const page = await profilePage('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    await page.waitForSelector('[data-trust-notes-host]');
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
    const page = await profilePage(url);
    await settled(page);
    expect(await hostCount(page)).toBe(0);
    await page.close();
  });

  test('follows in-app navigation: feed → profile → another profile → feed', async () => {
    const page = await profilePage('https://www.linkedin.com/feed/');
    await settled(page);
    expect(await hostCount(page)).toBe(0);

    await navigate(page, '/in/omar-haddad/');
    await page.waitForSelector('[data-trust-notes-host]');
    await expect.poll(() => tabProfileKey(page)).toBe('linkedin:omar-haddad');

    await navigate(page, '/in/li-wei-88/details/experience/');
    await expect.poll(() => tabProfileKey(page)).toBe('linkedin:li-wei-88');
    expect(await hostCount(page)).toBe(1);

    await navigate(page, '/feed/');
    await expect.poll(() => hostCount(page)).toBe(0);
    await expect.poll(() => tabProfileKey(page)).toBe(null);
    await page.close();
  });
});

describe('extension pages and event page in Firefox', () => {
  test.each(['src/popup/index.html', 'src/options/index.html'])(
    '%s renders with Preact and no errors',
    async (path) => {
      const errors: string[] = [];
      const page = await ff.browser.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await ff.navigateExtensionPage(page, path);
      await page.waitForSelector('h1');
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Trust Notes');
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  test('the background event page answers a ping from an extension page', async () => {
    const reply = await inspector.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'any:ping', payload: {} }),
    );
    expect(reply).toEqual({ ok: true, value: { pong: true, version: '0.1.0' } });
    // An event page, not a service worker: Firefox generates a background document for background.scripts.
    const background = await inspector.evaluate(async () => {
      const bg = await (globalThis as unknown as FirefoxGlobal).browser.runtime.getBackgroundPage();
      return { path: bg.location.pathname, isWorker: 'ServiceWorkerGlobalScope' in bg };
    });
    expect(background).toEqual({ path: '/_generated_background_page.html', isWorker: false });
  });
});

describe('event page without state between wakes', () => {
  test('after Firefox stops the event page, the next wake still knows which profile a tab shows', async () => {
    const page = await profilePage('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    await expect.poll(() => tabProfileKey(page)).toBe('linkedin:jane-doe-1a2b3c');
    await ff.stopBackground();
    expect(await ff.backgroundState()).toBe('stopped');

    // Asked as the popup asks: the message wakes a fresh event page with no globals from before.
    const reply = await inspector.evaluate(async (url: string) => {
      const [tab] = await chrome.tabs.query({ url });
      return chrome.runtime.sendMessage({ type: 'page:tabProfile', payload: { tabId: tab?.id } });
    }, page.url());
    expect(reply).toMatchObject({ ok: true, value: { snapshot: { key: 'linkedin:jane-doe-1a2b3c' } } });
    expect(await ff.backgroundState()).toBe('running');
    await page.close();
  });
});

describe('network in Firefox', () => {
  // A sentinel request from the background page, which WebDriver BiDi does not see. The extension pages' content
  // security policy (connect-src: the extension, https origins and this machine, for a sync server the user chooses)
  // stops a plain-http one before any channel opens, so the harness's guard, which cancels the add-on's HTTP channels,
  // never sees it: the policy is the first wall, the guard the second.
  const PROBE = 'http://guard-probe.invalid/from-background';

  test('a request from the background page is stopped by the content security policy before it leaves', async () => {
    const outcome = await inspector.evaluate(async (url) => {
      const bg = await (globalThis as unknown as FirefoxGlobal).browser.runtime.getBackgroundPage();
      const violation = new Promise<string>((resolve) => {
        bg.setTimeout(() => resolve('no violation'), 5_000);
        bg.document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), {
          once: true,
        });
      });
      const fetched = await bg.fetch(url).then(
        () => 'answered',
        () => 'cancelled',
      );
      return { fetched, violation: await violation };
    }, PROBE);
    expect(outcome).toEqual({ fetched: 'cancelled', violation: 'connect-src' });
    expect(await ff.extensionRequests()).not.toContain(PROBE);
  });

  test('pages reached for nothing but their fixtures, and the add-on made no other request', async () => {
    expect(pages.refused).toEqual([]);
    expect((await ff.extensionRequests()).filter((u) => u !== PROBE)).toEqual([]);
  });
});

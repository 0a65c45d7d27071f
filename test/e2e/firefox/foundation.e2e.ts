import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FOUNDATION_ROUTES, foundationScenarios } from '../foundationScenarios.ts';
import { view } from '../panelScenarios.ts';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';
import { firefoxPanel } from './panelDriver.ts';

// The extension's foundations in Firefox, on dist-firefox/: the shared scenarios (../foundationScenarios.ts;
// Chromium: ../foundation.e2e.ts), and what is Firefox's own: its manifest, the event page, and the network guard.

/** Firefox's `browser` namespace, as far as these tests use it beyond `chrome`. */
type FirefoxGlobal = { browser: { runtime: { getBackgroundPage(): Promise<Window & typeof globalThis> } } };

let ff: Awaited<ReturnType<typeof launchFirefox>>;
/** An extension page kept open to read extension state (storage.session, tabs) from the inside. */
let inspector: Page;
let pages: ReturnType<typeof ff.servedPages>;
let fx: ReturnType<typeof firefoxPanel>;

beforeAll(async () => {
  ff = await launchFirefox();
  pages = ff.servedPages(FOUNDATION_ROUTES);
  fx = firefoxPanel(ff, pages);
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

foundationScenarios(() => ({
  panel: fx.driver,
  async openExtensionPage(path) {
    const errors: string[] = [];
    const page = await ff.browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await ff.navigateExtensionPage(page, path);
    return { ...view((fn, arg) => page.evaluate(fn, arg)), errors, close: () => page.close() };
  },
  ping: () => inspector.evaluate(() => chrome.runtime.sendMessage({ type: 'any:ping', payload: {} })),
}));

describe('event page in Firefox', () => {
  test('the background is an event page, not a service worker', async () => {
    // Firefox generates a background document for background.scripts.
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

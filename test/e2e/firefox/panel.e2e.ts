import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_FIXTURES } from '../../../scripts/demo.mjs';
import { JANE, panelScenarios } from '../panelScenarios.ts';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';
import { firefoxPanel, HOST } from './panelDriver.ts';

// The in-page panel on LinkedIn, in Firefox: the shared scenarios of ../panelScenarios.ts (the same code that runs
// in Chromium) through Puppeteer, then what is Firefox's own. Firefox
// gives an extension frame embedded in a web page only the content-script API surface (runtime,
// storage.local, i18n): no `tabs`, no `storage.session` (w3c/webextensions#787), so the panel reaches its
// tab through the worker (src/panel/tabLink.ts). The collapsed badge is the content script's own, in its
// closed shadow root (read through WebDriver BiDi, ff.readBadge); the panel frame loads when it is opened,
// and WebDriver BiDi lists it as a child browsing context of the page.

const SPA = 'pages/linkedin-spa.html';
const routes = {
  ...DEMO_FIXTURES,
  'https://www.linkedin.com/jobs/': SPA,
  'https://www.linkedin.com/in/nadia-spa-test/': SPA,
};

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let pages: ReturnType<typeof ff.servedPages>;
let fx: ReturnType<typeof firefoxPanel>;

beforeAll(async () => {
  ff = await launchFirefox();
  pages = ff.servedPages(routes);
  fx = firefoxPanel(ff, pages);
});
afterAll(async () => {
  await ff?.close();
});

describe('Firefox build', () => {
  test('exposes only the panel page, without use_dynamic_url (the per-install UUID already varies)', () => {
    const m = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8'));
    expect(m.web_accessible_resources).toHaveLength(1);
    expect(m.web_accessible_resources[0].resources).toEqual(['src/panel/index.html']);
    expect(m.web_accessible_resources[0].use_dynamic_url).toBeUndefined();
  });
});

/** The panel's frame, driven through Puppeteer: fields found by their visible labels, typed into key by key. */
panelScenarios(() => fx.driver);

describe('the panel frame on a LinkedIn profile in Firefox', () => {
  test('opened, the panel frame is from this install’s moz-extension origin', async () => {
    const page = await fx.open(JANE);
    const frame = await fx.expand(page);
    expect(await frame.evaluate(() => location.origin)).toBe(ff.origin);
    expect(await fx.count(page, HOST)).toBe(1);
    await page.close();
  });

  test('has no tabs and no storage.session API, yet the background knows its tab and answers for it', async () => {
    const page = await fx.open(JANE);
    const frame = await fx.expand(page);
    const seen = await frame.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: Record<string, Record<string, unknown> | undefined> })
        .browser;
      // As the panel asks: with the nonce our content script put in its fragment and registered.
      const reply = (await chrome.runtime.sendMessage({
        type: 'page:tabProfile',
        payload: { nonce: location.hash.slice(1) },
      })) as {
        ok: boolean;
        value?: { snapshot: { key: string } | null };
      };
      return {
        tabs: typeof ext.tabs,
        session: typeof ext.storage?.session,
        local: typeof ext.storage?.local,
        database: (await indexedDB.databases()).some((d) => d.name === 'trust-notes'),
        profile: reply.value?.snapshot?.key ?? null,
      };
    });
    expect(seen).toEqual({
      tabs: 'undefined',
      session: 'undefined',
      local: 'object',
      // The extension's own database: the frame is on the extension origin.
      database: true,
      profile: 'linkedin:jane-doe-1a2b3c',
    });
    await page.close();
  });
});

describe('network in Firefox', () => {
  test('pages reached for nothing but their fixtures, and the add-on made no request', async () => {
    expect(pages.refused).toEqual([]);
    expect(await ff.extensionRequests()).toEqual([]);
  });
});

describe('a frame of the panel page that the page made itself', () => {
  // Firefox ignores use_dynamic_url: the panel page is at this install's fixed moz-extension://<uuid>/ address,
  // and any page on a site that may embed it can frame it once it knows the UUID (here, the test tells it). The
  // worker gives a panel frame its tab's profile only with the nonce our content script registered.
  test.each([
    ['a forged nonce', '#ffffffff-ffff-4fff-8fff-ffffffffffff'],
    ['no nonce', ''],
  ])('with %s it gets no profile, and shows no one', async (_, fragment) => {
    const page = await fx.open(JANE);
    await fx.badge(page);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.style.cssText = 'width: 400px; height: 600px';
      document.body.append(frame);
    }, `${ff.origin}/src/panel/index.html${fragment}`);
    const frame = await ff.extensionFrame(page, 'src/panel/index.html');
    await frame.waitForFunction(() => document.readyState === 'complete' && document.body !== null);
    const reply = await frame.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'page:tabProfile',
        payload: { nonce: location.hash.slice(1) || undefined },
      }),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The app's own question has its answer (the frame says so on its document): no one, and it shows no one.
    await frame.waitForFunction(() => document.documentElement.dataset.tabProfile !== undefined);
    expect(await frame.evaluate(() => document.documentElement.dataset.tabProfile)).toBe('none');
    expect(await fx.count(frame, 'main.tn-panel')).toBe(0);
    expect(await frame.evaluate(() => document.body.textContent?.includes('Jane'))).toBe(false);
    await page.close();
  });
});

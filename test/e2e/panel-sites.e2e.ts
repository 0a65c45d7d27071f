// The panel on every site's fixture page (test/fixtures/sites/index.json), in real Chromium.
//
// Sites beyond LinkedIn are optional host permissions. A real grant needs the browser's permission prompt,
// which headless Chromium cannot answer: `permissions.request` after a real click just stays pending (Chromium's
// auto-confirm exists only as a C++ test hook, with no switch), and granting a site from chrome://extensions
// (developerPrivate.addHostPermission) does not activate hosts that are only optional (both tried on Chromium
// 156). So this suite loads a copy of the built extension whose manifest asks for those hosts at install, the
// state after a user granted every site. The worker then finds them granted at start and registers the content
// script for them: the same code path that runs after every browser start. The reaction to permissions.onAdded
// and onRemoved is the same sync, unit-tested in test/unit/background/siteScripts.test.ts.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, FIXTURES, launchWithExtension, serveFixtures } from './browser.mjs';
import { contentScriptEvaluated, contentScriptSettled } from './contentSettled.ts';
import { everySiteGranted, grantedCopy } from './corpus.ts';
import { expand, HOST, tabProfileKey } from './panelHelpers.ts';

interface Entry {
  url: string;
  file: string;
  expect: { key: string; name: string } | null;
}
const ENTRIES = JSON.parse(readFileSync(join(FIXTURES, 'sites/index.json'), 'utf8')) as Entry[];
const routes = Object.fromEntries(ENTRIES.map((e) => [e.url, `sites/${e.file}`]));
type Extension = Awaited<ReturnType<typeof launchWithExtension>>;
const OPTIONAL_SITES = ['github', 'x', 'gitlab', 'stackoverflow', 'behance', 'dribbble', 'mastodon'];

/** Once the content script has looked at the page as it is now (see contentSettled.ts); fails if it never runs. */
const settled = (worker: Worker, page: Page) =>
  contentScriptSettled((url) => worker.evaluate(contentScriptEvaluated, url), page.url());

/**
 * A page the extension has no access to, opened by the extension itself so it knows the tab (without access it
 * cannot find the tab by its URL). Once loaded, the browser's own answer says nothing of ours can run there: it
 * refuses to run a script in the tab for want of host permission, the same check that keeps content scripts out.
 * That is a decision made, where waiting a while and seeing nothing would pass as well if the page were merely slow.
 */
async function openWithoutAccess(ext: Extension, url: string): Promise<Page> {
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
  expect(outcome).toMatch(/^Cannot access contents of the page\. Extension manifest must request permission/);
  return page;
}

describe('with every optional site granted', () => {
  let ext: Extension;
  let granted: string;

  beforeAll(async () => {
    granted = everySiteGranted(DIST);
    ext = await launchWithExtension({ extensions: [granted] });
    await serveFixtures(ext.context, routes);
  });
  afterAll(async () => {
    await ext?.close();
    rmSync(granted, { recursive: true, force: true });
  });

  test('the worker registers the content script for each granted site', async () => {
    await expect
      .poll(() =>
        ext.worker.evaluate(async () =>
          (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort(),
        ),
      )
      .toEqual(OPTIONAL_SITES.map((site) => `trust-notes-site-${site}`).sort());
  });

  test.each(ENTRIES.filter((e) => e.expect))('on $url the panel shows $expect.name', async (entry) => {
    const page = await ext.context.newPage();
    await page.goto(entry.url);
    const frame = await expand(page, ext.extensionId);
    expect(await frame.locator('.tn-name').textContent()).toBe(entry.expect!.name);
    await expect.poll(() => tabProfileKey(ext.worker, page)).toBe(entry.expect!.key);
    expect(await page.locator(HOST).count()).toBe(1);
    await page.close();
  });

  test.each(ENTRIES.filter((e) => !e.expect))('on $url (not a profile) there is no panel', async (entry) => {
    const page = await ext.context.newPage();
    await page.goto(entry.url);
    await settled(ext.worker, page);
    expect(await page.locator(HOST).count()).toBe(0);
    await page.close();
  });
});

describe('as installed, with no optional site granted', () => {
  let ext: Extension;

  beforeAll(async () => {
    ext = await launchWithExtension();
    await serveFixtures(ext.context, routes);
  });
  afterAll(async () => {
    await ext?.close();
  });

  test.each(ENTRIES.filter((e) => e.expect && !e.expect.key.startsWith('linkedin:')))(
    'nothing runs on $url',
    async (entry) => {
      const page = await openWithoutAccess(ext, entry.url);
      expect(await page.locator(HOST).count()).toBe(0);
      await page.close();
    },
  );

  test('and no content script is registered', async () => {
    expect(await ext.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  });
});

describe('with GitHub and one Mastodon instance granted, and nothing else', () => {
  let ext: Extension;
  let granted: string;

  beforeAll(async () => {
    granted = grantedCopy(DIST, ['https://github.com/*', 'https://mastodon.social/*']);
    ext = await launchWithExtension({ extensions: [granted] });
    await serveFixtures(ext.context, {
      ...routes,
      // A Mastodon page on an instance the user did not add, and one on any other host, naming a user of the
      // instance they did add.
      'https://fosstodon.org/@jane': 'sites/mastodon-profile.html',
      'https://evil.example/@jane@mastodon.social': 'sites/mastodon-profile.html',
    });
  });
  afterAll(async () => {
    await ext?.close();
    rmSync(granted, { recursive: true, force: true });
  });

  test('the content script is registered for GitHub and that instance, each with exactly its own host', async () => {
    await expect
      .poll(() =>
        ext.worker.evaluate(async () =>
          Object.fromEntries(
            (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.matches]),
          ),
        ),
      )
      .toEqual({
        'trust-notes-site-github': ['https://github.com/*'],
        'trust-notes-site-mastodon': ['https://mastodon.social/*'],
      });
  });

  test.each([
    ['https://github.com/octo-jane', 'github:octo-jane'],
    ['https://mastodon.social/@jane', 'mastodon:jane@mastodon.social'],
  ])('%s has the panel', async (url, key) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    await expand(page, ext.extensionId);
    await expect.poll(() => tabProfileKey(ext.worker, page)).toBe(key);
    await page.close();
  });

  test.each([
    'https://gitlab.com/jdoe',
    'https://fosstodon.org/@jane',
    'https://evil.example/@jane@mastodon.social',
  ])('%s, not granted, has none', async (url) => {
    const page = await openWithoutAccess(ext, url);
    expect(await page.locator(HOST).count()).toBe(0);
    await page.close();
  });
});

// What the worker remembers for a tab, in real Chromium: the profile goes when the tab starts on another document
// that does not show it (so a page that follows, on any site, never finds it), and stays through a reload of the
// same profile and the page's own pushState navigations (which Chromium also reports as loading).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, serveFixtures } from './browser.mjs';
import { badge, expand, tabProfileKey } from './panelHelpers.ts';

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const ELSEWHERE = 'https://example.org/';
const FEED = 'https://www.linkedin.com/feed/';
const SPA_PROFILE = 'https://www.linkedin.com/in/nadia-spa-test/';

let ext: Awaited<ReturnType<typeof launchWithExtension>>;

beforeAll(async () => {
  ext = await launchWithExtension();
  await serveFixtures(ext.context, {
    [JANE]: 'sites/linkedin-profile.html',
    [ELSEWHERE]: { body: '<!doctype html><title>Elsewhere</title><p>Another site.</p>' },
    [FEED]: 'pages/linkedin-spa.html',
    [SPA_PROFILE]: 'pages/linkedin-spa.html',
  });
});
afterAll(async () => {
  await ext?.close();
});

/** The profile key the worker remembers for the tab with this id (the tab's URL may be another site's now). */
const rememberedFor = (tabId: number) =>
  ext.worker.evaluate(async (id: number) => {
    const got = await chrome.storage.session.get(`tab:${id}`);
    return (got[`tab:${id}`] as { key: string } | undefined)?.key ?? null;
  }, tabId);

async function tabIdOf(page: Page): Promise<number> {
  const id = await ext.worker.evaluate(
    async (url: string) => (await chrome.tabs.query({ url }))[0]?.id,
    page.url(),
  );
  if (id === undefined) throw new Error(`No tab for ${page.url()}`);
  return id;
}

describe('a tab’s profile', () => {
  test('is forgotten when the tab loads a document on another site', async () => {
    const page = await ext.context.newPage();
    await page.goto(JANE);
    await badge(page);
    await expect.poll(() => tabProfileKey(ext.worker, page)).toBe('linkedin:jane-doe-1a2b3c');
    const tabId = await tabIdOf(page);
    await page.goto(ELSEWHERE);
    await expect.poll(() => rememberedFor(tabId)).toBeNull();
    await page.close();
  });

  test('stays through a reload of the same profile, and the panel shows it', async () => {
    const page = await ext.context.newPage();
    await page.goto(JANE);
    await badge(page);
    const tabId = await tabIdOf(page);
    await page.reload();
    const frame = await expand(page, ext.extensionId);
    expect(await frame.locator('.tn-name').textContent()).toBe('Jane Doe');
    expect(await rememberedFor(tabId)).toBe('linkedin:jane-doe-1a2b3c');
    await page.close();
  });

  test('follows the page’s own navigations: profile → feed → profile', async () => {
    const page = await ext.context.newPage();
    await page.goto(SPA_PROFILE);
    await badge(page);
    const tabId = await tabIdOf(page);
    await expect.poll(() => rememberedFor(tabId)).toBe('linkedin:nadia-spa-test');
    await page.evaluate(() =>
      (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate('/feed/'),
    );
    await expect.poll(() => rememberedFor(tabId)).toBeNull();
    // The worker's own record of the tab's updates, kept by a listener beside the product's: listeners of one
    // event are called in turn, so once this one has seen the navigation end, the product's has seen all of it.
    await ext.worker.evaluate((id: number) => {
      const seen: string[] = [];
      (globalThis as { __tnUpdates?: string[] }).__tnUpdates = seen;
      chrome.tabs.onUpdated.addListener((tabId, change) => {
        if (tabId === id && change.status) seen.push(change.status);
      });
    }, tabId);
    await page.evaluate(() =>
      (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate('/in/nadia-spa-test/'),
    );
    await expect.poll(() => rememberedFor(tabId)).toBe('linkedin:nadia-spa-test');
    // Settled: every onUpdated of the pushState has reached the worker (Chromium reports it as loading, then
    // complete), and none cleared the profile.
    await expect
      .poll(() => ext.worker.evaluate(() => (globalThis as { __tnUpdates?: string[] }).__tnUpdates))
      .toEqual(['loading', 'complete']);
    expect(await rememberedFor(tabId)).toBe('linkedin:nadia-spa-test');
    await page.close();
  });
});

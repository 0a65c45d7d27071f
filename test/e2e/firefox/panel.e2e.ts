import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_FIXTURES } from '../../../scripts/demo.mjs';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';

// The in-page panel frame in Firefox. Firefox gives an extension frame embedded in a web page only the
// content-script API surface (runtime, storage.local, i18n): no `tabs`, no `storage.session`
// (w3c/webextensions#787: Firefox and Safari keep it so; the frame is meant to go through the
// background). These tests pin that down, with what the panel can rely on there, so the panel's link to
// its tab (src/panel/tabLink.ts) can be made to work through the background.

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const HOST = '[data-trust-notes-host]';

let ff: Awaited<ReturnType<typeof launchFirefox>>;
const refused: string[] = [];

beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
});

async function open(url: string): Promise<Page> {
  const page = await ff.browser.newPage();
  const refusedHere = await ff.serve(page, DEMO_FIXTURES);
  page.once('close', () => refused.push(...refusedHere));
  await page.goto(url);
  return page;
}

/** The panel frame, loaded once the user opens the panel: a click at the badge's place. */
async function panelFrame(page: Page): Promise<Frame> {
  await expect.poll(async () => (await ff.readBadge(page)) !== null, { timeout: 10_000 }).toBe(true);
  await page.click(HOST);
  return ff.extensionFrame(page, 'src/panel/index.html');
}

describe('Firefox build', () => {
  test('exposes only the panel page, without use_dynamic_url (the per-install UUID already varies)', () => {
    const m = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8'));
    expect(m.web_accessible_resources).toHaveLength(1);
    expect(m.web_accessible_resources[0].resources).toEqual(['src/panel/index.html']);
    expect(m.web_accessible_resources[0].use_dynamic_url).toBeUndefined();
  });
});

describe('the panel frame on a LinkedIn profile in Firefox', () => {
  test('is mounted once, from this install’s moz-extension origin, inside a host the page cannot open', async () => {
    const page = await open(JANE);
    const frame = await panelFrame(page);
    expect(await frame.evaluate(() => location.origin)).toBe(ff.origin);
    expect(await page.$$eval(HOST, (els) => els.length)).toBe(1);
    expect(await page.$eval(HOST, (host) => host.shadowRoot)).toBeNull();
    await page.close();
  });

  test('has no tabs and no storage.session API, yet the background knows its tab and answers for it', async () => {
    const page = await open(JANE);
    const frame = await panelFrame(page);
    const seen = await frame.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: Record<string, Record<string, unknown> | undefined> })
        .browser;
      const reply = (await chrome.runtime.sendMessage({ type: 'page:tabProfile', payload: {} })) as {
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
    expect(refused).toEqual([]);
    expect(await ff.extensionRequests()).toEqual([]);
  });
});

// The panel on every site's fixture page (test/fixtures/sites/index.json), written once and run in both browsers
// (panel-sites.e2e.ts: Chromium; firefox/panel-sites.e2e.ts: Firefox), each over its panel driver.
//
// Sites beyond LinkedIn are optional host permissions. A real grant needs the browser's permission prompt, which
// headless Chromium cannot answer (see panel-sites.e2e.ts; Firefox's real prompts are firefox/sites.e2e.ts's). So
// these suites load a copy of the built extension whose manifest asks for the granted hosts at install
// (corpus.ts grantedCopy), the state after a user granted them. The background then finds them granted at start
// and registers the content script for them: the same code path that runs after every browser start. The reaction
// to permissions.onAdded and onRemoved is the same sync, unit-tested in test/unit/background/siteScripts.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES } from './browser.mjs';
import type { PanelDriver } from './panelScenarios.ts';

interface Entry {
  url: string;
  file: string;
  expect: { key: string; name: string } | null;
}
const ENTRIES = JSON.parse(readFileSync(join(FIXTURES, 'sites/index.json'), 'utf8')) as Entry[];
/** Every site's fixture page at its real URL, and a Mastodon page on an instance the user did not add and one on
 * any other host, naming a user of the instance they did add. */
export const SITES_ROUTES: Record<string, string> = {
  ...Object.fromEntries(ENTRIES.map((e) => [e.url, `sites/${e.file}`])),
  'https://fosstodon.org/@jane': 'sites/mastodon-profile.html',
  'https://evil.example/@jane@mastodon.social': 'sites/mastodon-profile.html',
};
const OPTIONAL_SITES = ['github', 'x', 'gitlab', 'stackoverflow', 'behance', 'dribbble', 'mastodon'];
const HOST = '[data-trust-notes-host]';

export interface SitesBrowser {
  panel: PanelDriver;
  /** The registered content scripts: id → matches. */
  registered(): Promise<Record<string, string[]>>;
  /**
   * Opens `url` in a tab the extension has no access to, and asserts the browser's own answer: it refuses the
   * extension a script there for want of host permission, the same check that keeps content scripts out. That is a
   * decision made, where waiting a while and seeing nothing would pass as well if the page were merely slow.
   */
  openWithoutAccess(url: string): Promise<{ hostCount(): Promise<number>; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** `grant` is 'every' (every optional site, and the fixtures' Mastodon instances) or these origins. */
export type LaunchSites = (grant: 'every' | readonly string[]) => Promise<SitesBrowser>;

export function sitesScenarios(launch: LaunchSites): void {
  describe('with every optional site granted', () => {
    let browser: SitesBrowser;
    beforeAll(async () => {
      browser = await launch('every');
    });
    afterAll(async () => {
      await browser?.close();
    });

    test('the background registers the content script for each granted site', async () => {
      await expect
        .poll(async () => Object.keys(await browser.registered()).sort())
        .toEqual(OPTIONAL_SITES.map((site) => `trust-notes-site-${site}`).sort());
    });

    test.each(ENTRIES.filter((e) => e.expect))('on $url the panel shows $expect.name', async (entry) => {
      const page = await browser.panel.open(entry.url);
      const frame = await page.expand();
      expect(await frame.text('.tn-name')).toBe(entry.expect!.name);
      await expect.poll(() => page.profileKey()).toBe(entry.expect!.key);
      expect(await page.count(HOST)).toBe(1);
      await page.close();
    });

    test.each(ENTRIES.filter((e) => !e.expect))(
      'on $url (not a profile) there is no panel',
      async (entry) => {
        const page = await browser.panel.open(entry.url);
        // Fails if the content script never runs there.
        await page.settled();
        expect(await page.count(HOST)).toBe(0);
        await page.close();
      },
    );
  });

  describe('as installed, with no optional site granted', () => {
    let browser: SitesBrowser;
    beforeAll(async () => {
      browser = await launch([]);
    });
    afterAll(async () => {
      await browser?.close();
    });

    test.each(ENTRIES.filter((e) => e.expect && !e.expect.key.startsWith('linkedin:')))(
      'nothing runs on $url',
      async (entry) => {
        const page = await browser.openWithoutAccess(entry.url);
        expect(await page.hostCount()).toBe(0);
        await page.close();
      },
    );

    test('and no content script is registered', async () => {
      expect(await browser.registered()).toEqual({});
    });
  });

  describe('with GitHub and one Mastodon instance granted, and nothing else', () => {
    let browser: SitesBrowser;
    beforeAll(async () => {
      browser = await launch(['https://github.com/*', 'https://mastodon.social/*']);
    });
    afterAll(async () => {
      await browser?.close();
    });

    test('the content script is registered for GitHub and that instance, each with exactly its own host', async () => {
      await expect
        .poll(() => browser.registered())
        .toEqual({
          'trust-notes-site-github': ['https://github.com/*'],
          'trust-notes-site-mastodon': ['https://mastodon.social/*'],
        });
    });

    test.each([
      ['https://github.com/octo-jane', 'github:octo-jane'],
      ['https://mastodon.social/@jane', 'mastodon:jane@mastodon.social'],
    ])('%s has the panel', async (url, key) => {
      const page = await browser.panel.open(url);
      await page.expand();
      await expect.poll(() => page.profileKey()).toBe(key);
      await page.close();
    });

    test.each([
      'https://gitlab.com/jdoe',
      'https://fosstodon.org/@jane',
      'https://evil.example/@jane@mastodon.social',
    ])('%s, not granted, has none', async (url) => {
      const page = await browser.openWithoutAccess(url);
      expect(await page.hostCount()).toBe(0);
      await page.close();
    });
  });
}

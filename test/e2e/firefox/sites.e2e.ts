import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURES } from '../browser.mjs';
import { launchFirefox } from './browser.mjs';

// Optional sites in Firefox ("Enable Trust Notes on GitHub"), through Firefox's real permission prompt: the
// options page asks from the click (Firefox refuses permissions.request outside a user's input), the prompt
// is answered, and the worker registers the content script for the granted site, with no reload of the
// add-on. Firefox hands content script paths back from getManifest() as full moz-extension:// URLs, which
// registerContentScripts refuses; src/background/siteScripts.ts makes them relative (its one difference).

const GITHUB = 'https://github.com/octo-jane';
const GITLAB = 'https://gitlab.com/jdoe';
const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const MASTODON = 'https://mastodon.social/@jane';
const OTHER_INSTANCE = 'https://fosstodon.org/@jane';
const ANY_HOST = 'https://evil.example/@jane@mastodon.social';
const routes = {
  [GITHUB]: 'sites/github-profile.html',
  [GITLAB]: 'sites/gitlab-profile.html',
  [JANE]: 'sites/linkedin-profile.html',
  [MASTODON]: 'sites/mastodon-profile.html',
  [OTHER_INSTANCE]: 'sites/mastodon-profile.html',
  [ANY_HOST]: 'sites/mastodon-profile.html',
};

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let options: Page;
let pages: ReturnType<typeof ff.servedPages>;

beforeAll(async () => {
  ff = await launchFirefox();
  pages = ff.servedPages(routes);
  options = await ff.openExtensionPage('src/options/index.html#/settings');
  await options.waitForSelector('label.checkbox input');
});
afterAll(async () => {
  await ff?.close();
});

async function open(url: string): Promise<Page> {
  const page = await pages.open(url);
  return page;
}

async function siteBox(name: string): Promise<ElementHandle<HTMLInputElement>> {
  for (const label of await options.$$('label.checkbox')) {
    if ((await label.evaluate((l) => l.textContent)) === name) {
      const box = await label.$('input');
      if (box) return box as ElementHandle<HTMLInputElement>;
    }
  }
  throw new Error(`No site checkbox ${name}`);
}

const checked = async (name: string) => (await siteBox(name)).evaluate((box) => box.checked);
const registered = () =>
  options.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
const contains = (origin: string) =>
  options.evaluate((o) => chrome.permissions.contains({ origins: [o] }), origin);

/** The badge's words in `page`, once it shows a profile (read from its closed shadow root through BiDi). */
async function badgeText(page: Page): Promise<string | null> {
  await expect
    .poll(async () => ((await ff.readBadge(page)) ?? { pending: true }).pending, { timeout: 10_000 })
    .toBe(false);
  return (await ff.readBadge(page))?.words ?? null;
}

/**
 * Whether the extension runs in `page`, once it has loaded (every content script Firefox would inject, it has
 * injected by then: document_idle is before `complete`). A positive answer either way, not a wait that passes
 * when the script is merely slow: the options page looks into the tab through scripting.executeScript, which
 * either runs there and reads the flag src/content/index.ts sets in the extension's isolated world, or is refused
 * for want of the host permission (so no script of ours can be there). Also true when a host is on the page.
 */
async function hasPanel(page: Page): Promise<boolean> {
  await page.waitForFunction(() => document.readyState === 'complete');
  const look = await options.evaluate(async (url) => {
    // Without the host permission the tab's URL is hidden (a query by URL finds nothing): it is the newest tab.
    const tab = (await chrome.tabs.query({})).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
    if (tab?.id === undefined) return 'no tab';
    try {
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        func: () => ({
          href: location.href,
          script: (globalThis as { __trustNotesContent?: unknown }).__trustNotesContent === true,
        }),
      });
      if (frame?.result?.href !== url) return `another tab: ${frame?.result?.href}`;
      return frame.result.script ? 'script' : 'no script';
    } catch (error) {
      return `refused: ${error instanceof Error ? error.message : String(error)}`;
    }
  }, page.url());
  expect(look).toMatch(/^(script|no script|refused: )/);
  return look === 'script' || (await page.$$('[data-trust-notes-host]')).length > 0;
}

describe('optional sites in Firefox', () => {
  test('before any grant, Firefox refuses a request made outside a click, and GitHub has no panel', async () => {
    expect(await checked('LinkedIn')).toBe(true);
    expect(await checked('GitHub')).toBe(false);
    const outsideClick = await options.evaluate(() =>
      chrome.permissions
        .request({ origins: ['https://github.com/*'] })
        .then(String, (e) => String(e.message)),
    );
    expect(outsideClick).toBe('permissions.request may only be called from a user input handler');
    const page = await open(GITHUB);
    expect(await hasPanel(page)).toBe(false);
    await page.close();
  });

  test('enabling GitHub asks Firefox for exactly its host; granted, the panel appears there without a reload, also in a tab already open', async () => {
    const before = await open(GITHUB);
    await ff.answerPermissionPrompts(true);
    await (await siteBox('GitHub')).click();
    await expect.poll(() => checked('GitHub'), { timeout: 10_000 }).toBe(true);
    expect(await ff.permissionPrompts()).toEqual([
      { permissions: [], origins: ['https://github.com/*'], answer: true },
    ]);
    expect(await contains('https://github.com/*')).toBe(true);
    await expect.poll(registered, { timeout: 10_000 }).toEqual(['trust-notes-site-github']);

    // The tab that was open before the grant gets the content script injected.
    expect(await badgeText(before)).toContain('No notes yet');
    // A new page on the site gets it from the registered script.
    const page = await open(GITHUB);
    expect(await badgeText(page)).toContain('No notes yet');
    await page.click('[data-trust-notes-host]');
    const frame: Frame = await ff.extensionFrame(page, 'src/panel/index.html');
    await frame.waitForSelector('main.tn-panel');
    expect(await frame.$eval('.tn-name', (h) => h.textContent)).toBe('Jane Doe');
    await Promise.all([before.close(), page.close()]);
  });

  test('a refused prompt leaves GitLab off, says so, and registers nothing for it', async () => {
    await ff.answerPermissionPrompts(false);
    await (await siteBox('GitLab')).click();
    await options.waitForFunction(() =>
      [...document.querySelectorAll('[role="status"]')].some(
        (s) => s.textContent === 'Permission for GitLab was not granted.',
      ),
    );
    expect((await ff.permissionPrompts()).at(-1)).toEqual({
      permissions: [],
      origins: ['https://gitlab.com/*'],
      answer: false,
    });
    expect(await checked('GitLab')).toBe(false);
    expect(await contains('https://gitlab.com/*')).toBe(false);
    expect(await registered()).toEqual(['trust-notes-site-github']);
    const page = await open(GITLAB);
    expect(await hasPanel(page)).toBe(false);
    await page.close();
  });

  test('turning GitHub off gives the permission back and unregisters its script: new pages there get no panel', async () => {
    await (await siteBox('GitHub')).click();
    await expect.poll(() => checked('GitHub'), { timeout: 10_000 }).toBe(false);
    expect(await contains('https://github.com/*')).toBe(false);
    await expect.poll(registered, { timeout: 10_000 }).toEqual([]);
    const page = await open(GITHUB);
    expect(await hasPanel(page)).toBe(false);
    await page.close();
  });

  test('a broad grant (as about:addons gives for every website) turns no site on', async () => {
    // The pattern old builds asked for when the user enabled Mastodon: browsers ignore its path, so it was
    // every https site, and asking permissions.contains about any other site then said yes.
    await ff.answerPermissionPrompts(true);
    // GitHub on first, its script registered: turning it off after the broad grant is the positive sign below.
    await (await siteBox('GitHub')).click();
    await expect.poll(registered, { timeout: 10_000 }).toEqual(['trust-notes-site-github']);
    await options.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'broad-grant';
      button.textContent = 'grant every https site';
      button.addEventListener('click', () => {
        void chrome.permissions.request({ origins: ['https://*/@*'] });
      });
      document.body.append(button);
    });
    await options.click('#broad-grant');
    await expect.poll(() => contains('https://*/@*'), { timeout: 10_000 }).toBe(true);
    // Firefox's own answer: the broad grant covers GitLab.
    expect(await contains('https://gitlab.com/*')).toBe(true);
    // The worker syncs its scripts in turn, one permission change after another, each from the grants as they are
    // then (the broad one included): once turning GitHub off has unregistered GitHub's script, the broad grant's
    // turn is over, and it left nothing registered.
    await (await siteBox('GitHub')).click();
    await expect.poll(registered, { timeout: 10_000 }).toEqual([]);
    expect(await checked('GitLab')).toBe(false);
    const page = await open(GITLAB);
    expect(await hasPanel(page)).toBe(false);
    await page.close();
    await options.evaluate(() => chrome.permissions.remove({ origins: ['https://*/@*'] }));
    await options.evaluate(() => document.getElementById('broad-grant')?.remove());
  });

  test('adding a Mastodon instance asks Firefox for exactly that host: the panel shows there, on no other instance and no other host', async () => {
    await ff.answerPermissionPrompts(true);
    await options.type('input[inputmode="url"]', 'mastodon.social');
    await options.click('.instance-add button[type="submit"]');
    await expect
      .poll(() => options.$$eval('.instance-list li span', (spans) => spans.map((s) => s.textContent)), {
        timeout: 10_000,
      })
      .toEqual(['mastodon.social']);
    expect((await ff.permissionPrompts()).at(-1)).toEqual({
      permissions: [],
      origins: ['https://mastodon.social/*'],
      answer: true,
    });
    await expect
      .poll(
        () =>
          options.evaluate(async () =>
            (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.matches]),
          ),
        { timeout: 10_000 },
      )
      .toEqual([['trust-notes-site-mastodon', ['https://mastodon.social/*']]]);
    expect(await contains('https://fosstodon.org/*')).toBe(false);
    expect(await checked('GitHub')).toBe(false);

    const page = await open(MASTODON);
    expect(await badgeText(page)).toContain('No notes yet');
    await page.close();
    for (const url of [OTHER_INSTANCE, ANY_HOST, GITHUB]) {
      const other = await open(url);
      expect(await hasPanel(other), url).toBe(false);
      await other.close();
    }
  });

  test('removing the instance gives its permission back: new pages there get no panel', async () => {
    await options.click('.instance-list button');
    await expect
      .poll(() => options.$$eval('.instance-list li', (items) => items.length), { timeout: 10_000 })
      .toBe(0);
    expect(await contains('https://mastodon.social/*')).toBe(false);
    await expect.poll(registered, { timeout: 10_000 }).toEqual([]);
    const page = await open(MASTODON);
    expect(await hasPanel(page)).toBe(false);
    await page.close();
  });

  test('LinkedIn’s permission taken back (Firefox lets the user switch it off): the box says so, and asks for it again', async () => {
    // What about:addons' permission switch does: the host permission the manifest asked for is removed.
    expect(
      await options.evaluate(() => chrome.permissions.remove({ origins: ['https://*.linkedin.com/*'] })),
    ).toBe(true);
    await expect.poll(() => checked('LinkedIn'), { timeout: 10_000 }).toBe(false);
    expect(await (await siteBox('LinkedIn')).evaluate((box) => box.disabled)).toBe(false);
    const hint =
      "Trust Notes cannot read LinkedIn pages: the browser's permission for LinkedIn was taken back. Tick LinkedIn to allow it again.";
    expect(await options.$$eval('p.muted', (ps) => ps.map((p) => p.textContent))).toContain(hint);
    const without = await open(JANE);
    expect(await hasPanel(without)).toBe(false);
    await without.close();

    await ff.answerPermissionPrompts(true);
    await (await siteBox('LinkedIn')).click();
    await expect.poll(() => checked('LinkedIn'), { timeout: 10_000 }).toBe(true);
    expect((await ff.permissionPrompts()).at(-1)).toEqual({
      permissions: [],
      origins: ['https://*.linkedin.com/*'],
      answer: true,
    });
    expect(await (await siteBox('LinkedIn')).evaluate((box) => box.disabled)).toBe(true);
    expect(await options.$$eval('p.muted', (ps) => ps.map((p) => p.textContent))).not.toContain(hint);
    const page = await open(JANE);
    expect(await badgeText(page)).toContain('No notes yet');
    await page.close();
  });

  test('pages reached for nothing but their fixtures’ own images, and the add-on made no request', async () => {
    // The fixture pages show their avatars from their own sites; those requests are the page's, and refused.
    const fixtures = Object.values(routes)
      .map((file) => readFileSync(join(FIXTURES, file), 'utf8').replaceAll('&amp;', '&'))
      .join('\n');
    expect(pages.refused.filter((u) => !fixtures.includes(new URL(u).pathname + new URL(u).search))).toEqual(
      [],
    );
    expect(await ff.extensionRequests()).toEqual([]);
  });
});

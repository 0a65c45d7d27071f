// The in-page panel in Firefox (an extension frame inside a web page gets only the content-script API surface
// there: no tabs, no storage.session). It still finds its tab's profile through the worker, hears the content
// script through its nonce-carrying window messages, and is sized through the worker's relay.
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_FIXTURES } from '../../scripts/demo.mjs';
import { launchFirefox } from './firefox/browser.mjs';

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const HOST = '[data-trust-notes-host]';

let ff: Awaited<ReturnType<typeof launchFirefox>>;

beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
});

async function open(url: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await ff.serve(page, DEMO_FIXTURES);
  await page.goto(url);
  return page;
}

const hostWidth = (page: Page) => page.$eval(HOST, (host) => host.getBoundingClientRect().width);

/** Waits for the badge to show these words; returns what it shows. */
async function badge(page: Page, words: string) {
  await expect.poll(async () => (await ff.readBadge(page))?.words ?? null, { timeout: 10_000 }).toBe(words);
  return (await ff.readBadge(page))!;
}

/** A click at the badge's place, as a user's; returns the panel frame once it shows the person. */
async function expand(page: Page): Promise<Frame> {
  await page.click(HOST);
  const frame = await ff.extensionFrame(page, 'src/panel/index.html');
  await frame.waitForSelector('main.tn-panel');
  return frame;
}

describe('the panel in Firefox', () => {
  test('shows the badge for the page’s person, at its fixed size, and expands on a click', async () => {
    const page = await open(JANE);
    const shown = await badge(page, 'Trust Notes No notes yet');
    expect(shown).toEqual({
      words: 'Trust Notes No notes yet',
      name: 'Trust Notes: No notes yet. Open the panel',
      expanded: 'false',
    });
    expect(await hostWidth(page)).toBe(216);
    const frame = await expand(page);
    expect(await frame.$eval('.tn-name', (h) => h.textContent)).toBe('Jane Doe');
    await expect.poll(() => hostWidth(page)).toBe(400);
    await page.close();
  });

  test('a note typed in the panel lands in the extension’s database, and the badge follows', async () => {
    const page = await open(JANE);
    await badge(page, 'Trust Notes No notes yet');
    const frame = await expand(page);
    await frame.type('.tn-note-form textarea', 'Met at the Cairo meetup.');
    await frame.click('.tn-note-form button[type=submit]');
    await frame.waitForSelector('.tn-note-text');
    const stored = await frame.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const req = indexedDB.open('trust-notes');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const all = req.result.transaction('notes').objectStore('notes').getAll();
            all.onsuccess = () => resolve(all.result.map((n: { text: string }) => n.text));
          };
        }),
    );
    expect(stored).toEqual(['Met at the Cairo meetup.']);
    // Collapse, relayed by the worker (the frame has no tabs API in Firefox): the badge is back, recorded now.
    await frame.click('.tn-panel-bar button');
    await badge(page, 'Trust Notes Connected');
    await expect.poll(() => hostWidth(page)).toBe(216);
    await page.close();
  });
});

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

async function open(url: string): Promise<{ page: Page; frame: Frame }> {
  const page = await ff.browser.newPage();
  await ff.serve(page, DEMO_FIXTURES);
  await page.goto(url);
  const frame = await ff.extensionFrame(page, 'src/panel/index.html');
  return { page, frame };
}

const hostWidth = (page: Page) => page.$eval(HOST, (host) => host.getBoundingClientRect().width);

describe('the panel in Firefox', () => {
  test('shows the badge for the page’s person, sized to it, and expands on a click', async () => {
    const { page, frame } = await open(JANE);
    await frame.waitForSelector('[data-testid=tn-badge]');
    expect(await frame.$eval('[data-testid=tn-badge]', (b) => b.textContent)).toContain('No notes yet');
    await expect.poll(() => hostWidth(page)).toBeGreaterThan(40);
    await frame.click('[data-testid=tn-badge]');
    await frame.waitForSelector('main.tn-panel');
    expect(await frame.$eval('.tn-name', (h) => h.textContent)).toBe('Jane Doe');
    await expect.poll(() => hostWidth(page)).toBe(400);
    await page.close();
  });

  test('a note typed in the panel lands in the extension’s database, and the badge follows', async () => {
    const { page, frame } = await open(JANE);
    await frame.waitForSelector('[data-testid=tn-badge]');
    await frame.click('[data-testid=tn-badge]');
    await frame.waitForSelector('main.tn-panel');
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
    await frame.click('.tn-panel-bar button');
    await frame.waitForSelector('[data-testid=tn-badge]');
    expect(await frame.$eval('[data-testid=tn-badge]', (b) => b.textContent)).toContain('Connected');
    await expect.poll(() => hostWidth(page)).toBeLessThan(400);
    await page.close();
  });
});

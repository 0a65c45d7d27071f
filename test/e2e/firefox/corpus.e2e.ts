// The panel over the whole markup corpus, in Firefox: the same checks as ../panel-corpus.e2e.ts. Every optional site
// is granted through a copy of the build whose manifest asks for them at install (../corpus.ts).
import { rmSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CORPUS, CORPUS_ROUTES, type CorpusEntry, everySiteGranted } from '../corpus.ts';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let pages: ReturnType<typeof ff.servedPages>;
/** An extension page kept open to read what the background remembers (storage.session, tabs). */
let inspector: Page;
let granted: string;

beforeAll(async () => {
  granted = everySiteGranted(DIST_FIREFOX);
  ff = await launchFirefox({ dist: granted });
  pages = ff.servedPages(CORPUS_ROUTES);
  inspector = await ff.openExtensionPage('src/options/index.html');
});
afterAll(async () => {
  await ff?.close();
  rmSync(granted, { recursive: true, force: true });
});

const HOST = '[data-trust-notes-host]';

async function remembered(page: Page): Promise<{ key: string; name: string | null } | null> {
  return inspector.evaluate(async (url: string) => {
    const [tab] = await chrome.tabs.query({ url });
    const got = (await chrome.storage.session.get(`tab:${tab?.id}`))[`tab:${tab?.id}`] as
      | { key: string; name?: string }
      | undefined;
    return got ? { key: got.key, name: got.name ?? null } : null;
  }, page.url());
}

async function badge(page: Page, words: string): Promise<void> {
  await expect.poll(async () => (await ff.readBadge(page))?.words ?? null, { timeout: 10_000 }).toBe(words);
}

async function expand(page: Page): Promise<Frame> {
  await page.click(HOST);
  const frame: Frame = await ff.extensionFrame(page, 'src/panel/index.html');
  await frame.waitForSelector('main.tn-panel');
  return frame;
}

const panelName = (frame: Frame) => frame.$eval('.tn-name', (el) => el.textContent).catch(() => null);

test('the content script is registered for every optional site', async () => {
  await expect
    .poll(
      () => inspector.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
      {
        timeout: 10_000,
      },
    )
    .toBe(7);
});

const plain = CORPUS.filter((entry) => entry.timing === null);

describe.each(plain.map((entry) => [entry.file, entry] as const))('%s', (_file, entry: CorpusEntry) => {
  test('the badge shows, the panel shows the person, and the key is the URL’s', async () => {
    const page = await pages.open(entry.url);
    await badge(page, 'Trust Notes No notes yet');
    const frame = await expand(page);
    await expect.poll(() => panelName(frame)).toBe(entry.expect.name);
    expect(await remembered(page)).toEqual({ key: entry.expect.key, name: entry.expect.name });
    await page.close();
  });
});

describe('timing', () => {
  test('a top card that arrives 3 s late: the badge shows at once, the panel gets the name when the card comes', async () => {
    const entry = CORPUS.find((e) => e.timing === 'late-3s')!;
    const page = await pages.open(entry.url);
    await badge(page, 'Trust Notes No notes yet');
    expect(await page.$$eval('main[aria-busy="true"]', (els) => els.length)).toBe(1);
    expect((await remembered(page))?.key).toBe(entry.expect.key);
    const frame = await expand(page);
    await expect.poll(() => panelName(frame), { timeout: 10_000 }).toBe(entry.expect.name);
    expect(await remembered(page)).toEqual({ key: entry.expect.key, name: entry.expect.name });
    await page.close();
  });

  test('after a pushState the page keeps the previous person’s card: the old card is never filed under the new person', async () => {
    const entry = CORPUS.find((e) => e.timing === 'stale-pushstate')!;
    const next = entry.navigate!;
    const page = await pages.open(entry.url);
    await badge(page, 'Trust Notes No notes yet');
    await expect.poll(() => remembered(page)).toEqual({ key: entry.expect.key, name: entry.expect.name });
    await page.evaluate(
      (path) => (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate(path),
      next.path,
    );
    const samples: Array<{ key: string; name: string | null } | null> = [];
    const until = Date.now() + next.staleMs + 1500;
    while (Date.now() < until) {
      samples.push(await remembered(page));
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    expect(samples.some((s) => s?.key === next.expect.key)).toBe(true);
    expect(samples.filter((s) => s?.key === next.expect.key && s.name === entry.expect.name)).toEqual([]);
    await expect.poll(() => remembered(page)).toEqual({ key: next.expect.key, name: next.expect.name });
    const frame = await expand(page);
    await expect.poll(() => panelName(frame)).toBe(next.expect.name);
    await page.close();
  });
});

// The panel over the whole markup corpus (test/fixtures/sites/corpus/index.json), in real Chromium: on every page
// the badge shows, the panel shows the person's name, and the worker files the visit under the key the URL names;
// a top card that arrives 3 s late, and a page that keeps the previous person's card for 1.5 s after a pushState.
import { rmSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, launchWithExtension, serveFixtures } from './browser.mjs';
import { CORPUS, CORPUS_ROUTES, type CorpusEntry, everySiteGranted } from './corpus.ts';
import { badge, expand, readBadge, rememberedProfile } from './panelHelpers.ts';

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let granted: string;

beforeAll(async () => {
  granted = everySiteGranted(DIST);
  ext = await launchWithExtension({ extensions: [granted] });
  await serveFixtures(ext.context, CORPUS_ROUTES);
});

test('the content script is registered for every optional site', async () => {
  await expect
    .poll(() =>
      ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
    )
    .toBe(7);
});
afterAll(async () => {
  await ext?.close();
  rmSync(granted, { recursive: true, force: true });
});

const remembered = (page: Page) => rememberedProfile(ext.worker, page);

const panelName = (frame: Frame) => frame.locator('.tn-name').textContent();

async function open(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

const plain = CORPUS.filter((entry) => entry.timing === null);

describe.each(plain.map((entry) => [entry.file, entry] as const))('%s', (_file, entry: CorpusEntry) => {
  test('the badge shows, the panel shows the person, and the key is the URL’s', async () => {
    const page = await open(entry.url);
    await badge(page, 'Trust Notes No notes yet');
    const frame = await expand(page, ext.extensionId);
    await expect.poll(() => panelName(frame)).toBe(entry.expect.name);
    if (entry.expect.headline) {
      expect(await frame.locator('.tn-headline').textContent()).toBe(entry.expect.headline);
    }
    expect(await remembered(page)).toEqual({ key: entry.expect.key, name: entry.expect.name });
    await page.close();
  });
});

describe('timing', () => {
  test('a top card that arrives 3 s late: the badge shows at once, the panel gets the name when the card comes', async () => {
    const entry = CORPUS.find((e) => e.timing === 'late-3s')!;
    const page = await open(entry.url);
    await badge(page, 'Trust Notes No notes yet');
    // The badge needs no card: the page is still loading it.
    expect(await page.locator('main[aria-busy="true"]').count()).toBe(1);
    expect((await remembered(page))?.key).toBe(entry.expect.key);
    const frame = await expand(page, ext.extensionId);
    await expect.poll(() => panelName(frame), { timeout: 10_000 }).toBe(entry.expect.name);
    expect(await page.locator('main[aria-busy="true"]').count()).toBe(0);
    expect(await remembered(page)).toEqual({ key: entry.expect.key, name: entry.expect.name });
    await page.close();
  });

  test('after a pushState the page keeps the previous person’s card: the badge follows the URL at once, and the old card is never filed under the new person', async () => {
    const entry = CORPUS.find((e) => e.timing === 'stale-pushstate')!;
    const next = entry.navigate!;
    const page = await open(entry.url);
    // A note on the first person, so the two badges differ.
    const frame = await expand(page, ext.extensionId);
    await expect.poll(() => panelName(frame)).toBe(entry.expect.name);
    await frame.getByLabel('New note').fill('Met at the SRE meetup.');
    await frame.getByRole('button', { name: 'Add note' }).click();
    await frame.locator('.tn-note-text').waitFor();
    await frame.getByRole('button', { name: 'Collapse' }).click();
    await badge(page, 'Trust Notes Connected');

    await page.evaluate(
      (path) => (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate(path),
      next.path,
    );
    const samples: Array<{
      heading: string | null;
      words: string | null;
      seen: { key: string; name: string | null } | null;
    }> = [];
    const until = Date.now() + next.staleMs + 1500;
    while (Date.now() < until) {
      samples.push({
        heading: await page.locator('main h1').first().textContent(),
        words: (await readBadge(page))?.words ?? null,
        seen: await remembered(page),
      });
      await page.waitForTimeout(40);
    }
    // The badge came from the URL while the old card was still on screen.
    expect(
      samples.some((s) => s.heading === entry.expect.name && s.words === 'Trust Notes No notes yet'),
    ).toBe(true);
    // The old card was never taken for the new person.
    expect(
      samples.filter((s) => s.seen?.key === next.expect.key && s.seen.name === entry.expect.name),
    ).toEqual([]);
    await expect.poll(() => remembered(page)).toEqual({ key: next.expect.key, name: next.expect.name });
    await expect.poll(() => panelName(frame)).toBe(next.expect.name);
    await page.close();
  });
});

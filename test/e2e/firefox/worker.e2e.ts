import { rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StorageHarness } from '../storageHarness/page.ts';
import { extensionWithHarness, HARNESS_PAGE } from '../storageHarness.mjs';
import { DIST_FIREFOX, launchFirefox, quietBackground } from './browser.mjs';

// The background in Firefox, where it is an event page: a scan puts a years-old connection with nothing shared in
// the weekly queue and the toolbar badge shows it, and the alarm and the badge come back when Firefox stops the page
// and an event wakes it again. The Firefox twin of the queue and badge paths of ../worker.e2e.ts.

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let dir: string;
let page: Page;

beforeAll(async () => {
  dir = await extensionWithHarness(DIST_FIREFOX);
  ff = await launchFirefox({ dist: dir });
  page = await ff.openExtensionPage(HARNESS_PAGE);
  await page.waitForFunction(() => document.documentElement.dataset.harness === 'ready');
});
afterAll(async () => {
  await ff?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const badge = () =>
  page.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));

const send = (type: string) =>
  page.evaluate((t) => chrome.runtime.sendMessage({ type: t, payload: {} }), type);

const queued = () =>
  page.evaluate(async () => {
    const { tn } = globalThis as unknown as { tn: StorageHarness };
    const entries = await tn.db().queue.where('state').equals('queued').toArray();
    return Promise.all(entries.map(async (entry) => (await tn.db().people.get(entry.personId))?.name));
  });

describe('the weekly queue and the badge in Firefox', () => {
  test('the install scan finds nobody, and re-arms the scan alarm a period ahead', async () => {
    await quietBackground(page); // waits for that alarm, then removes it
    expect(await badge()).toEqual({ text: '', title: 'Trust Notes: nothing to do this week' });
  });

  test('a scan puts a years-old connection with no shared work in the weekly queue; the badge shows it', async () => {
    await page.evaluate(async () => {
      const { tn } = globalThis as unknown as { tn: StorageHarness };
      await tn.mutations.createPerson(tn.db(), { name: 'Dormant Contact', connectedOn: '2015-03-01' });
      await tn.mutations.createPerson(tn.db(), {
        name: 'New Contact',
        connectedOn: `${new Date().getFullYear()}-01-01`,
      });
    });
    expect(await send('page:scanNow')).toEqual({ ok: true, value: { badge: 1 } });
    expect(await queued()).toEqual(['Dormant Contact']);
    expect(await badge()).toEqual({ text: '1', title: 'Trust Notes: 1 person to test this week' });
  });

  test('after Firefox stops the event page, a wake re-creates the alarm and the badge still counts', async () => {
    // The full scan re-armed the alarm: take it away, so only the next start can bring it back.
    await page.evaluate(() => chrome.alarms.clearAll());
    await ff.stopBackground();
    expect(await page.evaluate(() => chrome.alarms.getAll())).toEqual([]);
    // Any event wakes it; the message asks for a recount, which must come from the database.
    expect(await send('page:flagsChanged')).toEqual({ ok: true, value: { badge: 1 } });
    expect(await ff.backgroundState()).toBe('running');
    const alarms = await page.evaluate(() => chrome.alarms.getAll());
    expect(alarms.map((a) => a.name)).toEqual(['trust-notes:scan']);
    expect((await badge()).text).toBe('1');
  });
});

// The background worker in real Chromium: flags from a scan, the badge, incremental rescans, the alarm, and
// forged or malformed messages. Data goes in through the db mutations API from an extension page.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, launchWithExtension, serveFixtures } from './browser.mjs';
import { currentWorker, evaluateInContentScript, openApiPage, send, stopWorker } from './workerHarness.mjs';
import type { WorkerPageApi } from './workerPageApi.ts';

declare const __tn: WorkerPageApi;

const PROFILE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let page: Page;
let refused: string[];
const otherExtension = mkdtempSync(join(tmpdir(), 'other-extension-'));

beforeAll(async () => {
  // Another installed extension, with nothing but a page to send messages from.
  writeFileSync(
    join(otherExtension, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Other extension', version: '1.0' }),
  );
  writeFileSync(join(otherExtension, 'page.html'), '<!doctype html><title>other</title>');
  ext = await launchWithExtension({ extensions: [DIST, otherExtension] });
  refused = await serveFixtures(ext.context, { [PROFILE]: 'pages/linkedin-spa.html' });
  page = await openApiPage(ext);
});
afterAll(async () => {
  await ext?.close();
  rmSync(otherExtension, { recursive: true, force: true });
});

async function badge(): Promise<{ text: string; title: string }> {
  const worker = await currentWorker(ext);
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));
}

const flagStates = () =>
  page.evaluate(async () =>
    Object.fromEntries((await __tn.db().flags.toArray()).map((f) => [`${f.kind}`, f.state] as const)),
  );

const queueStates = () =>
  page.evaluate(async () =>
    Object.fromEntries(
      (await __tn.db().queue.toArray()).map((entry) => [entry.personId, entry.state] as const),
    ),
  );

describe('flags, the weekly queue and the badge', () => {
  let ids: { dormant: string; stalled: string; payer: string; planner: string; fresh: string };

  test('a scan raises one flag per rule and fills the weekly queue; the badge counts the queue and the action flags', async () => {
    ids = await page.evaluate(async () => {
      const { db, mutations } = __tn;
      const tdb = db();
      const thisYear = new Date().getFullYear();
      const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
      const dormant = await mutations.createPerson(tdb, { name: 'Dormant', connectedOn: '2015-03-01' });
      const stalled = await mutations.createPerson(tdb, { name: 'Stalled', connectedOn: '2014-01-01' });
      await mutations.addSharedWork(tdb, stalled.id, {
        kind: 'smallTask',
        direction: 'theyDelivered',
        status: 'done',
        endDate: '2019-05-01',
        outcome: { quality: 5 },
      });
      const payer = await mutations.createPerson(tdb, { name: 'Payer', connectedOn: `${thisYear}-01-01` });
      await mutations.addSharedWork(tdb, payer.id, {
        kind: 'paidProject',
        direction: 'iDelivered',
        status: 'done',
        endDate: daysAgo(60),
        outcome: { quality: 4, payment: { status: 'pending' } },
      });
      const planner = await mutations.createPerson(tdb, {
        name: 'Planner',
        connectedOn: `${thisYear}-01-01`,
      });
      await mutations.addSharedWork(tdb, planner.id, {
        kind: 'trial',
        direction: 'together',
        status: 'planned',
        startDate: daysAgo(30),
      });
      const fresh = await mutations.createPerson(tdb, { name: 'Fresh', connectedOn: `${thisYear}-01-01` });
      return {
        dormant: dormant.id,
        stalled: stalled.id,
        payer: payer.id,
        planner: planner.id,
        fresh: fresh.id,
      };
    });
    // The install scan found nobody.
    expect(await badge()).toEqual({ text: '', title: 'Trust Notes: nothing to do this week' });

    expect(await send(page, 'page:scanNow')).toEqual({ ok: true, value: { badge: 3 } });
    expect(await flagStates()).toEqual({
      stalled: 'open',
      paymentOverdue: 'open',
      followUpDue: 'open',
    });
    const people = await page.evaluate(async () =>
      Object.fromEntries((await __tn.db().flags.toArray()).map((f) => [f.kind, f.personId])),
    );
    expect(people).toEqual({ stalled: ids.stalled, paymentOverdue: ids.payer, followUpDue: ids.planner });
    // The years-old connection with nothing shared is no flag: it is this week's queue.
    expect(await queueStates()).toEqual({ [ids.dormant]: 'queued' });
    // The stalled flag asks for no action now; the queue and the overdue payment and follow-up do.
    expect(await badge()).toEqual({
      text: '3',
      title: 'Trust Notes: 1 person to test this week, 2 flags need action',
    });
  });

  test('an edit rescans just that person: a planned step takes them out of the queue, into its history', async () => {
    const reply = await page.evaluate(async (id) => {
      await __tn.mutations.addSharedWork(__tn.db(), id, {
        kind: 'smallTask',
        direction: 'together',
        status: 'planned',
        startDate: `${new Date().getFullYear() + 1}-01-01`,
      });
      return chrome.runtime.sendMessage({ type: 'page:personChanged', payload: { personId: id } });
    }, ids.dormant);
    expect(reply).toEqual({ ok: true, value: { changed: 0 } });
    await expect.poll(queueStates).toEqual({ [ids.dormant]: 'started' });
    await expect.poll(badge).toEqual({ text: '2', title: 'Trust Notes: 2 flags need action' });
  });

  test('snoozed and dismissed flags stay as the user left them, and the badge follows', async () => {
    await page.evaluate(async (id) => {
      await __tn.mutations.snoozeFlag(__tn.db(), `${id}:stalled`, Date.now() + 7 * 86_400_000);
    }, ids.stalled);
    // A stalled flag asks for no action now: the badge did not count it, and does not change.
    expect(await send(page, 'page:flagsChanged')).toEqual({ ok: true, value: { badge: 2 } });
    expect((await badge()).text).toBe('2');

    expect(await send(page, 'page:scanNow')).toEqual({ ok: true, value: { badge: 2 } });
    expect((await flagStates()).stalled).toBe('snoozed');

    await page.evaluate(
      async (who) => {
        const flags = await __tn.db().flags.where('state').equals('open').toArray();
        for (const flag of flags)
          if (who.includes(flag.personId)) await __tn.mutations.dismissFlag(__tn.db(), flag.id);
      },
      [ids.payer, ids.planner],
    );
    expect(await send(page, 'page:flagsChanged')).toEqual({ ok: true, value: { badge: 0 } });
    expect(await badge()).toEqual({ text: '', title: 'Trust Notes: nothing to do this week' });

    expect(await send(page, 'page:scanNow')).toEqual({ ok: true, value: { badge: 0 } });
    expect(await flagStates()).toEqual({
      stalled: 'snoozed',
      paymentOverdue: 'dismissed',
      followUpDue: 'dismissed',
    });
  });

  test('the badge title follows the language chosen in settings', async () => {
    await page.evaluate(async () => {
      await __tn.meta.saveSettings(__tn.db(), { language: 'ar' });
    });
    await send(page, 'page:flagsChanged');
    expect((await badge()).title).toBe('ملاحظات الثقة — لا شيء مطلوب هذا الأسبوع');
    await page.evaluate(async () => {
      await __tn.meta.saveSettings(__tn.db(), { language: 'auto' });
    });
    await send(page, 'page:flagsChanged');
    expect((await badge()).title).toBe('Trust Notes: nothing to do this week');
  });
});

describe('the scan alarm', () => {
  const alarm = async () =>
    (await currentWorker(ext)).evaluate(() => chrome.alarms.get('trust-notes:scan')) as Promise<
      chrome.alarms.Alarm | undefined
    >;

  const lastScanAt = () => page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'));

  test('exists with the period from settings, and follows a settings change', async () => {
    expect((await alarm())?.periodInMinutes).toBe(360);
    await page.evaluate(async () => {
      await __tn.meta.saveSettings(__tn.db(), { scanPeriodHours: 12 });
    });
    const before = await lastScanAt();
    expect(await send(page, 'page:settingsChanged')).toEqual({ ok: true, value: { scanPeriodMinutes: 720 } });
    expect((await alarm())?.periodInMinutes).toBe(720);
    // Thresholds may have changed, so it rescans; the next periodic scan is one period after that one.
    await expect.poll(lastScanAt).toBeGreaterThan(before ?? 0);
    await expect.poll(async () => (await alarm())?.scheduledTime).toBe((await lastScanAt())! + 720 * 60_000);
  });

  test('is re-created when the worker starts again, without pushing the next scan back', async () => {
    await stopWorker(page);
    await page.evaluate(async () => {
      await __tn.meta.saveSettings(__tn.db(), { scanPeriodHours: 6 });
    });
    // Any event wakes the worker; the start re-creates the alarm from the stored schedule.
    expect(await send(page, 'any:ping')).toMatchObject({ ok: true });
    await expect.poll(async () => (await alarm())?.periodInMinutes).toBe(360);
    expect((await alarm())?.scheduledTime).toBe((await lastScanAt())! + 360 * 60_000);
  });
});

describe('forged and malformed messages', () => {
  const PAGE_ONLY = [
    ['page:scanNow', {}],
    ['page:personChanged', { personId: 'someone' }],
    ['page:flagsChanged', {}],
    ['page:settingsChanged', {}],
  ] as const;

  test('the content script world of a LinkedIn tab is refused every page-only message', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(PROFILE);
    await tab.locator('[data-trust-notes-host]').waitFor({ state: 'attached' });
    const lastScanAt = await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'));
    // The same world, with a message it may send: the channel itself works.
    const ping = await evaluateInContentScript(
      tab,
      ext.extensionId,
      `chrome.runtime.sendMessage({ type: 'any:ping', payload: {} })`,
    );
    expect(ping).toMatchObject({ ok: true, value: { pong: true } });
    for (const [type, payload] of PAGE_ONLY) {
      const reply = await evaluateInContentScript(
        tab,
        ext.extensionId,
        `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })})`,
      );
      expect(reply, type).toEqual({
        ok: false,
        error: { code: 'forbidden', message: `Sender not allowed for ${type}.` },
      });
    }
    expect(await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'))).toBe(lastScanAt);
    // LinkedIn's own scripts can't reach the worker at all: no externally_connectable.
    expect(
      await tab.evaluate(
        () => typeof (globalThis as { chrome?: typeof chrome }).chrome?.runtime?.sendMessage,
      ),
    ).toBe('undefined');
    await tab.close();
  });

  test('another extension gets no answer', async () => {
    const other = await ext.context.newPage();
    await other.goto(`chrome-extension://${unpackedExtensionId(otherExtension)}/page.html`);
    expect(await other.title()).toBe('other');
    const lastScanAt = await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'));
    for (const [type, payload] of PAGE_ONLY) {
      const outcome = await other.evaluate(
        async ([target, message]) => {
          try {
            return { reply: await chrome.runtime.sendMessage(target, message) };
          } catch (e) {
            return { error: (e as Error).message };
          }
        },
        [ext.extensionId, { type, payload }] as const,
      );
      expect(outcome, type).toEqual({ error: expect.stringMatching(/Receiving end does not exist/) });
    }
    expect(await page.evaluate(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'))).toBe(lastScanAt);
    await other.close();
  });

  test.each<[string, unknown]>([
    ['not an object', 'page:scanNow'],
    ['no type', { payload: {} }],
    ['an unknown type', { type: 'page:dropEverything', payload: {} }],
    ['no payload', { type: 'page:personChanged' }],
    ['a number for the person id', { type: 'page:personChanged', payload: { personId: 7 } }],
    ['an oversized person id', { type: 'page:personChanged', payload: { personId: 'x'.repeat(5000) } }],
    ['an array payload', { type: 'page:scanNow', payload: [1, 2] }],
    ['a null payload', { type: 'page:settingsChanged', payload: null }],
  ])('%s gets an error reply, and the worker keeps answering', async (_, message) => {
    const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: expect.stringMatching(/^(malformed|unknownType)$/) },
    });
    expect(await send(page, 'any:ping')).toMatchObject({ ok: true, value: { pong: true } });
  });
});

/** Chromium's id for an unpacked extension: the SHA-256 of its path, first 32 hex digits spelled a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}

describe('network', () => {
  test('nothing reached for the network', () => {
    expect(refused).toEqual([]);
  });
});

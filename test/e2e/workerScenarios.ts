// The background written once and run in both browsers (worker.e2e.ts: Chromium's service worker over Playwright;
// firefox/worker.e2e.ts: Firefox's event page over Puppeteer): the install scan, flags from a scan, the weekly
// queue and the toolbar badge, incremental rescans, snoozed and dismissed flags, the badge's language, the scan
// alarm and its return when the browser stops the background, and malformed messages. Data goes in through the
// real db modules (workerPageApi.ts, `__tn`), evaluated in an extension page of each browser.
import { describe, expect, test } from 'vitest';
import type { WorkerPageApi } from './workerPageApi.ts';

declare const __tn: WorkerPageApi;

export interface WorkerDriver {
  /** Runs `fn(arg)` in an extension page where `__tn` (workerPageApi.ts) is installed. */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Stops the background as the browser does when it idles out; resolves once it is stopped. */
  stopBackground(): Promise<void>;
}

const ALARM = 'trust-notes:scan';

export function workerScenarios(driver: () => WorkerDriver): void {
  const run = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => driver().run(fn, arg);
  const send = (type: string, payload: unknown = {}) =>
    run(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
  const badge = () =>
    run(
      async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }),
      null,
    );
  const alarm = () =>
    run((name) => chrome.alarms.get(name), ALARM) as Promise<chrome.alarms.Alarm | undefined>;
  const lastScanAt = () => run(() => __tn.meta.getMeta(__tn.db(), 'lastScanAt'), null);
  const flagStates = () =>
    run(
      async () =>
        Object.fromEntries((await __tn.db().flags.toArray()).map((f) => [`${f.kind}`, f.state] as const)),
      null,
    );
  const queueStates = () =>
    run(
      async () =>
        Object.fromEntries(
          (await __tn.db().queue.toArray()).map((entry) => [entry.personId, entry.state] as const),
        ),
      null,
    );

  describe('the install scan', () => {
    test('finds nobody, and arms the scan alarm a period ahead', async () => {
      await expect
        .poll(async () => ((await alarm())?.scheduledTime ?? 0) > Date.now() + 60 * 60_000, {
          timeout: 30_000,
        })
        .toBe(true);
      expect(await lastScanAt()).toBeGreaterThan(0);
      expect(await badge()).toEqual({ text: '', title: 'Trust Notes: nothing to do this week' });
    });
  });

  describe('flags, the weekly queue and the badge', () => {
    let ids: { dormant: string; stalled: string; payer: string; planner: string; fresh: string };

    test('a scan raises one flag per rule and fills the weekly queue; the badge counts the queue and the action flags', async () => {
      ids = await run(async () => {
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
      }, null);

      expect(await send('page:scanNow')).toEqual({ ok: true, value: { badge: 3 } });
      expect(await flagStates()).toEqual({
        stalled: 'open',
        paymentOverdue: 'open',
        followUpDue: 'open',
      });
      const people = await run(
        async () => Object.fromEntries((await __tn.db().flags.toArray()).map((f) => [f.kind, f.personId])),
        null,
      );
      expect(people).toEqual({ stalled: ids.stalled, paymentOverdue: ids.payer, followUpDue: ids.planner });
      // The years-old connection with nothing shared is no flag: it is this week's queue (this year's is not).
      expect(await queueStates()).toEqual({ [ids.dormant]: 'queued' });
      // The stalled flag asks for no action now; the queue and the overdue payment and follow-up do.
      expect(await badge()).toEqual({
        text: '3',
        title: 'Trust Notes: 1 person to test this week, 2 flags need action',
      });
    });

    test('an edit rescans just that person: a planned step takes them out of the queue, into its history', async () => {
      const reply = await run(async (id) => {
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
      await run(async (id) => {
        await __tn.mutations.snoozeFlag(__tn.db(), `${id}:stalled`, Date.now() + 7 * 86_400_000);
      }, ids.stalled);
      // A stalled flag asks for no action now: the badge did not count it, and does not change.
      expect(await send('page:flagsChanged')).toEqual({ ok: true, value: { badge: 2 } });
      expect((await badge()).text).toBe('2');

      expect(await send('page:scanNow')).toEqual({ ok: true, value: { badge: 2 } });
      expect((await flagStates()).stalled).toBe('snoozed');

      await run(
        async (who) => {
          const flags = await __tn.db().flags.where('state').equals('open').toArray();
          for (const flag of flags)
            if (who.includes(flag.personId)) await __tn.mutations.dismissFlag(__tn.db(), flag.id);
        },
        [ids.payer, ids.planner],
      );
      expect(await send('page:flagsChanged')).toEqual({ ok: true, value: { badge: 0 } });
      expect(await badge()).toEqual({ text: '', title: 'Trust Notes: nothing to do this week' });

      expect(await send('page:scanNow')).toEqual({ ok: true, value: { badge: 0 } });
      expect(await flagStates()).toEqual({
        stalled: 'snoozed',
        paymentOverdue: 'dismissed',
        followUpDue: 'dismissed',
      });
    });

    test('the badge title follows the language chosen in settings', async () => {
      await run(() => __tn.meta.saveSettings(__tn.db(), { language: 'ar' }), null);
      await send('page:flagsChanged');
      expect((await badge()).title).toBe('ملاحظات الثقة — لا شيء مطلوب هذا الأسبوع');
      await run(() => __tn.meta.saveSettings(__tn.db(), { language: 'auto' }), null);
      await send('page:flagsChanged');
      expect((await badge()).title).toBe('Trust Notes: nothing to do this week');
    });
  });

  describe('the scan alarm', () => {
    test('exists with the period from settings, and follows a settings change', async () => {
      expect((await alarm())?.periodInMinutes).toBe(360);
      await run(() => __tn.meta.saveSettings(__tn.db(), { scanPeriodHours: 12 }), null);
      const before = await lastScanAt();
      expect(await send('page:settingsChanged')).toEqual({ ok: true, value: { scanPeriodMinutes: 720 } });
      expect((await alarm())?.periodInMinutes).toBe(720);
      // Thresholds may have changed, so it rescans; the next periodic scan is one period after that one.
      await expect.poll(lastScanAt).toBeGreaterThan(before ?? 0);
      await expect
        .poll(async () => (await alarm())?.scheduledTime)
        .toBe((await lastScanAt())! + 720 * 60_000);
    });

    test('is re-created when the background starts again, without pushing the next scan back', async () => {
      await driver().stopBackground();
      await run(() => __tn.meta.saveSettings(__tn.db(), { scanPeriodHours: 6 }), null);
      // Any event wakes it; the start re-creates the alarm from the stored schedule.
      expect(await send('any:ping')).toMatchObject({ ok: true });
      await expect.poll(async () => (await alarm())?.periodInMinutes).toBe(360);
      expect((await alarm())?.scheduledTime).toBe((await lastScanAt())! + 360 * 60_000);
    });

    test('comes back on the next wake when it was gone, and the badge recount comes from the database', async () => {
      // A person for the queue, scanned in, so the recount has something to find.
      await run(
        () => __tn.mutations.createPerson(__tn.db(), { name: 'Dormant Contact', connectedOn: '2015-03-01' }),
        null,
      );
      expect(await send('page:scanNow')).toEqual({ ok: true, value: { badge: 1 } });
      // The full scan re-armed the alarm: take it away, so only the next start can bring it back.
      await run(() => chrome.alarms.clearAll(), null);
      await driver().stopBackground();
      expect(await run(() => chrome.alarms.getAll(), null)).toEqual([]);
      // Any event wakes it; the message asks for a recount, which a fresh background can only take from the database.
      expect(await send('page:flagsChanged')).toEqual({ ok: true, value: { badge: 1 } });
      const alarms = await run(() => chrome.alarms.getAll(), null);
      expect(alarms.map((a) => a.name)).toEqual([ALARM]);
      expect(await badge()).toEqual({ text: '1', title: 'Trust Notes: 1 person to test this week' });
    });
  });

  describe('malformed messages', () => {
    test.each<[string, unknown]>([
      ['not an object', 'page:scanNow'],
      ['no type', { payload: {} }],
      ['an unknown type', { type: 'page:dropEverything', payload: {} }],
      ['no payload', { type: 'page:personChanged' }],
      ['a number for the person id', { type: 'page:personChanged', payload: { personId: 7 } }],
      ['an oversized person id', { type: 'page:personChanged', payload: { personId: 'x'.repeat(5000) } }],
      ['an array payload', { type: 'page:scanNow', payload: [1, 2] }],
      ['a null payload', { type: 'page:settingsChanged', payload: null }],
    ])('%s gets an error reply, and the background keeps answering', async (_, message) => {
      const reply = await run((m) => chrome.runtime.sendMessage(m), message);
      expect(reply).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/^(malformed|unknownType)$/) },
      });
      expect(await send('any:ping')).toMatchObject({ ok: true, value: { pong: true } });
    });
  });
}

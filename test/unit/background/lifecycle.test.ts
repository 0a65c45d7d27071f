// The worker's top-level listeners, as a fresh worker start registers them.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DATA_NOW, generateNetwork, seedNetwork } from '../../data/network.ts';
import { createFakeBrowser, type FakeBrowser, serveLocales } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));
/** The scans the worker's listeners started, by mode: the real scan runs, and each start is recorded. */
const scans = vi.hoisted(() => ({ started: [] as string[] }));
vi.mock('../../../src/background/scanJobs.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/background/scanJobs.ts')>();
  return {
    ...real,
    scanEveryone: (mode: 'fresh' | 'periodic') => {
      scans.started.push(mode);
      return real.scanEveryone(mode);
    },
  };
});

const { db } = await import('../../../src/db/database.ts');
const { getMeta, setMeta } = await import('../../../src/db/meta.ts');
const { SCAN_ALARM } = await import('../../../src/background/alarms.ts');
const { DIGEST_NOTIFICATION } = await import('../../../src/background/digest.ts');

/**
 * A worker start: the module is evaluated afresh, as after Chrome stopped the worker. Resolves to the
 * start's own work, which each test awaits so that none runs on into the next test.
 */
async function startWorker(): Promise<{ started: Promise<void> }> {
  vi.resetModules();
  const { registerScanLifecycle } = await import('../../../src/background/lifecycle.ts');
  return { started: registerScanLifecycle() };
}

beforeEach(async () => {
  fake.browser = createFakeBrowser();
  scans.started = [];
  serveLocales();
  await Promise.all(db().tables.map((table) => table.clear()));
});

/** The badge's number: the weekly queue plus the flags that need action now. */
async function badgeNumber(): Promise<number> {
  const queued = await db().queue.where('state').equals('queued').count();
  const actions = (await db().flags.where('state').equals('open').toArray()).filter(
    (flag) => flag.kind === 'paymentOverdue' || flag.kind === 'followUpDue',
  ).length;
  return queued + actions;
}

/** A full scan's last step: the next periodic scan is set one period (6 h) after it. */
async function scanChainDone() {
  await vi.waitFor(async () => {
    const lastScanAt = await getMeta(db(), 'lastScanAt');
    expect(lastScanAt).toBeDefined();
    expect(fake.browser.alarms.create).toHaveBeenLastCalledWith(SCAN_ALARM, {
      when: lastScanAt! + 6 * 3_600_000,
      periodInMinutes: 360,
    });
  });
}

describe('on start', () => {
  test('registers the scan listeners at top level and re-creates the alarm', async () => {
    const { started } = await startWorker();
    // Synchronously, before anything is awaited: an event that woke the worker finds them.
    expect(fake.browser.alarms.onAlarm.listeners).toHaveLength(1);
    expect(fake.browser.runtime.onInstalled.listeners).toHaveLength(1);
    expect(fake.browser.runtime.onStartup.listeners).toHaveLength(1);
    expect(fake.browser.notifications?.onClicked.listeners).toHaveLength(1);
    await started;
    expect(fake.browser.alarms.create).toHaveBeenCalledWith(
      SCAN_ALARM,
      expect.objectContaining({ periodInMinutes: 360 }),
    );
  });

  test('finishes a scan that a stop cut short, from its checkpoint and with its reference time', async () => {
    const network = generateNetwork(50, 100, 6);
    await seedNetwork(db(), network);
    const ids = network.people.map((p) => p.id).sort();
    const startedAt = Date.now() - 1000;
    await setMeta(db(), 'scanCheckpoint', { now: startedAt, after: ids[24]! });
    await (await startWorker()).started;
    expect(await getMeta(db(), 'scanCheckpoint')).toBeUndefined();
    const raised = (await db().flags.toArray()).filter((f) => f.raisedAt > DATA_NOW);
    expect(raised.every((f) => f.raisedAt === startedAt)).toBe(true);
    expect(await getMeta(db(), 'lastScanAt')).toBe(startedAt);
    // Only people after the checkpoint were scanned: the first half got no new flags.
    const flagged = new Set(raised.map((f) => f.personId));
    expect(flagged.size).toBeGreaterThan(0);
    for (const id of flagged) expect(id > ids[24]!).toBe(true);
    expect(fake.browser.action.setBadgeText).toHaveBeenCalled();
    await scanChainDone();
  });

  test('without a scan under way, starting the worker scans nobody', async () => {
    await seedNetwork(db(), generateNetwork(20, 20, 6));
    await (await startWorker()).started;
    expect(fake.browser.alarms.create).toHaveBeenCalledOnce();
    expect(await getMeta(db(), 'lastScanAt')).toBeUndefined();
    expect(fake.browser.action.setBadgeText).not.toHaveBeenCalled();
  });
});

describe('events', () => {
  test.each([
    ['install', (b: FakeBrowser) => b.runtime.onInstalled.fire({ reason: 'install' })],
    ['browser startup', (b: FakeBrowser) => b.runtime.onStartup.fire()],
    ['the scan alarm', (b: FakeBrowser) => b.alarms.onAlarm.fire({ name: SCAN_ALARM })],
  ])('%s runs a full scan and sets the badge', async (_, fire) => {
    await seedNetwork(db(), generateNetwork(30, 60, 8));
    await (await startWorker()).started;
    fire(fake.browser);
    await vi.waitFor(async () => expect(await getMeta(db(), 'lastScanAt')).toBeDefined());
    const open = await badgeNumber();
    expect(open).toBeGreaterThan(5);
    // One extension API call per page tells Chrome the worker is busy.
    expect(fake.browser.runtime.getPlatformInfo).toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: String(open) }),
    );
    await scanChainDone();
  });

  test('another alarm is not the scan', async () => {
    await seedNetwork(db(), generateNetwork(10, 10, 8));
    await (await startWorker()).started;
    // The listener decides synchronously (a woken worker must start its work within the event): the scan alarm
    // starts its scan before fire() returns, so a scan the other alarm started would show here already.
    fake.browser.alarms.onAlarm.fire({ name: 'something-else' });
    expect(scans.started).toEqual([]);
    fake.browser.alarms.onAlarm.fire({ name: SCAN_ALARM });
    expect(scans.started).toEqual(['periodic']);
    await scanChainDone();
    expect(scans.started).toEqual(['periodic']);
  });

  test('a click on the digest opens the flag list; other notifications are not ours', async () => {
    await (await startWorker()).started;
    fake.browser.notifications?.onClicked.fire('someone-else');
    fake.browser.notifications?.onClicked.fire(DIGEST_NOTIFICATION);
    await vi.waitFor(() => expect(fake.browser.action.openPopup).toHaveBeenCalledOnce());
    expect(fake.browser.notifications?.clear).toHaveBeenCalledWith(DIGEST_NOTIFICATION);
    expect(fake.browser.notifications?.clear).toHaveBeenCalledOnce();
  });

  test('listens for digest clicks once the notifications permission is granted while running', async () => {
    const notifications = fake.browser.notifications;
    fake.browser.notifications = undefined;
    await (await startWorker()).started;
    fake.browser.notifications = notifications;
    fake.browser.permissions.onAdded.fire({ permissions: ['notifications'] });
    fake.browser.permissions.onAdded.fire({ permissions: ['notifications'] });
    expect(notifications?.onClicked.listeners).toHaveLength(1);
  });
});

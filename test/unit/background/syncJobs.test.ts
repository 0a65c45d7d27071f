// When the worker syncs: the alarm while sync is set up, one sync a few seconds after a burst of edits, a sync when a
// page opens unless one was just tried, and a sync a stopped worker left half done carried on at start.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createFakeBrowser, type FakeBrowser } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({
  browser: undefined as unknown as FakeBrowser & {
    alarms: FakeBrowser['alarms'] & {
      get: (name: string) => Promise<unknown>;
      clear: ReturnType<typeof vi.fn>;
    };
  },
  configured: true,
  interrupted: false,
  lastAttemptAt: undefined as number | undefined,
  runSync: vi.fn(async () => ({ personIds: [] as string[] })),
}));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));
vi.mock('../../../src/sync/service.ts', () => ({
  runSync: fake.runSync,
  syncConfigured: async () => fake.configured,
  interruptedSync: async () => fake.interrupted,
}));
vi.mock('../../../src/sync/store.ts', () => ({
  syncStore: () => ({ status: async () => ({ lastAttemptAt: fake.lastAttemptAt }) }),
}));

const {
  AFTER_EDIT_MS,
  SYNC_ALARM,
  SYNC_PERIOD_MINUTES,
  pageOpened,
  registerSyncLifecycle,
  scheduleSyncAlarm,
  syncSoon,
} = await import('../../../src/background/syncJobs.ts');

/** Lets the promises a timer or listener started settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  const browser = createFakeBrowser();
  const alarms = new Map<string, unknown>();
  fake.browser = {
    ...browser,
    alarms: {
      ...browser.alarms,
      create: vi.fn(async (name: string, info: unknown) => void alarms.set(name, info)),
      get: vi.fn(async (name: string) => alarms.get(name)),
      clear: vi.fn(async (name: string) => alarms.delete(name)),
    },
  };
  fake.configured = true;
  fake.interrupted = false;
  fake.lastAttemptAt = undefined;
  fake.runSync.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the sync alarm', () => {
  test('set while sync is set up, every few minutes, and not created twice', async () => {
    await scheduleSyncAlarm();
    await scheduleSyncAlarm();
    expect(fake.browser.alarms.create).toHaveBeenCalledTimes(1);
    expect(fake.browser.alarms.create).toHaveBeenCalledWith(SYNC_ALARM, {
      periodInMinutes: SYNC_PERIOD_MINUTES,
    });
    expect(SYNC_PERIOD_MINUTES).toBeLessThanOrEqual(15);
  });

  test('cleared when sync is not set up (stopped on this device, or never set up)', async () => {
    await scheduleSyncAlarm();
    fake.configured = false;
    await scheduleSyncAlarm();
    expect(fake.browser.alarms.clear).toHaveBeenCalledWith(SYNC_ALARM);
    expect(await fake.browser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });

  test('its firing syncs; another alarm does not', async () => {
    registerSyncLifecycle();
    await settle();
    fake.browser.alarms.onAlarm.fire({ name: 'trust-notes:scan' });
    await settle();
    expect(fake.runSync).not.toHaveBeenCalled();
    fake.browser.alarms.onAlarm.fire({ name: SYNC_ALARM });
    await settle();
    expect(fake.runSync).toHaveBeenCalledTimes(1);
  });
});

describe('after edits', () => {
  test('a burst of edits makes one sync, a few seconds after the last', async () => {
    syncSoon();
    await vi.advanceTimersByTimeAsync(AFTER_EDIT_MS - 500);
    syncSoon();
    await vi.advanceTimersByTimeAsync(AFTER_EDIT_MS - 500);
    expect(fake.runSync).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(fake.runSync).toHaveBeenCalledTimes(1);
  });

  test('nothing runs on a device that does not sync', async () => {
    fake.configured = false;
    syncSoon(0);
    await vi.advanceTimersByTimeAsync(AFTER_EDIT_MS);
    expect(fake.runSync).not.toHaveBeenCalled();
  });
});

describe('when a page opens', () => {
  test('syncs when no sync was tried in the last minute, not when one just was', async () => {
    fake.lastAttemptAt = Date.now() - 10_000;
    await pageOpened();
    await vi.advanceTimersByTimeAsync(AFTER_EDIT_MS);
    expect(fake.runSync).not.toHaveBeenCalled();
    fake.lastAttemptAt = Date.now() - 5 * 60_000;
    await pageOpened();
    await settle();
    expect(fake.runSync).toHaveBeenCalledTimes(1);
  });
});

describe('at worker start', () => {
  test('a sync the stopped worker left half done carries on at once', async () => {
    fake.interrupted = true;
    registerSyncLifecycle();
    await settle();
    await settle();
    expect(fake.runSync).toHaveBeenCalledTimes(1);
    expect(await fake.browser.alarms.get(SYNC_ALARM)).toBeDefined();
  });

  test('no interrupted sync: nothing until a trigger', async () => {
    registerSyncLifecycle();
    await settle();
    await vi.advanceTimersByTimeAsync(AFTER_EDIT_MS);
    expect(fake.runSync).not.toHaveBeenCalled();
  });
});

import { beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/types.ts';
import { createFakeBrowser, type FakeBrowser } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const { SCAN_ALARM, scanAlarm, scanPeriodMinutes, scheduleScanAlarm } = await import(
  '../../../src/background/alarms.ts'
);
const { saveSettings, setMeta } = await import('../../../src/db/meta.ts');
const { freshDb } = await import('../db/testDb.ts');

const HOUR = 3_600_000;
const NOW = Date.UTC(2024, 5, 15, 12);
const settings = (changes: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...changes });

beforeEach(() => {
  fake.browser = createFakeBrowser();
});

describe('scanPeriodMinutes', () => {
  test.each([
    [6, 360],
    [12, 720],
    [0, 60],
    [-4, 60],
    [Number.NaN, 360],
    [10_000, 7 * 24 * 60],
  ])('%d hours → %d minutes', (hours, minutes) => {
    expect(scanPeriodMinutes(settings({ scanPeriodHours: hours }))).toBe(minutes);
  });
});

describe('scanAlarm', () => {
  test.each([
    ['no scan has completed: soon', undefined, NOW + 30_000],
    ['last scan an hour ago: one period after it', NOW - HOUR, NOW + 5 * HOUR],
    ['last scan long overdue: soon', NOW - 30 * HOUR, NOW + 30_000],
    [
      'last scan seconds short of a period ago: not before the minimum delay',
      NOW - 6 * HOUR + 1000,
      NOW + 30_000,
    ],
  ])('%s', (_, lastScanAt, when) => {
    expect(scanAlarm(settings(), lastScanAt, NOW)).toEqual({ when, periodInMinutes: 360 });
  });
});

describe('scheduleScanAlarm', () => {
  test('re-creating the alarm on every wake keeps the same schedule, from the settings', async () => {
    const tdb = freshDb();
    await saveSettings(tdb, { scanPeriodHours: 12 });
    await setMeta(tdb, 'lastScanAt', NOW - 2 * HOUR);
    await scheduleScanAlarm(tdb, NOW);
    await scheduleScanAlarm(tdb, NOW + 20 * 60_000);
    expect(fake.browser.alarms.create.mock.calls).toEqual([
      [SCAN_ALARM, { when: NOW + 10 * HOUR, periodInMinutes: 720 }],
      [SCAN_ALARM, { when: NOW + 10 * HOUR, periodInMinutes: 720 }],
    ]);
  });
});

// The periodic scan's alarm. The worker re-creates it every time it starts, at the time the next scan is
// due after the last completed one (kept in the database), so frequent wakes never push the scan back.
import browser from 'webextension-polyfill';
import type { Millis, Settings } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { getMeta, getSettings } from '../db/meta.ts';

export const SCAN_ALARM = 'trust-notes:scan';

/** Chrome delays alarms to at least 30 s from now anyway; saying so keeps the schedule honest. */
const MIN_DELAY_MS = 30_000;
const MIN_PERIOD_HOURS = 1;
const MAX_PERIOD_HOURS = 24 * 7;

/** The scan period in minutes: the setting, within sane bounds (a damaged setting falls back to 6 h). */
export function scanPeriodMinutes(settings: Settings): number {
  const hours = Number.isFinite(settings.scanPeriodHours) ? settings.scanPeriodHours : 6;
  return Math.min(MAX_PERIOD_HOURS, Math.max(MIN_PERIOD_HOURS, hours)) * 60;
}

export interface ScanAlarm {
  when: Millis;
  periodInMinutes: number;
}

/** Next scan one period after the last completed one, or right away (30 s) when none has completed. */
export function scanAlarm(settings: Settings, lastScanAt: Millis | undefined, now: Millis): ScanAlarm {
  const periodInMinutes = scanPeriodMinutes(settings);
  const due = lastScanAt === undefined ? now : lastScanAt + periodInMinutes * 60_000;
  return { when: Math.max(due, now + MIN_DELAY_MS), periodInMinutes };
}

export async function scheduleScanAlarm(tdb: TrustDb, now: Millis = Date.now()): Promise<ScanAlarm> {
  const [settings, lastScanAt] = await Promise.all([getSettings(tdb), getMeta(tdb, 'lastScanAt')]);
  const alarm = scanAlarm(settings, lastScanAt, now);
  await browser.alarms.create(SCAN_ALARM, alarm);
  return alarm;
}

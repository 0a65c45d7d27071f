// When the worker syncs: on an alarm every few minutes while sync is set up, a few seconds after the pages report an
// edit, when an extension page opens, and on "Sync now". Each is a one-shot sync (sync/service.ts); what came in is
// rescanned for flags and shown on the badges.
import browser from 'webextension-polyfill';
import { db } from '../db/database.ts';
import type { SyncReport } from '../sync/engine.ts';
import { interruptedSync, runSync, syncConfigured } from '../sync/service.ts';
import { syncStore } from '../sync/store.ts';
import { markPageBadgesStale, refreshBadgeSoon } from './badge.ts';
import { inBackground, rescanPerson, scanEveryone } from './scanJobs.ts';

export const SYNC_ALARM = 'trust-notes:sync';
export const SYNC_PERIOD_MINUTES = 5;
/** Edits come in bursts (a form, an undo): one sync a few seconds after the last. */
export const AFTER_EDIT_MS = 3_000;
/** A page that opens syncs unless a sync was tried this recently. */
const PAGE_OPEN_GAP_MS = 60_000;
/** More people changed than this, and a full scan is cheaper than one rescan each. */
const RESCAN_LIMIT = 200;

let timer: ReturnType<typeof setTimeout> | undefined;

/** A sync `delay` ms from now (the last call wins), if sync is set up. */
export function syncSoon(delay = AFTER_EDIT_MS): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    inBackground(syncAndFollow(), 'sync');
  }, delay);
}

/** Syncs now and brings the flags and badges up to date with what arrived. */
export async function syncAndFollow(): Promise<SyncReport | undefined> {
  if (!(await syncConfigured())) return undefined;
  const report = await runSync();
  if (report && report.personIds.length > 0) {
    if (report.personIds.length > RESCAN_LIMIT) {
      inBackground(scanEveryone('fresh'), 'scan after a sync');
    } else {
      for (const id of report.personIds) await rescanPerson(id);
    }
    inBackground(markPageBadgesStale(), 'page badges after a sync');
    inBackground(refreshBadgeSoon(db()), 'badge after a sync');
  }
  return report;
}

/** A page opened: sync unless one was tried a moment ago. */
export async function pageOpened(): Promise<void> {
  if (!(await syncConfigured())) return;
  const { lastAttemptAt } = await syncStore().status();
  if (lastAttemptAt === undefined || Date.now() - lastAttemptAt > PAGE_OPEN_GAP_MS) syncSoon(0);
}

/** The alarm while sync is set up, none otherwise. */
export async function scheduleSyncAlarm(): Promise<void> {
  if (await syncConfigured()) {
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (!existing) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
  } else {
    await browser.alarms.clear(SYNC_ALARM);
  }
}

/** Listeners at top level; on every start, the alarm, and a sync that a stopped worker left half done carries on. */
export function registerSyncLifecycle(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) inBackground(syncAndFollow(), 'periodic sync');
  });
  const started = scheduleSyncAlarm().then(async () => {
    if (await interruptedSync()) syncSoon(0);
  });
  inBackground(started, 'sync at worker start');
}

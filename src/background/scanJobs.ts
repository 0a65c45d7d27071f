// What the worker does around a scan: which scan to run for which event, then the badge and the digest.
import browser from 'webextension-polyfill';
import { db } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { scanPeriodMinutes, scheduleScanAlarm } from './alarms.ts';
import { markPageBadgesStale, refreshBadge, refreshBadgeSoon, refreshQueueAndBadge } from './badge.ts';
import { sendDigestIfDue } from './digest.ts';
import { ensureFullScan, restartFullScan, runFullScan, scanPerson, scanUnderWay } from './scan.ts';

/**
 * Chrome stops a worker after ~30 s without events or extension API calls, and IndexedDB work is neither.
 * A cheap API call per page keeps a long scan (a slow machine, a huge network) going in one wake; if the
 * worker is stopped anyway, the checkpoint carries the scan over to the next wake.
 */
function keepAlive(): Promise<unknown> {
  return browser.runtime.getPlatformInfo();
}

/**
 * - `fresh`: from the first person, even if a scan is under way (install, import, settings changed).
 * - `periodic`: the alarm or browser startup; an interrupted scan is resumed unless older than a period.
 */
export type ScanMode = 'fresh' | 'periodic';

/**
 * Moves the weekly queue on and shows it on the badge first, in the transaction that (re)starts the scan's checkpoint
 * (it reads stored indexes, not the flags, so it is ready at once, e.g. right after an import), then runs the full flag scan, updates the badge with the action flags it
 * found, sends the digest if due, and sets the next periodic scan one period after this one. Returns the badge's
 * number.
 */
export async function scanEveryone(mode: ScanMode): Promise<number> {
  const tdb = db();
  // The scan's checkpoint is written in the queue's transaction, beside its reads.
  await refreshQueueAndBadge(tdb, async () => {
    if (mode === 'fresh') await restartFullScan(tdb);
    else await ensureFullScan(tdb, scanPeriodMinutes(await getSettings(tdb)) * 60_000);
  });
  await runFullScan(tdb, { afterPage: keepAlive });
  const badge = await refreshBadge(tdb);
  await sendDigestIfDue(tdb);
  await scheduleScanAlarm(tdb);
  return badge;
}

/** On every wake: a scan the worker was stopped in the middle of carries on from its checkpoint. */
export async function resumeInterruptedScan(): Promise<void> {
  if (await scanUnderWay(db())) await scanEveryone('periodic');
}

/**
 * After an edit: rescans one person; the queue refresh and the badge run after, so the caller hears back as soon
 * as the person's flags are right. Returns how many changed.
 */
export async function rescanPerson(personId: string): Promise<number> {
  const tdb = db();
  const changed = await scanPerson(tdb, personId);
  // The person's page badge need not wait for the queue and the toolbar badge.
  inBackground(markPageBadgesStale(), 'page badges after an edit');
  inBackground(refreshBadgeSoon(tdb), 'queue and badge after an edit');
  return changed;
}

/** Logs instead of leaving an unhandled rejection in a listener that can't report to anyone. */
export function inBackground(task: Promise<unknown>, what: string): void {
  task.catch((error: unknown) => console.error(`Trust Notes: ${what} failed`, error));
}

// The worker's scan lifecycle: listeners registered synchronously at top level (so that the event that
// wakes a stopped worker finds them), and what to do on each wake.
import browser from 'webextension-polyfill';
import { db } from '../db/database.ts';
import { SCAN_ALARM, scheduleScanAlarm } from './alarms.ts';
import { DIGEST_NOTIFICATION } from './digest.ts';
import { openFlagList } from './flagList.ts';
import { inBackground, resumeInterruptedScan, scanEveryone } from './scanJobs.ts';

function onNotificationClicked(id: string): void {
  if (id !== DIGEST_NOTIFICATION) return;
  inBackground(
    browser.notifications.clear(id).then(() => openFlagList()),
    'opening the flag list',
  );
}

let listeningForClicks = false;

/**
 * notifications is an optional permission: its API exists only once granted. Listen at start when it is
 * held, and as soon as it is granted while the worker runs.
 */
function listenForDigestClicks(): void {
  if (listeningForClicks || !browser.notifications) return;
  browser.notifications.onClicked.addListener(onNotificationClicked);
  listeningForClicks = true;
}

/** Registers the listeners; returns the start's work (alarm, resumed scan), which never rejects. */
export function registerScanLifecycle(): Promise<void> {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SCAN_ALARM) inBackground(scanEveryone('periodic'), 'periodic scan');
  });
  browser.runtime.onInstalled.addListener(() => inBackground(scanEveryone('fresh'), 'scan on install'));
  browser.runtime.onStartup.addListener(() => inBackground(scanEveryone('periodic'), 'scan on startup'));
  listenForDigestClicks();
  browser.permissions.onAdded.addListener(listenForDigestClicks);
  // Every start: re-create the alarm from the stored schedule, and finish a scan a stop cut short.
  const started = scheduleScanAlarm(db()).then(() => resumeInterruptedScan());
  inBackground(started, 'worker start');
  return started.catch(() => {});
}

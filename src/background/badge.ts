// The worker's side of the toolbar badge (its words and calls: ui/data/toolbarBadge.ts, shared with the options
// page): recounted after the flag scan, and after the queue moved on (a decision, a new record, a snooze that ran
// out), with every page badge asked to update.
import type { TrustDb } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { badgeCounts } from '../db/queries.ts';
import { queueBadge } from '../db/queue.ts';
import { showBadge } from '../ui/data/toolbarBadge.ts';
import { markBadgesStale } from './pageBadge.ts';
import { tabsWithProfiles } from './tabProfiles.ts';

/** Counts the queue and the action flags and shows them; returns the badge's number. Page badges ask again too. */
export async function refreshBadge(tdb: TrustDb): Promise<number> {
  const [counts, settings] = await Promise.all([badgeCounts(tdb), getSettings(tdb)]);
  const [badge] = await Promise.all([
    showBadge({ ...counts, language: settings.language }),
    markPageBadgesStale(),
  ]);
  return badge;
}

/**
 * Moves the queue on (a decision, a new record, a snooze that ran out), then shows the badge. One read-write
 * transaction moves the queue, counts the action flags and reads the settings (db/queue.ts queueBadge, and runs
 * `alongside`, e.g. the scan's checkpoint), so the badge follows its commit with no second read.
 */
export async function refreshQueueAndBadge(tdb: TrustDb, alongside?: () => Promise<void>): Promise<number> {
  const counted = await queueBadge(tdb, { alongside });
  const [badge] = await Promise.all([showBadge(counted), markPageBadgesStale()]);
  return badge;
}

/** Every tab showing a profile: its in-page badge asks for its stage and flags again. */
export async function markPageBadgesStale(): Promise<void> {
  await markBadgesStale(await tabsWithProfiles());
}

const refreshes = new WeakMap<TrustDb, { running: Promise<number>; next?: Promise<number> }>();

/**
 * refreshQueueAndBadge, coalesced: a burst of edits needs one refresh after the last of them, not one each. A call
 * while one runs gets the next, which starts when the running one ends and so sees every change made before the
 * call.
 */
export function refreshBadgeSoon(tdb: TrustDb): Promise<number> {
  const state = refreshes.get(tdb);
  if (!state) {
    const running = refreshQueueAndBadge(tdb).finally(() => refreshes.delete(tdb));
    refreshes.set(tdb, { running });
    return running;
  }
  state.next ??= state.running.then(
    () => refreshBadgeSoon(tdb),
    () => refreshBadgeSoon(tdb),
  );
  return state.next;
}

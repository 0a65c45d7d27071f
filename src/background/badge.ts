// The toolbar badge: this week's queue plus the open flags that need action now (payment overdue, follow-up due),
// hidden at 0, with a localized title. Never the dormant population: a queue holds 20 people at most.
import browser from 'webextension-polyfill';
import type { TrustDb } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { actionFlagCount, type BadgeCounts, badgeCounts } from '../db/queries.ts';
import { refreshQueueEntries } from '../db/queue.ts';
import { markBadgesStale } from './pageBadge.ts';
import { tabsWithProfiles } from './tabProfiles.ts';
import { plural, type Text, textFor } from './text.ts';

/** The caution colour of ui/components/theme.css: the badge asks for attention, it is not an error. */
const BADGE_COLOR = '#9a3412';

/** Badges fit about four characters: thousands are shortened ("12k+"); an empty text hides the badge. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  if (count < 1000) return String(count);
  return `${Math.floor(count / 1000)}k+`;
}

export function badgeTitle(text: Text, counts: BadgeCounts): string {
  const parts: string[] = [];
  if (counts.queued > 0)
    parts.push(
      plural(text, { one: 'badge_title_queue_one', other: 'badge_title_queue_other' }, counts.queued),
    );
  if (counts.actions > 0)
    parts.push(
      plural(text, { one: 'badge_title_actions_one', other: 'badge_title_actions_other' }, counts.actions),
    );
  if (parts.length === 0) return text.t('badge_title_none');
  return text.t('badge_title', parts.join(text.t('list_separator')));
}

export async function showBadge(counts: BadgeCounts, text: Text): Promise<void> {
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }),
    browser.action.setBadgeText({ text: badgeText(counts.queued + counts.actions) }),
    browser.action.setTitle({ title: badgeTitle(text, counts) }),
  ]);
}

/** Counts the queue and the action flags and shows them; returns the badge's number. Page badges ask again too. */
export async function refreshBadge(tdb: TrustDb): Promise<number> {
  const [counts, settings] = await Promise.all([badgeCounts(tdb), getSettings(tdb)]);
  await Promise.all([showBadge(counts, await textFor(settings.language)), markPageBadgesStale()]);
  return counts.queued + counts.actions;
}

/**
 * Moves the queue on (a decision, a new record, a snooze that ran out), then shows the badge. One read-write
 * transaction moves the queue, counts the action flags and reads the settings side by side (and runs `alongside`,
 * e.g. the scan's checkpoint), so the badge follows its commit with no second read: the first queue after an
 * import is shown as soon as it is stored. The flags are not written here, so counting them beside the queue's
 * writes is exact.
 */
export async function refreshQueueAndBadge(tdb: TrustDb, alongside?: () => Promise<void>): Promise<number> {
  const [, queued, actions, settings] = await tdb.transaction(
    'rw',
    [tdb.people, tdb.sharedWork, tdb.queue, tdb.meta, tdb.flags],
    () => Promise.all([alongside?.(), refreshQueueEntries(tdb), actionFlagCount(tdb), getSettings(tdb)]),
  );
  const counts = { queued, actions };
  await Promise.all([showBadge(counts, await textFor(settings.language)), markPageBadgesStale()]);
  return queued + actions;
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

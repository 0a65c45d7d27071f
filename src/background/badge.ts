// The toolbar badge: how many flags are open, hidden at 0, with a localized title.
import browser from 'webextension-polyfill';
import type { TrustDb } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { countOpenFlags } from '../db/queries.ts';
import { markBadgesStale } from './pageBadge.ts';
import { tabsWithProfiles } from './tabProfiles.ts';
import { plural, type Text, textFor } from './text.ts';

/** The caution colour of ui/components/theme.css: flags ask for attention, they are not errors. */
const BADGE_COLOR = '#9a3412';

/** Badges fit about four characters: thousands are shortened ("12k+"); an empty text hides the badge. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  if (count < 1000) return String(count);
  return `${Math.floor(count / 1000)}k+`;
}

export function badgeTitle(text: Text, count: number): string {
  if (count <= 0) return text.t('badge_title_none');
  return plural(text, { one: 'badge_title_one', other: 'badge_title_other' }, count);
}

export async function showOpenFlags(count: number, text: Text): Promise<void> {
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }),
    browser.action.setBadgeText({ text: badgeText(count) }),
    browser.action.setTitle({ title: badgeTitle(text, count) }),
  ]);
}

/** Counts the open flags and shows them; returns the count. Profile pages' badges are told to ask again too. */
export async function refreshBadge(tdb: TrustDb): Promise<number> {
  const [count, settings] = await Promise.all([countOpenFlags(tdb), getSettings(tdb)]);
  await Promise.all([showOpenFlags(count, await textFor(settings.language)), markPageBadgesStale()]);
  return count;
}

/** Every tab showing a profile: its in-page badge asks for its stage and flags again. */
export async function markPageBadgesStale(): Promise<void> {
  await markBadgesStale(await tabsWithProfiles());
}

const refreshes = new WeakMap<TrustDb, { running: Promise<number>; next?: Promise<number> }>();

/**
 * refreshBadge, coalesced: counting tens of thousands of open flags takes a while, and a burst of edits
 * needs one recount after the last of them, not one each. A call while a count runs gets the next count,
 * which starts when the running one ends and so sees every change made before the call.
 */
export function refreshBadgeSoon(tdb: TrustDb): Promise<number> {
  const state = refreshes.get(tdb);
  if (!state) {
    const running = refreshBadge(tdb).finally(() => refreshes.delete(tdb));
    refreshes.set(tdb, { running });
    return running;
  }
  state.next ??= state.running.then(
    () => refreshBadgeSoon(tdb),
    () => refreshBadgeSoon(tdb),
  );
  return state.next;
}

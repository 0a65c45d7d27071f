// The toolbar badge: this week's queue plus the open flags that need action now (payment overdue, follow-up due),
// hidden at 0, with a localized title. Never the dormant population: a queue holds 20 people at most. One module
// for the worker (background/badge.ts) and the options page, which shows the first queue itself right after an
// import's commit (io/archiveCommit.ts): both set the badge from the same counts (db/queue.ts queueBadge) through
// the same words here, so they cannot disagree.
import browser from 'webextension-polyfill';
import type { QueueBadge } from '../../db/queue.ts';
import { plural, prepareCountWords, type Text, textFor } from '../i18n/text.ts';

export type { QueueBadge } from '../../db/queue.ts';

/** The caution colour of ui/components/theme.css: the badge asks for attention, it is not an error. */
const BADGE_COLOR = '#9a3412';

/** Badges fit about four characters: thousands are shortened ("12k+"); an empty text hides the badge. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  if (count < 1000) return String(count);
  return `${Math.floor(count / 1000)}k+`;
}

/** The badge's number: the queue and the flags that need action. */
export function badgeNumber(badge: Pick<QueueBadge, 'queued' | 'actions'>): number {
  return badge.queued + badge.actions;
}

export function badgeTitle(text: Text, counts: Pick<QueueBadge, 'queued' | 'actions'>): string {
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

/**
 * Readies the badge in this page while a long write runs, so the badge after an import's commit comes at once: the
 * first use of an API namespace in a page builds its bindings (~5–10 ms here), and the title's first count formatter
 * loads the locale data (50–70 ms on a busy machine). Made for every language the title can be in: the browser's
 * (the 'auto' setting) and each catalog's. Nothing is shown.
 */
export function prepareBadge(): void {
  prepareCountWords([browser.i18n.getUILanguage(), 'en', 'ar']);
  browser.action.getBadgeText({}).catch(() => {});
}

/**
 * The badge's colour, set once each time the worker starts (background/index.ts): the browser keeps it while the
 * extension runs, so a badge shown after an import's commit is a call fewer, and sooner.
 */
export function setBadgeColour(): Promise<void> {
  return browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
}

/** Sets the toolbar badge (text, and title in the user's language; its colour: setBadgeColour); returns its number. */
export async function showBadge(badge: QueueBadge): Promise<number> {
  // The catalog is read once per page or worker (catalog.ts), and not at all for the browser's own language.
  const text = await textFor(badge.language);
  await Promise.all([
    browser.action.setBadgeText({ text: badgeText(badgeNumber(badge)) }),
    browser.action.setTitle({ title: badgeTitle(text, badge) }),
  ]);
  return badgeNumber(badge);
}

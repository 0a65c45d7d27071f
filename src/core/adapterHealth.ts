// Adapter health: the profile pages where a field the site always shows could not be read, over the last 30 days,
// each with its last address and the fields that were missing. A field missing on many pages means the site
// changed its markup. The worker keeps the list (background/adapterHealth.ts), the options page shows it.
import type { Millis, PageField, Site } from './types.ts';

/** Where the worker keeps the list (storage.local): diagnostics, never in backups. */
export const HEALTH_KEY = 'adapterHealth';

export const HEALTH_DAYS = 30;
/** At most this many pages, the most recent kept. */
export const HEALTH_MAX = 100;
const DAY = 86_400_000;

export interface UnreadPage {
  key: string;
  site: Site;
  /** The last address it was seen at. */
  url: string;
  missing: PageField[];
  at: Millis;
}

/** The list with `page` (replacing an earlier entry for the same profile), newest first, pruned and bounded. */
export function withUnreadPage(list: readonly UnreadPage[], page: UnreadPage, now: Millis): UnreadPage[] {
  return [page, ...list.filter((entry) => entry.key !== page.key)]
    .filter((entry) => now - entry.at < HEALTH_DAYS * DAY)
    .slice(0, HEALTH_MAX);
}

/** The pages of the last 30 days, newest first; anything malformed in storage is dropped. */
export function recentUnreadPages(stored: unknown, now: Millis): UnreadPage[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter(
      (entry): entry is UnreadPage =>
        typeof entry?.key === 'string' &&
        typeof entry.url === 'string' &&
        typeof entry.at === 'number' &&
        Array.isArray(entry.missing) &&
        now - entry.at < HEALTH_DAYS * DAY,
    )
    .sort((a, b) => b.at - a.at);
}

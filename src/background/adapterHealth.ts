// The worker's side of adapter health (core/adapterHealth.ts): diagnostics, not the user's data, so kept in
// storage.local (never in backups), bounded in size and age.
import browser from 'webextension-polyfill';
import { HEALTH_KEY, recentUnreadPages, type UnreadPage, withUnreadPage } from '../core/adapterHealth.ts';
import type { Millis, ProfileSnapshot } from '../core/types.ts';

// Profile pages are reported one after another and each write reads the list first: one at a time.
let queue: Promise<unknown> = Promise.resolve();

/** Notes a page whose reading missed a field; a page read in full changes nothing. */
export function noteReading(snapshot: ProfileSnapshot, now: Millis = Date.now()): Promise<void> {
  const missing = snapshot.reading?.missing ?? [];
  if (missing.length === 0) return Promise.resolve();
  const page: UnreadPage = { key: snapshot.key, site: snapshot.site, url: snapshot.url, missing, at: now };
  const next = queue.then(async () => {
    const stored = (await browser.storage.local.get(HEALTH_KEY))[HEALTH_KEY];
    await browser.storage.local.set({
      [HEALTH_KEY]: withUnreadPage(recentUnreadPages(stored, now), page, now),
    });
  });
  queue = next.catch(() => undefined);
  return next;
}

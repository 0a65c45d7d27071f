// Which pages a content script may speak for, and whether a snapshot describes the page that sent it.
import { makeProfileKey, mastodonHandleFromUrl, profileFromUrl } from '../core/identity.ts';
import type { ProfileSnapshot } from '../core/types.ts';
import { adapterForUrl } from '../sites/index.ts';

/** A URL on a site some adapter reads: the content script only ever runs where one does. */
export function isSupportedSiteUrl(url: string): boolean {
  return url.startsWith('https://') && adapterForUrl(url) !== null;
}

/**
 * Does the snapshot name the profile at `pageUrl` (the tab's current URL)? A content script next to a
 * hostile page must not be able to file one profile's data under another profile's key.
 */
export function snapshotMatchesPage(snapshot: ProfileSnapshot, pageUrl: string): boolean {
  let key: string;
  try {
    key = makeProfileKey(snapshot.site, snapshot.handle);
  } catch {
    return false;
  }
  return key === snapshot.key && keyMatchesPage(key, pageUrl);
}

/** Is `key` the profile at `pageUrl`? Mastodon keys come from the handle in the path, on any instance. */
export function keyMatchesPage(key: string, pageUrl: string): boolean {
  if (key.startsWith('mastodon:')) {
    const handle = mastodonHandleFromUrl(pageUrl);
    return handle !== null && makeProfileKey('mastodon', handle) === key;
  }
  return profileFromUrl(pageUrl)?.key === key;
}

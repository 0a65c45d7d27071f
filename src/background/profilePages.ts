// Which pages a content script may speak for, and whether a snapshot describes the page that sent it.
import { makeProfileKey, parseProfileKey, profileOnSite } from '../core/identity.ts';
import { siteForUrl } from '../core/sites/index.ts';
import type { ProfileSnapshot } from '../core/types.ts';

/** A URL on a site some descriptor covers: the content script only ever runs where one does. */
export function isSupportedSiteUrl(url: string): boolean {
  return url.startsWith('https://') && siteForUrl(url) !== null;
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

/** Is `key` the profile at `pageUrl`? By the key's own site's URL rules (Mastodon: the path, on any instance). */
export function keyMatchesPage(key: string, pageUrl: string): boolean {
  const parsed = parseProfileKey(key);
  return parsed !== null && profileOnSite(parsed.site, pageUrl)?.key === key;
}

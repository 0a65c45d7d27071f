// Which pages a content script may speak for, and whether a snapshot describes the page that sent it.
import { makeProfileKey, parseProfileKey, profileOnSite } from '../core/identity.ts';
import { descriptorOf, type InstanceHosts, siteForUrl } from '../core/sites/index.ts';
import type { ProfileSnapshot } from '../core/types.ts';

/**
 * A URL on a site some descriptor covers, or on a granted Mastodon instance: the content script only ever runs
 * where one does.
 */
export function isSupportedSiteUrl(url: string, instances: InstanceHosts): boolean {
  return url.startsWith('https://') && siteForUrl(url, instances) !== null;
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

/**
 * Does `pageUrl` speak for the profile `key` itself: its own site, and for Mastodon the handle's own instance
 * (a page at evil.example/@alice@mastodon.social names Alice, but only mastodon.social says who she is)? Only
 * such a page may propose a new name, headline or photo, and then only for the user to accept.
 */
export function pageSpeaksFor(key: string, pageUrl: string): boolean {
  const parsed = parseProfileKey(key);
  if (!parsed || !keyMatchesPage(key, pageUrl)) return false;
  const home = descriptorOf(parsed.site).homeHost?.(parsed.handle);
  if (home === undefined) return true;
  try {
    return home !== null && new URL(pageUrl).hostname.replace(/\.$/, '') === home;
  } catch {
    return false;
  }
}

// Canonical profile keys. Every key in the database is built here, so two spellings of the same profile
// (percent-encoded or not, other case, a tracking query, a locale subdomain) always meet on one record.

import { descriptorOf, SITES } from './sites/index.ts';
import { safeDecode } from './sites/urlRules.ts';
import type { ProfileKey, Site } from './types.ts';

export { SITES } from './sites/index.ts';

export interface ProfileRef {
  site: Site;
  handle: string;
  key: ProfileKey;
}

/**
 * The handle part of a key. Lower case is locale-independent (`toLowerCase`, never `toLocaleLowerCase`), so the
 * same handle gives the same key under a Turkish or any other UI locale.
 */
export function normaliseHandle(site: Site, rawHandle: string): string {
  let handle = safeDecode(rawHandle.split(/[?#]/, 1)[0] ?? '')
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFC')
    .trim()
    .replace(/\/+$/, '')
    .trim();
  if (descriptorOf(site).atPrefixed) handle = handle.replace(/^@/, '');
  return handle;
}

export function makeProfileKey(site: Site, rawHandle: string): ProfileKey {
  const handle = normaliseHandle(site, rawHandle);
  if (!handle) throw new RangeError(`Empty ${site} handle`);
  return `${site}:${handle}`;
}

export function parseProfileKey(key: string): { site: Site; handle: string } | null {
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const site = key.slice(0, colon) as Site;
  const handle = key.slice(colon + 1);
  if (!SITES.includes(site) || !handle || normaliseHandle(site, handle) !== handle) return null;
  return { site, handle };
}

/** The canonical page of a profile, for links back to it. */
export function profileUrl(key: ProfileKey): string | null {
  const parsed = parseProfileKey(key);
  return parsed && descriptorOf(parsed.site).profileUrl(parsed.handle);
}

/** Accepts absolute http(s) URLs, and scheme-less ones such as `linkedin.com/in/jane` (as typed or imported). */
function toHttpUrl(input: string | URL): URL | null {
  if (typeof input !== 'string') return /^https?:$/.test(input.protocol) ? input : null;
  const text = input.trim();
  const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(text) && !/^[^/:]+:\d/.test(text);
  try {
    const url = new URL(hasScheme ? text : `https://${text.replace(/^\/+/, '')}`);
    return /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/**
 * The profile `input` names if it is one of `site`'s profile addresses. For Mastodon only the path is read:
 * whether the page is a Mastodon instance at all is for the page to say.
 */
export function profileOnSite(site: Site, input: string | URL): ProfileRef | null {
  const url = toHttpUrl(input);
  const raw = url && descriptorOf(site).handleFromUrl(url);
  const handle = raw && normaliseHandle(site, raw);
  return handle ? { site, handle, key: `${site}:${handle}` } : null;
}

/**
 * LinkedIn's own spelling of a profile address, as every row of an export writes it: nothing in it that parsing,
 * decoding or normalising would change but the case of the slug.
 */
const PLAIN_LINKEDIN = /^https?:\/\/(?:www\.)?linkedin\.com\/in\/([A-Za-z0-9_-]+)\/?$/;

/** The profile a URL points at, for sites whose URL alone identifies the person (all but Mastodon). */
export function profileFromUrl(input: string | URL): ProfileRef | null {
  // An export names tens of thousands of profiles in this one form: read without building a URL (most of the time
  // an archive's messages and connections took to read profiles). The same answer as the general path below.
  const plain = typeof input === 'string' ? PLAIN_LINKEDIN.exec(input) : null;
  if (plain) {
    const handle = plain[1]!.toLowerCase();
    return { site: 'linkedin', handle, key: `linkedin:${handle}` };
  }
  const url = toHttpUrl(input);
  if (!url) return null;
  for (const site of SITES) {
    if (!descriptorOf(site).urlIdentifies) continue;
    const found = profileOnSite(site, url);
    if (found) return found;
  }
  return null;
}

// Sites on servers the user names (Mastodon instances), and what the granted host permissions enable, read by
// exact pattern. A browser grants hosts, not paths, so one broad grant (`https://*\/*`, which Firefox lets the
// user switch on in about:addons) must enable nothing by itself: each site is on only when its own patterns are
// granted as written, and each instance only as its own `https://<host>/*`.
import type { Site } from '../types.ts';
import { descriptorOf, SITES, siteForUrl } from './index.ts';

/** The host permission one instance is asked for, granted and scripted as. */
export const instanceOrigin = (host: string): string => `https://${host}/*`;

const LABEL = /^(?!-)[a-z\d-]{1,63}(?<!-)$/;
const MAX_HOST = 253;

/** Why a typed instance address was refused: not a host name at all, or a site with a switch of its own. */
export type InstanceRefusal = 'invalid' | 'namedSite';

/**
 * The host of a Mastodon instance as the user typed it (`mastodon.social`, `https://Fosstodon.org/@jane`),
 * lower-cased and in its ASCII (punycode) form; or why it can't be one. A host name with a dot and a top-level
 * label that is not a number: no IP address, port, user name or wildcard, and no host that belongs to a site
 * with its own switch (LinkedIn, GitHub, …).
 */
export function parseInstanceHost(input: string): { host: string } | { refused: InstanceRefusal } {
  const text = input.trim();
  if (!text || text.length > 2048 || /[\s*]/.test(text)) return { refused: 'invalid' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { refused: 'invalid' };
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.port)
    return { refused: 'invalid' };
  const host = url.hostname.replace(/\.$/, '');
  const labels = host.split('.');
  if (
    host.length > MAX_HOST ||
    labels.length < 2 ||
    !labels.every((label) => LABEL.test(label)) ||
    /^\d+$/.test(labels.at(-1) ?? '')
  ) {
    return { refused: 'invalid' };
  }
  // A named site's host, or its www. form (which its URL rules accept too).
  const bare = host.replace(/^www\./, '');
  if (siteForUrl(`https://${host}/`) !== null || siteForUrl(`https://${bare}/`) !== null) {
    return { refused: 'namedSite' };
  }
  return { host };
}

/** What the granted host permissions enable. */
export interface SiteGrants {
  /** Sites with patterns of their own whose every pattern is granted exactly (LinkedIn included). */
  sites: Site[];
  /** Instances granted as `https://<host>/*`, sorted. */
  instances: string[];
}

/**
 * What `origins` (permissions.getAll().origins) enable, by exact pattern. `permissions.contains` would not do:
 * it answers whether a broader grant covers the pattern, so granting one site that asked for every host turned
 * every other site on. `notInstances` are grants of the same shape made for something else (sync's server,
 * sync/serverGrant.ts): never an instance.
 */
export function grantsFrom(origins: readonly string[], notInstances: readonly string[] = []): SiteGrants {
  const granted = new Set(origins);
  for (const origin of notInstances) granted.delete(origin);
  const sites = SITES.filter((site) => {
    const { matches } = descriptorOf(site);
    return matches.length > 0 && matches.every((pattern) => granted.has(pattern));
  });
  const instances = new Set<string>();
  for (const origin of granted) {
    const host = /^https:\/\/([^/]+)\/\*$/.exec(origin)?.[1];
    const parsed = host ? parseInstanceHost(host) : null;
    if (parsed && 'host' in parsed && parsed.host === host) instances.add(host);
  }
  return { sites, instances: [...instances].sort() };
}

// The registry of page readers, one per site (./<site>.ts), joined with the site descriptors of core/sites/:
// which adapter owns a URL, and whether the page is a profile.

import { SITES, siteForUrl } from '../core/sites/index.ts';
import type { Site } from '../core/types.ts';
import { type SiteAdapter, type SiteReader, siteAdapter } from './adapter.ts';
import { behance } from './behance.ts';
import { dribbble } from './dribbble.ts';
import { github } from './github.ts';
import { gitlab } from './gitlab.ts';
import { linkedin } from './linkedin.ts';
import { mastodon } from './mastodon.ts';
import { stackoverflow } from './stackoverflow.ts';
import { x } from './x.ts';

export type { SiteAdapter } from './adapter.ts';

const READERS = {
  linkedin,
  github,
  x,
  gitlab,
  stackoverflow,
  behance,
  dribbble,
  mastodon,
} satisfies Record<Site, SiteReader>;

/** In the registry's order (core/sites/index.ts): Mastodon, on the hosts the user names, last. */
export const ADAPTERS: readonly SiteAdapter[] = SITES.map((site) => siteAdapter(site, READERS[site]));

const bySite = new Map(ADAPTERS.map((adapter) => [adapter.site, adapter]));

/**
 * The adapter for a page the content script runs on. It runs on LinkedIn and on the hosts the worker registered
 * it for, so a host no named site claims is one of the user's Mastodon instances (whose page must still say so).
 */
export function adapterForUrl(input: string | URL): SiteAdapter | null {
  const site = siteForUrl(input, 'anyHost');
  return site ? (bySite.get(site) ?? null) : null;
}

export function detectProfile(url: URL, doc: Document): { adapter: SiteAdapter; handle: string } | null {
  const adapter = adapterForUrl(url);
  const found = adapter?.detect(url, doc);
  return adapter && found ? { adapter, handle: found.handle } : null;
}

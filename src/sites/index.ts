// The registry of site adapters: which adapter owns a URL, and whether the page is a profile.

import type { Site } from '../core/types.ts';
import type { SiteAdapter } from './adapter.ts';
import { behance } from './behance.ts';
import { dribbble } from './dribbble.ts';
import { github } from './github.ts';
import { gitlab } from './gitlab.ts';
import { linkedin } from './linkedin.ts';
import { mastodon } from './mastodon.ts';
import { matchesPattern } from './match-pattern.ts';
import { stackoverflow } from './stackoverflow.ts';
import { x } from './x.ts';

export type { SiteAdapter } from './adapter.ts';

/** Mastodon last: its pattern matches `/@…` on any host, so every named site must claim its URLs first. */
export const ADAPTERS: readonly SiteAdapter[] = [
  linkedin,
  github,
  x,
  gitlab,
  stackoverflow,
  behance,
  dribbble,
  mastodon,
];

export function adapterForUrl(input: string | URL): SiteAdapter | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  return ADAPTERS.find((adapter) => adapter.matches.some((pattern) => matchesPattern(pattern, url))) ?? null;
}

export function detectProfile(url: URL, doc: Document): { adapter: SiteAdapter; handle: string } | null {
  const adapter = adapterForUrl(url);
  const found = adapter?.detect(url, doc);
  return adapter && found ? { adapter, handle: found.handle } : null;
}

/** The sites the user may enable beyond LinkedIn, each with the host patterns to request and register. */
export function optionalSites(): Array<{ site: Site; matches: string[] }> {
  return ADAPTERS.filter((adapter) => adapter.site !== 'linkedin').map(({ site, matches }) => ({
    site,
    matches: [...matches],
  }));
}

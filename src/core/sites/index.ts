// The registry of sites: one pure descriptor per site (./<site>.ts), and what follows from them: the list of
// sites, which site a URL belongs to, the permissions to ask for. The compiler requires a descriptor for every
// member of `Site`, and src/sites/index.ts a page reader for each.

import type { Site } from '../types.ts';
import { behance } from './behance.ts';
import type { SiteDescriptor } from './descriptor.ts';
import { dribbble } from './dribbble.ts';
import { github } from './github.ts';
import { gitlab } from './gitlab.ts';
import { linkedin } from './linkedin.ts';
import { mastodon } from './mastodon.ts';
import { matchesPattern } from './matchPattern.ts';
import { stackoverflow } from './stackoverflow.ts';
import { x } from './x.ts';

export type { SiteDescriptor } from './descriptor.ts';

/**
 * In the order a URL is offered to them. Mastodon last: its pattern matches `/@…` on any host, so every named
 * site must claim its URLs first.
 */
export const SITE_DESCRIPTORS = {
  linkedin,
  github,
  x,
  gitlab,
  stackoverflow,
  behance,
  dribbble,
  mastodon,
} as const satisfies Record<Site, SiteDescriptor>;

export const SITES = Object.keys(SITE_DESCRIPTORS) as readonly Site[];

export const descriptorOf = (site: Site): SiteDescriptor => SITE_DESCRIPTORS[site];

/** The site whose match patterns cover `input` (first in registry order), or null. */
export function siteForUrl(input: string | URL): Site | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  return (
    SITES.find((site) => descriptorOf(site).matches.some((pattern) => matchesPattern(pattern, url))) ?? null
  );
}

/** The sites the user may enable beyond those granted at install, each with the host patterns to ask for. */
export function optionalSites(): Array<{ site: Site; matches: string[] }> {
  return SITES.filter((site) => !descriptorOf(site).grantedAtInstall).map((site) => ({
    site,
    matches: [...descriptorOf(site).matches],
  }));
}

/** The host patterns granted at install: the manifest's host permission and its content script's matches. */
export function installedMatches(): string[] {
  return SITES.filter((site) => descriptorOf(site).grantedAtInstall).flatMap((site) => [
    ...descriptorOf(site).matches,
  ]);
}

/**
 * The origins whose pages may embed the panel frame (web_accessible_resources.matches): Chrome takes origins
 * only there, so each pattern's path becomes `/*` (Mastodon's `https://*\/@*` widens to `https://*\/*`, still
 * reachable only through the session's dynamic URL).
 */
export function frameOrigins(): string[] {
  const origins = SITES.flatMap((site) =>
    descriptorOf(site).matches.map((pattern) => pattern.replace(/^(https?:\/\/[^/]+)\/.*$/, '$1/*')),
  );
  return [...new Set(origins)];
}

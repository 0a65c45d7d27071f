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
 * In the order a URL is offered to them. Mastodon last: it lives on hosts the user names, and a host that a named
 * site claims is never an instance.
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

/**
 * The hosts a site on instances (Mastodon) is on: the instances granted now (the worker's view), or `anyHost` in
 * the content script, which runs on no host but LinkedIn's and those the worker registered it for.
 */
export type InstanceHosts = ReadonlySet<string> | 'anyHost';

const NO_INSTANCES: InstanceHosts = new Set();

/** The site on instances (Mastodon). */
export const INSTANCE_SITE: Site | null = SITES.find((site) => descriptorOf(site).onInstances) ?? null;

/**
 * The site whose match patterns cover `input` (first in registry order), else Mastodon when the URL is https on
 * one of `instances`; or null.
 */
export function siteForUrl(input: string | URL, instances: InstanceHosts = NO_INSTANCES): Site | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  const named = SITES.find((site) =>
    descriptorOf(site).matches.some((pattern) => matchesPattern(pattern, url)),
  );
  if (named) return named;
  const host = url.hostname.replace(/\.$/, '');
  const onInstance = url.protocol === 'https:' && (instances === 'anyHost' || instances.has(host));
  return onInstance ? INSTANCE_SITE : null;
}

/**
 * The sites with patterns of their own that the user may enable beyond those granted at install, each with the
 * host patterns to ask for. Mastodon is not one: its instances are asked for one by one.
 */
export function optionalSites(): Array<{ site: Site; matches: string[] }> {
  return SITES.filter(
    (site) => !descriptorOf(site).grantedAtInstall && descriptorOf(site).matches.length > 0,
  ).map((site) => ({ site, matches: [...descriptorOf(site).matches] }));
}

/**
 * What an instance is asked for under: every https host, since the user names it at run time (a request must be
 * covered by a declared optional permission). Granted as a whole, it enables nothing (instances.ts).
 */
export const ANY_INSTANCE = 'https://*/*';

/** The manifest's optional host permissions: each optional site's patterns, and any instance. */
export function optionalMatches(): string[] {
  const instances = INSTANCE_SITE ? [ANY_INSTANCE] : [];
  return [...optionalSites().flatMap(({ matches }) => matches), ...instances];
}

/** The host patterns granted at install: the manifest's host permission and its content script's matches. */
export function installedMatches(): string[] {
  return SITES.filter((site) => descriptorOf(site).grantedAtInstall).flatMap((site) => [
    ...descriptorOf(site).matches,
  ]);
}

/**
 * The origins whose pages may embed the panel frame (web_accessible_resources.matches): Chrome takes origins
 * only there, so each pattern's path becomes `/*`. The list is static in the manifest in both browsers, and the
 * instances are the user's to name at run time, so a site on instances adds every https origin. What keeps a
 * page from using the frame then: Chrome serves it only at the session's dynamic URL; Firefox ignores that (the
 * install's random UUID is the only secret), and in both the worker gives a frame its tab's profile only with the
 * nonce our content script registered (docs/security.md).
 */
export function frameOrigins(): string[] {
  const origins = SITES.flatMap((site) =>
    descriptorOf(site).matches.map((pattern) => pattern.replace(/^(https?:\/\/[^/]+)\/.*$/, '$1/*')),
  );
  if (INSTANCE_SITE) origins.push(ANY_INSTANCE);
  return [...new Set(origins)];
}

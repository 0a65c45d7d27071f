// Each site's descriptor carries its own test URLs; these tables run every one of them through the rules that
// everything else derives from: profileOnSite, profileFromUrl, the registry's URL ownership.
import { describe, expect, test } from 'vitest';
import {
  makeProfileKey,
  parseProfileKey,
  profileFromUrl,
  profileOnSite,
  profileUrl,
} from '../../../../src/core/identity.ts';
import {
  descriptorOf,
  frameOrigins,
  installedMatches,
  optionalSites,
  SITES,
  siteForUrl,
} from '../../../../src/core/sites/index.ts';
import { matchesPattern } from '../../../../src/core/sites/matchPattern.ts';
import type { Site } from '../../../../src/core/types.ts';

const bySite = SITES.map((site) => [site, descriptorOf(site)] as const);

test('the registry lists every site once, Mastodon (on the instances the user names) last', () => {
  expect(new Set(SITES).size).toBe(SITES.length);
  expect(SITES.at(-1)).toBe('mastodon');
  expect(SITES.filter((site) => descriptorOf(site).onInstances)).toEqual(['mastodon']);
});

describe.each(bySite)('%s', (site, descriptor) => {
  test('carries enough test URLs', () => {
    expect(descriptor.testUrls.profile.length).toBeGreaterThanOrEqual(5);
    expect(descriptor.testUrls.notProfile.length).toBeGreaterThanOrEqual(5);
  });

  test.each(descriptor.testUrls.profile)('%s names %s', (url, handle) => {
    expect(profileOnSite(site, url)).toEqual({ site, handle, key: `${site}:${handle}` });
    // Only sites whose URL alone names a person answer profileFromUrl; Mastodon needs its page.
    expect(profileFromUrl(url)).toEqual(
      descriptor.urlIdentifies ? { site, handle, key: `${site}:${handle}` } : null,
    );
  });

  test.each(descriptor.testUrls.notProfile)('%s names no profile', (url) => {
    expect(profileOnSite(site, url)).toBeNull();
  });

  test.each(descriptor.testUrls.profile)('%s belongs to this site where its patterns match', (url) => {
    const covered = descriptor.matches.some((pattern) => matchesPattern(pattern, new URL(url)));
    if (covered) expect(siteForUrl(url)).toBe(site);
  });

  test('its match patterns (or, on instances, its instance) cover its canonical profile URL', () => {
    const [canonical] = descriptor.testUrls.profile[0] ?? [''];
    const instances = new Set(descriptor.onInstances ? [new URL(canonical).hostname] : []);
    expect(siteForUrl(canonical, instances)).toBe(site);
    // Patterns name one host, or one domain's subdomains: never every host.
    for (const pattern of descriptor.matches)
      expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/.*$/);
    expect(descriptor.matches.length > 0).toBe(!descriptor.onInstances);
  });

  test('every key round-trips, and its canonical page names it again', () => {
    for (const [, handle] of descriptor.testUrls.profile) {
      const key = makeProfileKey(site, handle);
      expect(parseProfileKey(key)).toEqual({ site, handle });
      expect(profileOnSite(site, profileUrl(key) ?? '')?.key).toBe(key);
    }
  });
});

describe('what the manifest and the worker derive', () => {
  test('LinkedIn is granted at install; every other named site is optional, with its own patterns (a copy)', () => {
    expect(installedMatches()).toEqual(['https://*.linkedin.com/*']);
    const optional = optionalSites();
    expect(optional.map((s) => s.site)).toEqual(
      SITES.filter((s: Site) => s !== 'linkedin' && s !== 'mastodon'),
    );
    expect(optional.find((s) => s.site === 'github')?.matches).toEqual(['https://github.com/*']);
    optional[0]?.matches.push('https://evil.example/*');
    expect(optionalSites()[0]?.matches).not.toContain('https://evil.example/*');
  });

  test('the panel may be embedded by every site’s origin, and, for instances named at run time, every https page', () => {
    expect(frameOrigins()).toEqual([
      'https://*.linkedin.com/*',
      'https://github.com/*',
      'https://x.com/*',
      'https://twitter.com/*',
      'https://gitlab.com/*',
      'https://stackoverflow.com/*',
      'https://*.behance.net/*',
      'https://dribbble.com/*',
      'https://*/*',
    ]);
  });
});

describe('siteForUrl', () => {
  test.each([
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://fr.linkedin.com/in/jean', 'linkedin'],
    ['https://github.com/octocat/hello-world', 'github'],
    ['https://twitter.com/home', 'x'],
    ['https://gitlab.com/explore', 'gitlab'],
    ['https://stackoverflow.com/questions', 'stackoverflow'],
    ['https://www.behance.net/gallery/1/x', 'behance'],
    ['https://dribbble.com/shots', 'dribbble'],
  ])('%s belongs to %s', (url, site) => {
    expect(siteForUrl(url)).toBe(site);
  });

  const instances = new Set(['mastodon.social', 'fosstodon.org']);
  test.each([
    ['https://mastodon.social/@jane', instances, 'mastodon'],
    ['https://fosstodon.org/@jane@mastodon.social', instances, 'mastodon'],
    ['https://mastodon.social/home', instances, 'mastodon'],
    ['https://mastodon.social./@jane', instances, 'mastodon'],
    ['https://medium.com/@jane', instances, null],
    ['https://evil.example/@jane@mastodon.social', instances, null],
    ['http://mastodon.social/@jane', instances, null],
    ['https://mastodon.social/@jane', new Set<string>(), null],
    // The content script runs only where the worker registered it: any host no named site claims.
    ['https://medium.com/@jane', 'anyHost', 'mastodon'],
    ['https://github.com/@jane', 'anyHost', 'github'],
  ] as const)('%s with instances %o belongs to %s', (url, hosts, site) => {
    expect(siteForUrl(url, hosts)).toBe(site);
  });

  test.each([
    'https://example.com/',
    'https://mastodon.social/home',
    'https://medium.com/@jane',
    'http://www.linkedin.com/in/jane',
    'chrome-extension://abc/panel.html',
    'not a url',
  ])('%s belongs to no site', (url) => {
    expect(siteForUrl(url)).toBeNull();
  });
});

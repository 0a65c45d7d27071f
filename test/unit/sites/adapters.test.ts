import { describe, expect, test } from 'vitest';
import { SITES } from '../../../src/core/identity.ts';
import {
  ADAPTERS,
  adapterForUrl,
  detectProfile,
  optionalSites,
  type SiteAdapter,
} from '../../../src/sites/index.ts';
import { matchesPattern } from '../../../src/sites/match-pattern.ts';
import { mastodonShell, parseHtml } from './helpers.ts';

// URL-identified sites must decide from the URL alone, so they get a blank page; Mastodon needs its page markers.
const pageFor = (adapter: SiteAdapter): Document =>
  adapter.site === 'mastodon' ? mastodonShell() : parseHtml('<p>blank</p>');

const byAdapter = ADAPTERS.map((adapter) => [adapter.site, adapter] as const);

test('there is exactly one adapter per site', () => {
  expect(ADAPTERS.map((a) => a.site).sort()).toEqual([...SITES].sort());
});

describe.each(byAdapter)('%s adapter', (_site, adapter) => {
  test('carries enough test URLs', () => {
    expect(adapter.testUrls.profile.length).toBeGreaterThanOrEqual(5);
    expect(adapter.testUrls.notProfile.length).toBeGreaterThanOrEqual(5);
  });

  test.each(adapter.testUrls.profile)('detects %s as %s', (url, handle) => {
    expect(adapter.detect(new URL(url), pageFor(adapter))).toEqual({ handle });
  });

  test.each(adapter.testUrls.notProfile)('does not detect %s', (url) => {
    expect(adapter.detect(new URL(url), pageFor(adapter))).toBeNull();
  });

  test.each(adapter.testUrls.profile)(
    'the registry gives %s to this adapter where its patterns match',
    (url, handle) => {
      const parsed = new URL(url);
      const covered = adapter.matches.some((pattern) => matchesPattern(pattern, parsed));
      const found = detectProfile(parsed, pageFor(adapter));
      if (covered) expect(found).toEqual({ adapter, handle });
      else expect(found).toBeNull();
    },
  );

  test('its match patterns cover its canonical profile URL', () => {
    const [canonical] = adapter.testUrls.profile[0] ?? [''];
    expect(adapterForUrl(canonical)).toBe(adapter);
  });

  test('its match patterns are valid WebExtension patterns over https only', () => {
    for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/(\*|(\*\.)?[a-z0-9.-]+)\/.*$/);
  });

  test('its ready selector is valid CSS', () => {
    expect(() => document.querySelector(adapter.readySelector)).not.toThrow();
  });
});

describe('adapterForUrl', () => {
  test.each([
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://fr.linkedin.com/in/jean', 'linkedin'],
    ['https://github.com/octocat/hello-world', 'github'],
    ['https://twitter.com/home', 'x'],
    ['https://gitlab.com/explore', 'gitlab'],
    ['https://stackoverflow.com/questions', 'stackoverflow'],
    ['https://www.behance.net/gallery/1/x', 'behance'],
    ['https://dribbble.com/shots', 'dribbble'],
    ['https://mastodon.social/@jane', 'mastodon'],
    ['https://medium.com/@jane', 'mastodon'],
  ])('%s belongs to %s', (url, site) => {
    expect(adapterForUrl(url)?.site).toBe(site);
  });

  test.each([
    'https://example.com/',
    'https://mastodon.social/home',
    'http://www.linkedin.com/in/jane',
    'chrome-extension://abc/panel.html',
    'not a url',
  ])('%s belongs to no adapter', (url) => {
    expect(adapterForUrl(url)).toBeNull();
  });
});

describe('detectProfile', () => {
  test('a /@user page without Mastodon markers (Medium) is not a profile', () => {
    const medium = parseHtml(
      '<head><meta property="profile:username" content="jane"></head><body><div id="root"><h1>Jane</h1></div></body>',
    );
    expect(detectProfile(new URL('https://medium.com/@jane'), medium)).toBeNull();
  });

  test.each([
    ['<body class="app-body"></body>'],
    ['<div id="mastodon"></div>'],
    ['<head><link rel="alternate" type="application/activity+json" href="/users/jane"></head>'],
    ['<head><meta property="profile:username" content="jane@example.social"></head>'],
  ])('Mastodon is recognised by %s', (html) => {
    expect(detectProfile(new URL('https://example.social/@jane'), parseHtml(html))?.handle).toBe(
      'jane@example.social',
    );
  });
});

test('optionalSites lists every site but LinkedIn, with its match patterns', () => {
  const optional = optionalSites();
  expect(optional.map((s) => s.site).sort()).toEqual(SITES.filter((s) => s !== 'linkedin').sort());
  expect(optional.find((s) => s.site === 'github')?.matches).toEqual(['https://github.com/*']);
  // A copy: the options page cannot change an adapter's patterns.
  optional[0]?.matches.push('https://evil.example/*');
  expect(optionalSites()[0]?.matches).not.toContain('https://evil.example/*');
});

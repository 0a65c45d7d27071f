import { describe, expect, test } from 'vitest';
import { SITES } from '../../../src/core/sites/index.ts';
import { ADAPTERS, adapterForUrl, detectProfile, type SiteAdapter } from '../../../src/sites/index.ts';
import { mastodonShell, parseHtml } from './helpers.ts';

// URL-identified sites must decide from the URL alone, so they get a blank page; Mastodon needs its page markers.
const pageFor = (adapter: SiteAdapter): Document =>
  adapter.descriptor.urlIdentifies ? parseHtml('<p>blank</p>') : mastodonShell();

const byAdapter = ADAPTERS.map((adapter) => [adapter.site, adapter] as const);

test('there is exactly one adapter per site, in the registry’s order', () => {
  expect(ADAPTERS.map((a) => a.site)).toEqual([...SITES]);
});

describe.each(byAdapter)('%s adapter', (_site, adapter) => {
  test.each(adapter.descriptor.testUrls.profile)('detects %s as %s', (url, handle) => {
    expect(adapter.detect(new URL(url), pageFor(adapter))).toEqual({ handle });
    expect(detectProfile(new URL(url), pageFor(adapter))).toEqual(
      adapterForUrl(url) === adapter ? { adapter, handle } : null,
    );
  });

  test.each(adapter.descriptor.testUrls.notProfile)('does not detect %s', (url) => {
    expect(adapter.detect(new URL(url), pageFor(adapter))).toBeNull();
  });

  test('its strategies have ids, unique within a field, and it expects a name', () => {
    expect(adapter.reader.expected).toContain('name');
    for (const list of Object.values(adapter.reader.fields)) {
      const ids = list.map((strategy) => strategy.id);
      expect(ids.every((id) => /^[a-zA-Z]{2,32}$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(adapter.reader.fields.name.length).toBeGreaterThanOrEqual(2);
  });
});

test.each(byAdapter.filter(([, adapter]) => !adapter.descriptor.urlIdentifies))(
  '%s, whose URL alone is not enough, asks the page',
  (_site, adapter) => {
    expect(ADAPTERS.filter((a) => !a.descriptor.urlIdentifies)).not.toEqual([]);
    for (const [url] of adapter.descriptor.testUrls.profile) {
      expect(adapter.detect(new URL(url), parseHtml('<p>blank</p>'))).toBeNull();
    }
  },
);

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

  test.each(['not a url', 'http://www.linkedin.com/in/jane', 'http://example.social/@jane'])(
    '%s has no adapter',
    (url) => {
      expect(adapterForUrl(url)).toBeNull();
    },
  );

  test('a host no named site claims is Mastodon’s (the script runs there only on an instance the user added), and its page must say so', () => {
    expect(adapterForUrl('https://example.com/@jane')?.site).toBe('mastodon');
    expect(detectProfile(new URL('https://example.com/@jane'), parseHtml('<h1>Jane</h1>'))).toBeNull();
  });
});

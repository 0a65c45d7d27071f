import { describe, expect, test } from 'vitest';
import {
  makeProfileKey,
  normaliseHandle,
  parseProfileKey,
  profileFromUrl,
  profileOnSite,
  profileUrl,
} from '../../../src/core/identity.ts';
import type { Site } from '../../../src/core/types.ts';

const ARABIC_SLUG = 'فادي-الحسن-4b5c6d';
const ARABIC_SLUG_ENCODED = '%D9%81%D8%A7%D8%AF%D9%8A-%D8%A7%D9%84%D8%AD%D8%B3%D9%86-4b5c6d';

describe('makeProfileKey', () => {
  test.each<[Site, string, string]>([
    ['linkedin', 'jane-doe-1a2b3c', 'linkedin:jane-doe-1a2b3c'],
    ['linkedin', 'Jane-Doe-1A2B3C', 'linkedin:jane-doe-1a2b3c'],
    ['linkedin', '  jane-doe-1a2b3c/ ', 'linkedin:jane-doe-1a2b3c'],
    ['linkedin', 'jane-doe-1a2b3c//', 'linkedin:jane-doe-1a2b3c'],
    ['linkedin', 'jane-doe-1a2b3c?trk=public_profile', 'linkedin:jane-doe-1a2b3c'],
    ['linkedin', 'jane-doe-1a2b3c/#experience', 'linkedin:jane-doe-1a2b3c'],
    ['linkedin', ARABIC_SLUG_ENCODED, `linkedin:${ARABIC_SLUG}`],
    ['linkedin', ARABIC_SLUG, `linkedin:${ARABIC_SLUG}`],
    ['linkedin', ARABIC_SLUG_ENCODED.toLowerCase(), `linkedin:${ARABIC_SLUG}`],
    // NFD (e + combining acute) and NFC (é) are the same handle.
    ['linkedin', 'jose\u0301-garci\u0301a', 'linkedin:josé-garcía'],
    ['linkedin', 'JOS%C3%89', 'linkedin:josé'],
    // Malformed escapes don't throw; valid escapes beside them still decode.
    ['linkedin', 'jane%ZZdoe', 'linkedin:jane%zzdoe'],
    ['linkedin', 'bad%E0%A4-and-%C3%A9', 'linkedin:bad%e0%a4-and-é'],
    ['linkedin', '100%', 'linkedin:100%'],
    ['github', 'OctoCat', 'github:octocat'],
    ['x', '@JaneDoe', 'x:janedoe'],
    ['mastodon', '@Jane@Mastodon.Social', 'mastodon:jane@mastodon.social'],
    ['stackoverflow', '1234567', 'stackoverflow:1234567'],
  ])('%s %j -> %s', (site, raw, key) => {
    expect(makeProfileKey(site, raw)).toBe(key);
  });

  test('lower-casing does not depend on the locale (Turkish dotted capital I)', () => {
    // toLocaleLowerCase('tr') would give "i"; the locale-independent mapping keeps the dot as U+0307.
    expect(makeProfileKey('github', 'İ')).toBe('github:i\u0307');
    expect(makeProfileKey('linkedin', 'IRMAK')).toBe('linkedin:irmak');
  });

  test.each(['', '   ', '/', '?trk=x', '#top'])('empty handle %j is refused', (raw) => {
    expect(() => makeProfileKey('linkedin', raw)).toThrow(RangeError);
  });

  test('only X and Mastodon drop a leading @', () => {
    expect(normaliseHandle('linkedin', '@jane')).toBe('@jane');
    expect(normaliseHandle('x', '@jane')).toBe('jane');
  });
});

describe('parseProfileKey', () => {
  test.each([
    ['linkedin:jane-doe-1a2b3c', { site: 'linkedin', handle: 'jane-doe-1a2b3c' }],
    [`linkedin:${ARABIC_SLUG}`, { site: 'linkedin', handle: ARABIC_SLUG }],
    ['mastodon:jane@mastodon.social', { site: 'mastodon', handle: 'jane@mastodon.social' }],
    ['stackoverflow:22656', { site: 'stackoverflow', handle: '22656' }],
  ])('%s', (key, parsed) => {
    expect(parseProfileKey(key)).toEqual(parsed);
  });

  test.each([
    '',
    'linkedin',
    'linkedin:',
    'myspace:tom',
    'LinkedIn:jane',
    // Not canonical: a key is only ever built by makeProfileKey.
    'linkedin:Jane',
    'linkedin:jane/',
    `linkedin:${ARABIC_SLUG_ENCODED}`,
  ])('%j is not a key', (key) => {
    expect(parseProfileKey(key)).toBeNull();
  });
});

describe('profileFromUrl', () => {
  test('the encoded and the decoded Arabic slug give the same key', () => {
    const encoded = profileFromUrl(`https://www.linkedin.com/in/${ARABIC_SLUG_ENCODED}/`);
    const decoded = profileFromUrl(`https://www.linkedin.com/in/${ARABIC_SLUG}/`);
    expect(encoded?.key).toBe(`linkedin:${ARABIC_SLUG}`);
    expect(decoded?.key).toBe(encoded?.key);
  });

  test.each([
    ['linkedin.com/in/jane-doe-1a2b3c', 'linkedin:jane-doe-1a2b3c'],
    ['www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin:jane-doe-1a2b3c'],
    ['  https://www.linkedin.com/in/jane-doe-1a2b3c  ', 'linkedin:jane-doe-1a2b3c'],
    ['HTTPS://WWW.LINKEDIN.COM/in/Jane-Doe-1a2b3c', 'linkedin:jane-doe-1a2b3c'],
    ['https://www.linkedin.com./in/jane-doe-1a2b3c', 'linkedin:jane-doe-1a2b3c'],
    ['https://www.linkedin.com:443/in/jane-doe-1a2b3c', 'linkedin:jane-doe-1a2b3c'],
    ['https://www.linkedin.com//in//jane-doe-1a2b3c', 'linkedin:jane-doe-1a2b3c'],
    ['https://www.linkedin.com/in/jane%ZZ/', 'linkedin:jane%zz'],
    ['github.com/octocat', 'github:octocat'],
    ['twitter.com/JaneDoe', 'x:janedoe'],
  ])('typed or imported %j -> %s', (input, key) => {
    expect(profileFromUrl(input)?.key).toBe(key);
  });

  test.each([
    '',
    'not a url',
    'javascript:alert(1)//www.linkedin.com/in/jane',
    'ftp://www.linkedin.com/in/jane',
    'data:text/html,<a href="https://www.linkedin.com/in/jane">',
    'file:///in/jane',
    'https://www.linkedin.com/in/%2F/',
    'https://mastodon.social/@jane',
  ])('%j is refused', (input) => {
    const found = profileFromUrl(input);
    // `/in/%2F/` decodes to "/", which normalises to nothing.
    expect(found).toBeNull();
  });
});

describe("profileOnSite('mastodon')", () => {
  test.each([
    ['https://mastodon.social/@jane', 'jane@mastodon.social'],
    ['https://Mastodon.Social/@Jane', 'jane@mastodon.social'],
    ['https://fosstodon.org/@jane@mastodon.social', 'jane@mastodon.social'],
    ['https://fosstodon.org/@jane@mastodon.social/media', 'jane@mastodon.social'],
    ['https://hachyderm.io/@jane_doe/with_replies', 'jane_doe@hachyderm.io'],
    ['https://hachyderm.io/@jane_doe/featured', 'jane_doe@hachyderm.io'],
  ])('%s -> %s', (url, handle) => {
    expect(profileOnSite('mastodon', url)?.handle).toBe(handle);
  });

  test.each([
    'https://mastodon.social/@jane/112233445566778899',
    'https://mastodon.social/@jane@localhost',
    'https://mastodon.social/@jane@@x.y',
    'https://mastodon.social/jane',
    'https://mastodon.social/',
    'ftp://mastodon.social/@jane',
  ])('%s -> null', (url) => {
    expect(profileOnSite('mastodon', url)).toBeNull();
  });
});

describe('profileUrl', () => {
  test.each([
    ['linkedin:jane-doe-1a2b3c', 'https://www.linkedin.com/in/jane-doe-1a2b3c/'],
    [`linkedin:${ARABIC_SLUG}`, `https://www.linkedin.com/in/${ARABIC_SLUG_ENCODED}/`],
    ['github:octocat', 'https://github.com/octocat'],
    ['x:janedoe', 'https://x.com/janedoe'],
    ['gitlab:jdoe', 'https://gitlab.com/jdoe'],
    ['stackoverflow:22656', 'https://stackoverflow.com/users/22656'],
    ['behance:janedoe', 'https://www.behance.net/janedoe'],
    ['dribbble:janedoe', 'https://dribbble.com/janedoe'],
    ['mastodon:jane@mastodon.social', 'https://mastodon.social/@jane'],
  ])('%s -> %s', (key, url) => {
    expect(profileUrl(key)).toBe(url);
  });

  test.each(['nope', 'mastodon:jane'])('%j has no URL', (key) => {
    expect(profileUrl(key)).toBeNull();
  });
});

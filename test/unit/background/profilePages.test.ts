import { describe, expect, test } from 'vitest';
import {
  isSupportedSiteUrl,
  pageSpeaksFor,
  snapshotMatchesPage,
} from '../../../src/background/profilePages.ts';
import type { ProfileSnapshot } from '../../../src/core/types.ts';

const snap = (site: ProfileSnapshot['site'], handle: string, key = `${site}:${handle}`): ProfileSnapshot => ({
  site,
  handle,
  key,
  url: 'https://example.invalid/',
});

describe('snapshotMatchesPage', () => {
  test.each<[string, ProfileSnapshot, string, boolean]>([
    [
      'the profile the tab shows',
      snap('linkedin', 'jane-doe'),
      'https://www.linkedin.com/in/jane-doe/',
      true,
    ],
    [
      'one of its sub-pages',
      snap('linkedin', 'jane-doe'),
      'https://fr.linkedin.com/in/Jane-Doe/details/experience/',
      true,
    ],
    [
      'a percent-encoded slug',
      snap('linkedin', 'josé-garcía'),
      'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/',
      true,
    ],
    ['another profile', snap('linkedin', 'jane-doe'), 'https://www.linkedin.com/in/mallory/', false],
    ['a page that is no profile', snap('linkedin', 'jane-doe'), 'https://www.linkedin.com/feed/', false],
    [
      'a key that does not match its handle',
      snap('linkedin', 'jane-doe', 'linkedin:mallory'),
      'https://www.linkedin.com/in/jane-doe/',
      false,
    ],
    [
      'another site under the same handle',
      snap('github', 'jane-doe'),
      'https://www.linkedin.com/in/jane-doe/',
      false,
    ],
    ['GitHub', snap('github', 'octo-jane'), 'https://github.com/Octo-Jane?tab=repositories', true],
    [
      'Mastodon on its home instance',
      snap('mastodon', 'jane@mastodon.social'),
      'https://mastodon.social/@jane',
      true,
    ],
    [
      'Mastodon seen from another instance',
      snap('mastodon', 'jane@mastodon.social'),
      'https://fosstodon.org/@jane@mastodon.social',
      true,
    ],
    [
      'Mastodon, another account',
      snap('mastodon', 'jane@mastodon.social'),
      'https://mastodon.social/@mallory',
      false,
    ],
    ['an empty tab URL', snap('linkedin', 'jane-doe'), '', false],
  ])('%s → %s', (_, snapshot, url, expected) => {
    expect(snapshotMatchesPage(snapshot, url)).toBe(expected);
  });
});

test.each([
  ['https://www.linkedin.com/in/jane/', true],
  ['https://ar.linkedin.com/feed/', true],
  ['https://github.com/octo-jane/repo', true],
  ['https://mastodon.social/@jane', true],
  ['https://mastodon.social/explore', true],
  // Only granted instances: any other host's `/@…` page is not one.
  ['https://fosstodon.org/@jane', false],
  ['https://evil.example/@jane@mastodon.social', false],
  ['http://www.linkedin.com/in/jane/', false],
  ['https://linkedin.com.evil.example/in/jane', false],
  ['https://example.com/', false],
])('isSupportedSiteUrl(%s) with mastodon.social granted is %s', (url, expected) => {
  expect(isSupportedSiteUrl(url, new Set(['mastodon.social']))).toBe(expected);
});

describe('pageSpeaksFor: only the profile’s own site may propose a new name', () => {
  test.each([
    ['linkedin:jane-doe', 'https://www.linkedin.com/in/jane-doe/', true],
    ['linkedin:jane-doe', 'https://fr.linkedin.com/in/jane-doe/details/experience/', true],
    ['github:octocat', 'https://github.com/octocat', true],
    ['mastodon:alice@mastodon.social', 'https://mastodon.social/@alice', true],
    ['mastodon:alice@mastodon.social', 'https://mastodon.social./@alice/media', true],
    // Another instance, or any host, can show Alice's page under her handle: it does not speak for her.
    ['mastodon:alice@mastodon.social', 'https://evil.example/@alice@mastodon.social', false],
    ['mastodon:alice@mastodon.social', 'https://fosstodon.org/@alice@mastodon.social', false],
    ['mastodon:alice@mastodon.social', 'https://mastodon.social/@bob', false],
    ['linkedin:jane-doe', 'https://www.linkedin.com/in/mallory/', false],
    ['linkedin:jane-doe', '', false],
    ['nonsense', 'https://www.linkedin.com/in/jane-doe/', false],
  ])('%s on %s → %s', (key, url, expected) => {
    expect(pageSpeaksFor(key, url)).toBe(expected);
  });
});

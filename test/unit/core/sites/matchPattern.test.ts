import { expect, test } from 'vitest';
import { matchesPattern } from '../../../../src/core/sites/matchPattern.ts';

test.each([
  ['https://*.linkedin.com/*', 'https://www.linkedin.com/in/jane', true],
  ['https://*.linkedin.com/*', 'https://linkedin.com/', true],
  ['https://*.linkedin.com/*', 'https://fr.linkedin.com/in/jean?x=1', true],
  ['https://*.linkedin.com/*', 'https://evillinkedin.com/', false],
  ['https://*.linkedin.com/*', 'https://linkedin.com.evil.example/', false],
  ['https://*.linkedin.com/*', 'http://www.linkedin.com/', false],
  ['*://github.com/*', 'http://github.com/x', true],
  ['*://github.com/*', 'ftp://github.com/x', false],
  ['https://github.com/*', 'https://gist.github.com/x', false],
  ['https://*/@*', 'https://mastodon.social/@jane', true],
  ['https://*/@*', 'https://mastodon.social/home', false],
  ['https://*/@*', 'https://mastodon.social/users/@x', false],
  ['https://x.com/*/status/*', 'https://x.com/jane/status/1', true],
  ['https://x.com/*?lang=*', 'https://x.com/jane?lang=ar', true],
  ['https://x.com/a.b', 'https://x.com/aXb', false],
  ['not a pattern', 'https://x.com/', false],
  ['https://x.com', 'https://x.com/', false],
])('%s vs %s -> %s', (pattern, url, expected) => {
  expect(matchesPattern(pattern, new URL(url))).toBe(expected);
});

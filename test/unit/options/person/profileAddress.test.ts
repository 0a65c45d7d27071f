import { expect, test } from 'vitest';
import { addressUrl, profileRefFromAddress } from '../../../../src/options/person/profileAddress.ts';

test.each([
  ['https://www.linkedin.com/in/jane-doe-123/', 'linkedin:jane-doe-123'],
  ['linkedin.com/in/Jane-Doe-123?trk=x', 'linkedin:jane-doe-123'],
  ['  github.com/octocat  ', 'github:octocat'],
  ['https://x.com/SomeOne', 'x:someone'],
  ['https://mastodon.social/@alice', 'mastodon:alice@mastodon.social'],
  ['https://hachyderm.io/@bob@fosstodon.org', 'mastodon:bob@fosstodon.org'],
])('%s → %s', (address, key) => {
  expect(profileRefFromAddress(address)?.key).toBe(key);
});

test.each(['', '   ', 'not a url', 'https://example.com/', 'https://github.com/', 'javascript:alert(1)'])(
  '%j is not a profile',
  (address) => {
    expect(profileRefFromAddress(address)).toBeNull();
  },
);

test('a scheme is added only when missing', () => {
  expect(addressUrl('github.com/a')).toBe('https://github.com/a');
  expect(addressUrl('http://github.com/a')).toBe('http://github.com/a');
});

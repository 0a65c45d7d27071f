// Mastodon instances the user names, and what the granted host permissions enable, read by exact pattern.
import { describe, expect, test } from 'vitest';
import { grantsFrom, instanceOrigin, parseInstanceHost } from '../../../../src/core/sites/instances.ts';

describe('parseInstanceHost', () => {
  test.each([
    ['mastodon.social', 'mastodon.social'],
    ['  Fosstodon.ORG  ', 'fosstodon.org'],
    ['https://hachyderm.io/@jane', 'hachyderm.io'],
    ['http://social.example.org/', 'social.example.org'],
    ['mastodon.social.', 'mastodon.social'],
    ['mäst.example', 'xn--mst-qla.example'],
    ['social.xn--p1ai', 'social.xn--p1ai'],
  ])('%s is the instance %s', (typed, host) => {
    expect(parseInstanceHost(typed)).toEqual({ host });
  });

  test.each([
    '',
    'mastodon',
    'localhost',
    '*.social',
    'https://*/*',
    '192.168.1.10',
    '[::1]',
    'mastodon.social:8443',
    'jane@mastodon.social',
    'https://user:pw@mastodon.social/',
    'ftp://mastodon.social/',
    'javascript:alert(1)',
    'mastodon social',
    '-bad.example',
    `${'a'.repeat(64)}.example`,
    `${'abc.'.repeat(70)}example`,
  ])('%s is not an instance', (typed) => {
    expect(parseInstanceHost(typed)).toEqual({ refused: 'invalid' });
  });

  test.each([
    'github.com',
    'www.github.com',
    'www.linkedin.com',
    'ar.linkedin.com',
    'x.com',
    'https://gitlab.com/jdoe',
  ])('%s is a site with a switch of its own', (typed) => {
    expect(parseInstanceHost(typed)).toEqual({ refused: 'namedSite' });
  });

  test('an instance is asked for as its whole origin and nothing wider', () => {
    expect(instanceOrigin('mastodon.social')).toBe('https://mastodon.social/*');
  });
});

describe('grantsFrom (permissions.getAll().origins, by exact pattern)', () => {
  test.each<[string, string[], { sites: string[]; instances: string[] }]>([
    ['as installed', ['https://*.linkedin.com/*'], { sites: ['linkedin'], instances: [] }],
    [
      'GitHub granted: GitHub and nothing else',
      ['https://*.linkedin.com/*', 'https://github.com/*'],
      { sites: ['linkedin', 'github'], instances: [] },
    ],
    [
      'one instance: that instance, no site',
      ['https://mastodon.social/*'],
      { sites: [], instances: ['mastodon.social'] },
    ],
    ['every https host (about:addons): nothing', ['https://*/*', '<all_urls>'], { sites: [], instances: [] }],
    ['the old Mastodon pattern: nothing', ['https://*/@*'], { sites: [], instances: [] }],
    ['half of X: not X', ['https://x.com/*'], { sites: [], instances: [] }],
    ['both of X', ['https://twitter.com/*', 'https://x.com/*'], { sites: ['x'], instances: [] }],
    [
      'instances sorted and once each; hosts of named sites and non-hosts are not instances',
      [
        'https://mastodon.social/*',
        'https://fosstodon.org/*',
        'https://mastodon.social/*',
        'https://www.github.com/*',
        'https://*.example.org/*',
        'https://10.0.0.1/*',
        'http://plain.example/*',
        'https://Upper.example/*',
        'https://path.example/@*',
      ],
      { sites: [], instances: ['fosstodon.org', 'mastodon.social'] },
    ],
  ])('%s', (_, origins, expected) => {
    expect(grantsFrom(origins)).toEqual(expected);
  });

  test('a grant made for something else (sync’s server) is no instance, though it has an instance’s shape', () => {
    const origins = ['https://couch.example.com/*', 'https://mastodon.social/*', 'https://*.linkedin.com/*'];
    expect(grantsFrom(origins, ['https://couch.example.com/*'])).toEqual({
      sites: ['linkedin'],
      instances: ['mastodon.social'],
    });
  });
});

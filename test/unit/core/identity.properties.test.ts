// profileFromUrl reads LinkedIn's plain profile addresses (an export's tens of thousands) without building a URL;
// a URL object always takes the general path. Both must give the same answer for every string near that form.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { profileFromUrl } from '../../../src/core/identity.ts';

/** The general path: the same string as a URL object (or nothing, where it is not a URL at all). */
function general(text: string) {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return profileFromUrl(url);
}

const PREFIXES = [
  'https://www.linkedin.com/in/',
  'http://www.linkedin.com/in/',
  'https://linkedin.com/in/',
  'https://fr.linkedin.com/in/',
  'https://www.linkedin.com/mwlite/in/',
  'https://WWW.LinkedIn.com/in/',
  'https://www.linkedin.com:443/in/',
  'https://www.linkedin.com/IN/',
  'https://www.linkedin.com.evil.example/in/',
  'https://www.linkedin.com@evil.example/in/',
  'https://evillinkedin.com/in/',
  'https://www.linkedin.com/company/',
  'https://github.com/',
  'ftp://www.linkedin.com/in/',
];
// Letters of both cases, digits and the characters a parser, decoder or normaliser would act on.
const SLUG_CHARS = [
  ...'abcXYZ019_-',
  '.',
  '%',
  '%2F',
  '%41',
  '%E2%82',
  '/',
  '?',
  '#',
  ' ',
  'é',
  'ß',
  'İ',
  '\u0301',
];
const SUFFIXES = ['', '/', '//', '/details/experience/', '?originalSubdomain=fr', '#top', '/?x=1'];

describe('profileFromUrl: the plain LinkedIn form read without a URL', () => {
  test('gives what the general path gives, for every string near that form', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PREFIXES),
        fc.array(fc.constantFrom(...SLUG_CHARS), { maxLength: 12 }),
        fc.constantFrom(...SUFFIXES),
        (prefix, slug, suffix) => {
          const text = `${prefix}${slug.join('')}${suffix}`;
          expect(profileFromUrl(text)).toEqual(general(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  test.each([
    ['https://www.linkedin.com/in/Jane-Doe-1A2B3C/', 'jane-doe-1a2b3c'],
    ['http://linkedin.com/in/jane_doe', 'jane_doe'],
    ['https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/', 'josé-garcía'],
  ])('%s is linkedin:%s', (text, handle) => {
    expect(profileFromUrl(text)).toEqual({ site: 'linkedin', handle, key: `linkedin:${handle}` });
  });
});

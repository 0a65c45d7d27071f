// The markup corpus (test/fixtures/sites/corpus/) is only useful if its index tells the truth: every page it lists
// exists, is served at a URL that parses to the key it claims, and really contains the person it says it shows.
// Reading the fields is the site adapters' job and is tested there; this only keeps the corpus honest.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { profileOnSite, SITES } from '../../../src/core/identity.ts';
import type { Site } from '../../../src/core/types.ts';
import { FIXTURES } from './helpers.ts';

const CORPUS = `${FIXTURES}corpus/`;

interface Expectation {
  key: string;
  name: string;
  headline: string | null;
  location: string | null;
  photo: boolean;
}

interface CorpusEntry {
  url: string;
  file: string;
  site: string;
  generation: string;
  expect: Expectation;
  timing: null | 'late-3s' | 'stale-pushstate';
  navigate?: { path: string; url: string; staleMs: number; expect: Expectation };
  notes: string;
}

const INDEX: CorpusEntry[] = JSON.parse(readFileSync(`${CORPUS}index.json`, 'utf8'));

/** The key the extension builds for a page served at `url`. */
function keyFor(site: string, url: string): string | undefined {
  return SITES.includes(site as Site) ? profileOnSite(site as Site, url)?.key : undefined;
}

function expectWellFormed(expectation: Expectation): void {
  expect(typeof expectation.key).toBe('string');
  expect(expectation.name.trim()).not.toBe('');
  for (const field of [expectation.headline, expectation.location]) {
    expect(field === null || (typeof field === 'string' && field.trim() !== '')).toBe(true);
  }
  expect(typeof expectation.photo).toBe('boolean');
}

test('the index lists every corpus page once, and nothing else', () => {
  const pages = readdirSync(CORPUS).filter((file) => file.endsWith('.html'));
  const listed = INDEX.map((entry) => entry.file);
  expect(new Set(listed).size).toBe(listed.length);
  expect([...listed].sort()).toEqual(pages.sort());
});

describe.each(INDEX)('$file', (entry) => {
  test('is a well-formed entry', () => {
    expect(existsSync(`${CORPUS}${entry.file}`)).toBe(true);
    expect(SITES).toContain(entry.site);
    expect(entry.generation.trim()).not.toBe('');
    expect(entry.notes.trim()).not.toBe('');
    expect([null, 'late-3s', 'stale-pushstate']).toContain(entry.timing);
    expectWellFormed(entry.expect);
    // Only the stale page navigates, and it must say where to.
    expect(entry.navigate !== undefined).toBe(entry.timing === 'stale-pushstate');
  });

  test('is served at a URL whose key is the expected key', () => {
    expect(() => new URL(entry.url)).not.toThrow();
    expect(keyFor(entry.site, entry.url)).toBe(entry.expect.key);
  });

  test('contains the expected name', () => {
    const html = readFileSync(`${CORPUS}${entry.file}`, 'utf8');
    expect(html).toContain(entry.expect.name);
  });

  if (entry.navigate) {
    const target = entry.navigate;
    test('navigates to a URL whose key is the second person’s, on the same origin', () => {
      expectWellFormed(target.expect);
      expect(new URL(target.path, entry.url).href).toBe(target.url);
      expect(keyFor(entry.site, target.url)).toBe(target.expect.key);
      expect(target.expect.key).not.toBe(entry.expect.key);
      expect(readFileSync(`${CORPUS}${entry.file}`, 'utf8')).toContain(target.expect.name);
    });
  }
});

// The markup corpus (test/fixtures/sites/corpus/) for the e2e suites of both browsers, and a copy of a built
// extension with every optional site granted (what a user who enabled them all has).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './browser.mjs';

export interface CorpusExpectation {
  key: string;
  name: string;
  headline: string | null;
  location: string | null;
  photo: boolean;
}

export interface CorpusEntry {
  url: string;
  file: string;
  site: string;
  timing: null | 'late-3s' | 'stale-pushstate';
  expect: CorpusExpectation;
  navigate?: { path: string; url: string; staleMs: number; expect: CorpusExpectation };
}

export const CORPUS: CorpusEntry[] = JSON.parse(
  readFileSync(join(FIXTURES, 'sites/corpus/index.json'), 'utf8'),
);

/** Each corpus page at its URL (and the stale page's second person at theirs: a reload there serves it too). */
export const CORPUS_ROUTES: Record<string, string> = Object.fromEntries(
  CORPUS.flatMap((entry) => [
    [entry.url, `sites/corpus/${entry.file}`],
    ...(entry.navigate ? [[entry.navigate.url, `sites/corpus/${entry.file}`]] : []),
  ]),
);

/** The Mastodon instances the fixtures are served from (test/fixtures/sites/index.json and the corpus). */
export const FIXTURE_INSTANCES = ['mastodon.social', 'fosstodon.org'];

/**
 * A copy of the built extension at `dist` whose manifest asks at install for `origins` besides LinkedIn, and has
 * no optional host permission left: the state after the user granted exactly those. The worker finds them granted
 * at start and registers the content script for them, the same code path as after every browser start. (Headless
 * browsers cannot answer a real prompt.)
 */
export function grantedCopy(dist: string, origins: readonly string[]): string {
  const granted = mkdtempSync(join(tmpdir(), 'trust-notes-granted-'));
  cpSync(dist, granted, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(granted, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...origins];
  delete manifest.optional_host_permissions;
  writeFileSync(join(granted, 'manifest.json'), JSON.stringify(manifest));
  return granted;
}

/**
 * Every optional site granted, and `instances` added as Mastodon instances, each as its own `https://<host>/*`
 * (not the `https://*\/*` an instance is asked for under).
 */
export function everySiteGranted(dist: string, instances: readonly string[] = FIXTURE_INSTANCES): string {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const sites = (manifest.optional_host_permissions as string[]).filter(
    (pattern) => pattern !== 'https://*/*',
  );
  return grantedCopy(dist, [...sites, ...instances.map((host) => `https://${host}/*`)]);
}

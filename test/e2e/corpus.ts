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

/**
 * A copy of the built extension at `dist` whose manifest asks at install for the hosts that are optional: the
 * state after the user granted every site. The worker finds them granted at start and registers the content script
 * for them, the same code path as after every browser start. (Headless browsers cannot answer a real prompt.)
 */
export function everySiteGranted(dist: string): string {
  const granted = mkdtempSync(join(tmpdir(), 'trust-notes-granted-'));
  cpSync(dist, granted, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(granted, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...manifest.optional_host_permissions];
  delete manifest.optional_host_permissions;
  writeFileSync(join(granted, 'manifest.json'), JSON.stringify(manifest));
  return granted;
}

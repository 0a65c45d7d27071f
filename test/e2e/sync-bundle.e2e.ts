// Where PouchDB is in the build, and what no bundle may hold. PouchDB is the worker's: the popup, the panel, the content
// script and the options page never load it (sync's pages ask the worker). And no file of either build can evaluate
// code: no eval, no new Function, no Function(...) (PouchDB's own scopeEval is replaced at build time).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST } from './browser.mjs';
import { DIST_FIREFOX } from './firefox/browser.mjs';

/** A marker of PouchDB's code that survives minification: its probe of localStorage. */
const POUCHDB = '_pouch_check_localstorage';

/** Every built file a page or script can ever load: its scripts, their static and dynamic imports, transitively. */
function reachable(dist: string, entries: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (path: string) => {
    if (files.has(path) || !existsSync(join(dist, path))) return;
    const text = readFileSync(join(dist, path), 'utf8');
    files.set(path, text);
    for (const [, file] of text.matchAll(
      /(?:from\s*|import\s*\(\s*|import\s*)["']\.{1,2}\/(?:assets\/)?([^"']+\.js)["']/g,
    )) {
      visit(`assets/${file}`);
    }
    for (const [, file] of text.matchAll(/["'`]\/?(assets\/[^"'`]+\.js)["'`]/g)) visit(file!);
  };
  for (const entry of entries) {
    if (entry.endsWith('.html')) {
      const html = readFileSync(join(dist, entry), 'utf8');
      for (const [, file] of html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)) visit(file!);
    } else {
      visit(entry);
    }
  }
  return files;
}

const hasPouch = (files: Map<string, string>) => [...files.values()].some((text) => text.includes(POUCHDB));

describe('PouchDB loads only in the worker', () => {
  test('the worker has it; the popup, the panel, the options page and the content script never load it', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
    expect(hasPouch(reachable(DIST, [manifest.background.service_worker]))).toBe(true);
    for (const page of ['src/popup/index.html', 'src/panel/index.html', 'src/options/index.html']) {
      expect(hasPouch(reachable(DIST, [page])), page).toBe(false);
    }
    expect(hasPouch(reachable(DIST, ['src/content/index.js']))).toBe(false);
  });
});

describe('no bundle can evaluate code', () => {
  test.each([
    ['Chromium', DIST],
    ['Firefox', DIST_FIREFOX],
  ])('%s build', (_, dist) => {
    const scripts = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    const offending = scripts.flatMap((file) => {
      const text = readFileSync(join(dist, file), 'utf8');
      return [
        /\beval\s*\(/,
        /new\s+Function\s*\(/,
        /\bFunction\s*\(/,
        /\bFunction\.apply\s*\(/,
        /\bFunction\.call\s*\(/,
      ]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${file}: ${pattern}`);
    });
    expect(offending).toEqual([]);
  });
});

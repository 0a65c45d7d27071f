// @vitest-environment node
// What each folder may load, checked over the real import graph of src/ (parsed, transitively). The build
// assigns modules to the two shared chunks by folder (SHARED_CHUNKS in vite.config.ts), so a module that
// imports across the line would pull Dexie into the popup's first load, or Preact into the database layer.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, test } from 'vitest';
import { inChunk } from '../../../vite.config.ts';

const ROOT = resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Imports {
  /** Every import, with type-only ones. */
  all: string[];
  /** The imports that load code when the module runs (type-only ones are erased). */
  runtime: string[];
}

const parsed = new Map<string, Imports>();

function importsOf(file: string): Imports {
  const known = parsed.get(file);
  if (known) return known;
  const text = readFileSync(file, 'utf8');
  const { module, errors } = parseSync(file, text);
  expect(errors, file).toEqual([]);
  const imports: Imports = { all: [], runtime: [] };
  const add = (specifier: string, typeOnly: boolean) => {
    imports.all.push(specifier);
    if (!typeOnly) imports.runtime.push(specifier);
  };
  for (const statement of module.staticImports) {
    add(
      statement.moduleRequest.value,
      statement.entries.length > 0 && statement.entries.every((e) => e.isType),
    );
  }
  for (const statement of module.staticExports) {
    for (const entry of statement.entries)
      if (entry.moduleRequest) add(entry.moduleRequest.value, entry.isType);
  }
  for (const { moduleRequest } of module.dynamicImports) {
    const literal = /^['"`](.*)['"`]$/s.exec(text.slice(moduleRequest.start, moduleRequest.end));
    if (literal?.[1]) add(literal[1], false);
  }
  parsed.set(file, imports);
  return imports;
}

/** A relative specifier as the file it names; a package's specifier as it is. */
function resolveSpecifier(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = resolve(dirname(from), specifier);
  const file = [base, `${base}.ts`, `${base}.tsx`].find((p) => existsSync(p) && statSync(p).isFile());
  if (!file) throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
  return file;
}

/** Everything `file` loads, directly or through other modules of src/: files (absolute) and packages. */
function reach(file: string, kind: keyof Imports): Set<string> {
  const seen = new Set<string>();
  const visit = (from: string) => {
    for (const specifier of importsOf(from)[kind]) {
      const target = resolveSpecifier(from, specifier);
      if (seen.has(target)) continue;
      seen.add(target);
      if (/\.tsx?$/.test(target)) visit(target);
    }
  };
  visit(file);
  return seen;
}

const show = (targets: Iterable<string>) =>
  [...targets].map((t) => (t.startsWith(ROOT) ? relative(ROOT, t) : t)).sort();
const inFolder = (folder: string) => sourceFiles(join(ROOT, folder));
const isPreact = (target: string) => /^(preact|@preact)(\/|$)/.test(target);
const isDexie = (target: string) => /^dexie(\/|$)/.test(target);

describe('src/db/ is the database alone', () => {
  test.each(inFolder('src/db').map((f) => [relative(ROOT, f), f]))(
    '%s imports no Preact and nothing of ui/',
    (_, file) => {
      const reached = show(reach(file, 'all'));
      expect(reached.filter((t) => isPreact(t) || t.startsWith('src/ui/'))).toEqual([]);
    },
  );
});

describe('src/core/ is pure', () => {
  test.each(inFolder('src/core').map((f) => [relative(ROOT, f), f]))('%s imports only core/', (_, file) => {
    expect(show(reach(file, 'all')).filter((t) => !t.startsWith('src/core/'))).toEqual([]);
  });
});

// The worker's modules are the worker's: a page that loaded one would carry the worker's code (and its state) into
// its own bundle. The toolbar badge's words once lived in background/ and the options page loaded them from there.
describe('nothing outside src/background/ loads it', () => {
  const outside = sourceFiles(join(ROOT, 'src')).filter(
    (f) => !relative(ROOT, f).startsWith('src/background/'),
  );
  test.each(outside.map((f) => [relative(ROOT, f), f]))('%s', (_, file) => {
    expect(show(reach(file, 'all')).filter((t) => t.startsWith('src/background/'))).toEqual([]);
  });
});

// The `ui` chunk is in the popup's first load; what it holds must run without Dexie.
const uiChunkFiles = sourceFiles(join(ROOT, 'src')).filter(inChunk('ui'));

describe("the `ui` chunk's modules load no Dexie", () => {
  test('the chunk rule puts the folders it names in `ui`, and nothing of ui/data/', () => {
    const folders = new Set(uiChunkFiles.map((f) => dirname(relative(ROOT, f))));
    expect(folders).toEqual(
      new Set(['src/core', 'src/core/sites', 'src/messages', 'src/ui/components', 'src/ui/i18n', 'src/db']),
    );
    expect(inChunk('data')(join(ROOT, 'src/ui/data/useLiveQuery.ts'))).toBe(true);
    expect(inChunk('data')(join(ROOT, 'src/db/startupRead.ts'))).toBe(false);
  });

  test.each(uiChunkFiles.map((f) => [relative(ROOT, f), f]))('%s', (_, file) => {
    const reached = reach(file, 'runtime');
    expect(show([...reached].filter((t) => isDexie(t) || inChunk('data')(t)))).toEqual([]);
  });
});

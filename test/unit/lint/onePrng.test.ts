// The test data has one seeded PRNG (test/data/random.mjs): a generator with its own copy could drift from it, and
// two data sets said to come from one seed would then differ.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.(?:[cm]?js|tsx?)$/.test(entry.name) ? [path] : [];
  });
}

test('mulberry32 is defined once, in test/data/random.mjs, and used from there', () => {
  const files = [
    ...sources(join(ROOT, 'src')),
    ...sources(join(ROOT, 'test')),
    ...sources(join(ROOT, 'scripts')),
  ];
  const defining = files
    .filter((file) => /function\s+mulberry32\b|mulberry32\s*=/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file));
  expect(defining).toEqual(['test/data/random.mjs']);
  const users = files
    .filter((file) => /\bmulberry32\(/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file))
    .sort();
  expect(users).toEqual(
    expect.arrayContaining(['test/fixtures/archive/generate.mjs', 'test/data/network.ts']),
  );
});

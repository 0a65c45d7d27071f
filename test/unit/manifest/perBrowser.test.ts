// @vitest-environment node
// The release's version, and which build each Vite mode makes. The packaged manifests are checked in
// test/release/packaged.release.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { manifestFor } from '../../../manifest.config.ts';
import { buildFor } from '../../../vite.config.ts';

const ROOT = join(__dirname, '../../..');
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

test('the version is written in one place, package.json, and both manifests carry it', () => {
  expect(read('manifest.json').version).toBeUndefined();
  const { version } = read('package.json');
  expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  const versionOf = (browser: 'chrome' | 'firefox') => (manifestFor(browser) as { version?: string }).version;
  expect(versionOf('chrome')).toBe(version);
  expect(versionOf('firefox')).toBe(version);
});

test.each([
  ['production', { browser: 'chrome', release: false, outDir: 'dist' }],
  ['firefox', { browser: 'firefox', release: false, outDir: 'dist-firefox' }],
  ['release', { browser: 'chrome', release: true, outDir: 'release/chrome' }],
  ['firefox-release', { browser: 'firefox', release: true, outDir: 'release/firefox' }],
])('vite mode %s builds %o', (mode, expected) => {
  expect(buildFor(mode)).toEqual(expected);
});

// @vitest-environment node
// What the build makes of manifest.json for each browser (manifestFor in vite.config.ts). The packaged manifests
// are checked the same way in test/release/packaged.release.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildFor, manifestFor } from '../../../vite.config.ts';

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

test('Firefox is told the add-on collects no data, and Chrome gets no Firefox keys', () => {
  const firefox = manifestFor('firefox') as unknown as {
    browser_specific_settings: { gecko: { data_collection_permissions: unknown } };
  };
  expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect('browser_specific_settings' in manifestFor('chrome')).toBe(false);
});

test.each([
  ['production', { browser: 'chrome', release: false, outDir: 'dist' }],
  ['firefox', { browser: 'firefox', release: false, outDir: 'dist-firefox' }],
  ['release', { browser: 'chrome', release: true, outDir: 'release/chrome' }],
  ['firefox-release', { browser: 'firefox', release: true, outDir: 'release/firefox' }],
])('vite mode %s builds %o', (mode, expected) => {
  expect(buildFor(mode)).toEqual(expected);
});

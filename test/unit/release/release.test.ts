// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
  buildInstructions,
  changelogHasEntry,
  packagePaths,
  ROOT,
  VERSION,
} from '../../../scripts/release.mjs';

test('the release version is package.json’s, and names the three zips', () => {
  expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  expect(packagePaths('1.2.3', '/r')).toEqual({
    chrome: '/r/release/trust-notes-1.2.3-chrome.zip',
    firefox: '/r/release/trust-notes-1.2.3-firefox.zip',
    source: '/r/release/trust-notes-1.2.3-source.zip',
  });
});

test.each([
  ['## 1.2.3 — 2027-01-05\n- Fixed.', true],
  ['## [1.2.3] - 2027-01-05', true],
  ['# Changelog\n\n## 1.2.3\n', true],
  ['## 1.2.30\n', false],
  ['## 1.2.4\nMentions 1.2.3 in passing.', false],
  ['### 1.2.3\n', false],
  ['## 1x2x3\n', false],
])('changelog %j has an entry for 1.2.3: %s', (text, expected) => {
  expect(changelogHasEntry(text, '1.2.3')).toBe(expected);
});

test('BUILD.md names the exact Node and npm versions and the two commands', () => {
  const text = buildInstructions({ version: '1.2.3', node: 'v20.20.2', npm: '11.19.1' });
  expect(text).toContain('Node.js v20.20.2');
  expect(text).toContain('npm 11.19.1');
  expect(text).toMatch(/```sh\nnpm ci\nnpm run build:release\n```/);
  expect(text).toContain('trust-notes-1.2.3-firefox.zip');
});

// @vitest-environment node
// The permission table goes into the store forms word for word: it must list exactly what the manifest asks for.
// (test/release/packaged.release.ts checks it against the packaged manifests too.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { manifestFor } from '../../../manifest.config.ts';
import { justifiedPermissions, manifestPermissions } from '../../../scripts/release.mjs';

const ROOT = join(__dirname, '../../..');
const table = readFileSync(join(ROOT, 'store/permissions.md'), 'utf8');

test.each(['chrome', 'firefox'] as const)(
  'store/permissions.md justifies each permission of the %s manifest once, and nothing else',
  (browser) => {
    const justified = justifiedPermissions(table);
    expect(new Set(justified).size).toBe(justified.length);
    expect([...justified].sort()).toEqual([...manifestPermissions(manifestFor(browser))].sort());
  },
);

test('a row with an empty justification is refused', () => {
  expect(() => justifiedPermissions('| `alarms` | at install |  |')).toThrow(/alarms has no justification/);
  expect(justifiedPermissions('| `alarms` | at install | Runs the scan. |')).toEqual(['alarms']);
});

// @vitest-environment node
// The permission table goes into the store forms word for word: it must list exactly what the manifest asks for,
// so a permission added later (a sync server's origin, a Mastodon server, a new site) fails here until it has its
// line. (test/release/packaged.release.ts checks the packaged manifests the same way.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { manifestFor } from '../../../manifest.config.ts';
import { justifiedPermissions, manifestPermissions, permissionGaps } from '../../../scripts/release.mjs';

const ROOT = join(__dirname, '../../..');
const table = readFileSync(join(ROOT, 'store/permissions.md'), 'utf8');
const NONE = { missing: [], extra: [], twice: [] };

test.each(['chrome', 'firefox'] as const)(
  'store/permissions.md justifies each permission of the %s manifest once, and nothing else',
  (browser) => {
    expect(permissionGaps(manifestFor(browser), table)).toEqual(NONE);
    // Not vacuous: the table has a line for each kind of permission the manifest uses.
    const manifest = manifestFor(browser) as unknown as Record<string, string[]>;
    for (const key of [
      'permissions',
      'optional_permissions',
      'host_permissions',
      'optional_host_permissions',
    ]) {
      expect(manifest[key]!.length, key).toBeGreaterThan(0);
      for (const permission of manifest[key]!) expect(justifiedPermissions(table)).toContain(permission);
    }
  },
);

test('a permission added to the manifest, of any kind, is reported until the table has its line', () => {
  const base = manifestFor('chrome') as unknown as Record<string, unknown> & {
    optional_host_permissions: string[];
    content_scripts: Array<{ matches: string[] }>;
  };
  const withSync = {
    ...base,
    optional_host_permissions: [...base.optional_host_permissions, 'https://couch.example/*'],
  };
  expect(permissionGaps(withSync, table)).toEqual({ ...NONE, missing: ['https://couch.example/*'] });
  const withPermission = { ...base, optional_permissions: ['notifications', 'downloads'] };
  expect(permissionGaps(withPermission, table).missing).toEqual(['downloads']);
  // A content script's match is host access granted at install, even with no host permission beside it.
  const withScript = {
    ...base,
    content_scripts: [...base.content_scripts, { js: ['x.js'], matches: ['https://mastodon.social/*'] }],
  };
  expect(permissionGaps(withScript, table).missing).toEqual(['https://mastodon.social/*']);
});

test('a line for a permission the manifest no longer asks for, or a second line, is reported', () => {
  const manifest = { permissions: ['storage'] };
  expect(
    permissionGaps(manifest, '| `storage` | at install | Keeps data. |\n| `tabs` | at install | Old. |\n'),
  ).toEqual({ ...NONE, extra: ['tabs'] });
  expect(
    permissionGaps(
      manifest,
      '| `storage` | at install | Keeps data. |\n| `storage` | at install | Again. |\n',
    ),
  ).toEqual({ ...NONE, twice: ['storage'] });
});

test('each host is counted once, wherever the manifest lists it', () => {
  expect(
    manifestPermissions({
      host_permissions: ['https://*.linkedin.com/*'],
      content_scripts: [{ matches: ['https://*.linkedin.com/*'] }],
    }),
  ).toEqual(['https://*.linkedin.com/*']);
});

test('a row with an empty justification is refused', () => {
  expect(() => justifiedPermissions('| `alarms` | at install |  |')).toThrow(/alarms has no justification/);
  expect(justifiedPermissions('| `alarms` | at install | Runs the scan. |')).toEqual(['alarms']);
});

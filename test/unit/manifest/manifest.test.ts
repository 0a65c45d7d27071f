// The manifest the build writes: manifest.json plus the site descriptors' patterns (manifest.config.ts).
import { expect, test } from 'vitest';
import { manifestFor } from '../../../manifest.config.ts';
import { descriptorOf, optionalMatches } from '../../../src/core/sites/index.ts';
import { SYNC_DATA_COLLECTION, SYNC_HOST_PERMISSIONS } from '../../../src/sync/permissions.ts';

const linkedin = [...descriptorOf('linkedin').matches];
const optional = optionalMatches();
/** Chrome only takes origins in web_accessible_resources.matches: the path must be `/*`. */
const origin = (pattern: string) => pattern.replace(/^(https?:\/\/[^/]+)\/.*$/, '$1/*');

test.each(['chrome', 'firefox'] as const)(
  '%s: LinkedIn is the one site granted at install, and the content script runs there',
  (browser) => {
    const manifest = manifestFor(browser) as unknown as Record<string, never>;
    expect(manifest.host_permissions).toEqual(['https://*.linkedin.com/*']);
    expect(manifest.content_scripts).toEqual([
      { js: ['src/content/index.ts'], run_at: 'document_start', matches: linkedin },
    ]);
  },
);

test.each(['chrome', 'firefox'] as const)(
  '%s: every other site is an optional host permission, with exactly its descriptor’s patterns, then sync’s server',
  (browser) => {
    const manifest = manifestFor(browser) as unknown as Record<string, never>;
    // https://*/* is both any Mastodon instance and any https sync server: declared once.
    expect(manifest.optional_host_permissions).toEqual([
      ...optional,
      ...SYNC_HOST_PERMISSIONS.filter((pattern) => !optional.includes(pattern)),
    ]);
    const hosts = manifest.optional_host_permissions as unknown as string[];
    expect(new Set(hosts).size).toBe(hosts.length);
    // Sync's server: https anywhere, plain http on this machine only.
    expect(SYNC_HOST_PERMISSIONS).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(optional).toEqual([
      'https://github.com/*',
      'https://x.com/*',
      'https://twitter.com/*',
      'https://gitlab.com/*',
      'https://stackoverflow.com/*',
      'https://*.behance.net/*',
      'https://dribbble.com/*',
      // A Mastodon instance is asked for as its own https://<host>/*, which must be covered by a declared one.
      'https://*/*',
    ]);
  },
);

test('the panel page is the only web-accessible resource, by dynamic URL, for the supported sites only', () => {
  const manifest = manifestFor('chrome') as unknown as Record<string, never>;
  expect(manifest.web_accessible_resources).toEqual([
    {
      resources: ['src/panel/index.html'],
      matches: [...new Set([...linkedin, ...optional].map(origin))],
      use_dynamic_url: true,
    },
  ]);
});

test('Firefox gets an event page and its gecko settings; Chrome a service worker', () => {
  const chrome = manifestFor('chrome') as unknown as Record<string, unknown>;
  const firefox = manifestFor('firefox') as unknown as Record<string, unknown>;
  expect(chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
  expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
  // Nothing collected unless the user sets sync up; then what the ledger holds, asked for at that moment.
  expect(firefox).toHaveProperty('browser_specific_settings.gecko.data_collection_permissions', {
    required: ['none'],
    optional: [...SYNC_DATA_COLLECTION],
  });
  expect(firefox).not.toHaveProperty('minimum_chrome_version');
});

test('the keyboard shortcut toggles the panel, described in the user’s language', () => {
  const manifest = manifestFor('chrome') as unknown as { commands: Record<string, unknown> };
  expect(manifest.commands['toggle-panel']).toEqual({
    suggested_key: { default: 'Alt+Shift+K' },
    description: '__MSG_panel_command_toggle__',
  });
});

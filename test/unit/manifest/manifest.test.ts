// The manifest is static JSON; the sites registry is code. These keep them in step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ADAPTERS, optionalSites } from '../../../src/sites/index';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../manifest.json'), 'utf8'));
const linkedin = ADAPTERS.find((a) => a.site === 'linkedin')!.matches;
const optional = optionalSites().flatMap((s) => s.matches);
/** Chrome only takes origins in web_accessible_resources.matches: the path must be `/*`. */
const origin = (pattern: string) => pattern.replace(/^(https?:\/\/[^/]+)\/.*$/, '$1/*');

test('LinkedIn is the one site granted at install, and the content script runs there', () => {
  expect(manifest.host_permissions).toEqual(linkedin);
  expect(manifest.content_scripts).toHaveLength(1);
  expect(manifest.content_scripts[0].matches).toEqual(linkedin);
});

test('every other site is an optional host permission, with exactly its adapter’s patterns', () => {
  expect(manifest.optional_host_permissions).toEqual(optional);
});

test('the panel page is the only web-accessible resource, by dynamic URL, for the supported sites only', () => {
  expect(manifest.web_accessible_resources).toEqual([
    {
      resources: ['src/panel/index.html'],
      matches: [...new Set([...linkedin, ...optional].map(origin))],
      use_dynamic_url: true,
    },
  ]);
});

test('the keyboard shortcut toggles the panel, described in the user’s language', () => {
  expect(manifest.commands['toggle-panel']).toEqual({
    suggested_key: { default: 'Alt+Shift+K' },
    description: '__MSG_panel_command_toggle__',
  });
});

// The extension's manifest: manifest.json holds what never depends on the sites, and the site descriptors
// (src/core/sites/) give the rest, so a new site needs no edit here. One base manifest, adapted per browser
// (the Dark Reader habit): Firefox gets `background.scripts` and `browser_specific_settings.gecko`. The version is
// package.json's: one place to bump for a release (manifest.json has none; test/unit/manifest checks it).
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { frameOrigins, installedMatches, optionalMatches } from './src/core/sites/index.ts';
import { SYNC_DATA_COLLECTION, SYNC_HOST_PERMISSIONS } from './src/sync/permissions.ts';

// Gecko id and minimum version for the Firefox build: 142 is the first release (desktop and Android)
// that understands data_collection_permissions, which AMO requires of new add-ons. Nothing is collected unless the user
// sets sync up, which asks for the optional ones.
const GECKO = {
  id: 'trust-notes@trust-notes.dev',
  strict_min_version: '142.0',
  data_collection_permissions: { required: ['none'], optional: [...SYNC_DATA_COLLECTION] },
};

/** Where each site's patterns go: granted at install, optional, and the pages that may embed the panel. */
function sitesPart() {
  const installed = installedMatches();
  const [script] = baseManifest.content_scripts;
  const [panel] = baseManifest.web_accessible_resources;
  return {
    host_permissions: installed,
    // The sites the user may enable (any instance among them), then sync's server (asked for one origin at setup).
    optional_host_permissions: [...new Set([...optionalMatches(), ...SYNC_HOST_PERMISSIONS])],
    content_scripts: [{ ...script, matches: installed }],
    web_accessible_resources: [{ ...panel, matches: frameOrigins() }],
  };
}

export function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  const { background, minimum_chrome_version, ...rest } = baseManifest;
  const common = { ...rest, version: pkg.version, ...sitesPart() };
  if (browser === 'chrome') return { ...common, minimum_chrome_version, background } as ManifestV3Export;
  // Firefox runs the background as an event page: same module, listed as scripts.
  return {
    ...common,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: { gecko: GECKO },
  } as unknown as ManifestV3Export;
}

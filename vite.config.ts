import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

// Gecko id and minimum version for the Firefox build: 142 is the first release (desktop and Android)
// that understands data_collection_permissions, which AMO requires of new add-ons.
const GECKO = {
  id: 'trust-notes@trust-notes.dev',
  strict_min_version: '142.0',
  data_collection_permissions: { required: ['none'] },
};

/** One base manifest, adapted per browser (the Dark Reader habit). */
export function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  const { background, minimum_chrome_version, ...rest } = baseManifest;
  if (browser === 'chrome') return { ...rest, minimum_chrome_version, background } as ManifestV3Export;
  // Firefox runs the background as an event page: same module, listed as scripts.
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: { gecko: GECKO },
  } as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      crx({
        manifest: manifestFor(browser),
        browser,
        // The content script must not import() chunks: crxjs would list them as web-accessible
        // with fixed URLs, and LinkedIn probes fixed chrome-extension:// URLs to detect extensions.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      // Extension pages load from disk; source maps would only bloat the package.
      sourcemap: false,
      modulePreload: { polyfill: false },
      rollupOptions: {
        // The panel is only reached through web_accessible_resources; the demo page only by `npm start`.
        input: { panel: 'src/panel/index.html', demo: 'src/demo/index.html' },
        // Two shared chunks instead of one per combination of pages: an extension page waits on every
        // module file it loads (measured: ~15 files took the popup ~100 ms on a busy machine), and the
        // worker loads only `data`. Code used by one page or view stays in that page's own chunk.
        output: {
          codeSplitting: {
            groups: [
              {
                name: 'data',
                test: /node_modules[\\/](dexie|webextension-polyfill)[\\/]|[\\/]src[\\/](db|core|messages)[\\/](?!useLiveQuery)/,
                priority: 20,
              },
              {
                name: 'ui',
                test: /vite[\\/]preload-helper|node_modules[\\/](preact|@preact)[\\/]|[\\/]src[\\/](ui[\\/]|db[\\/]useLiveQuery|options[\\/]person[\\/]FlagsSection)/,
                priority: 10,
              },
            ],
          },
        },
      },
    },
  };
});

import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { manifestFor } from './manifest.config.ts';
import { buildClassicScript } from './scripts/classicScript.mjs';

/**
 * Builds `entry` on its own as one classic script, every import inlined, emitted as `fileName` and loaded
 * `async` by the page `html` (its path under the root). A module script runs only once the page's whole
 * module graph has loaded; this runs as soon as its one file has, so the popup's first read starts ~30 ms
 * sooner (src/popup/startup.ts).
 */
function classicScript(entry: string, fileName: string, html: string): Plugin {
  return {
    name: 'trust-notes:classic-script',
    apply: 'build',
    async generateBundle() {
      const source = await buildClassicScript(entry, { name: 'trustNotesClassicScript' });
      this.emitFile({ type: 'asset', fileName, source });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (context.path !== `/${html}`) return undefined;
        return [{ tag: 'script', attrs: { async: true, src: `/${fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      preact(),
      classicScript('src/popup/startup.ts', 'popup-startup.js', 'src/popup/index.html'),
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
        // Required with includeDependenciesRecursively: false (below); no entry's exports are used.
        preserveEntrySignatures: 'allow-extension',
        // Two shared chunks instead of one per combination of pages: an extension page waits on every
        // module file it loads (measured: ~15 files took the popup ~100 ms on a busy machine).
        // - `data`: Dexie and everything that uses it. The worker, the options page and the panel load it
        //   at once; the popup only after its first render (db/startupRead.ts reads that without Dexie).
        // - `ui`: Preact, the browser API, the domain rules and the components that need no database.
        // Code used by one page or view stays in that page's own chunk.
        output: {
          codeSplitting: {
            // Rolldown would otherwise pull everything `data`'s modules import (Preact, the domain rules)
            // into `data`, and `ui` would import it: the popup would load Dexie before its first render.
            includeDependenciesRecursively: false,
            groups: [
              {
                name: 'data',
                test: /node_modules[\\/]dexie[\\/]|[\\/]src[\\/](db[\\/](?!startupRead|schema)|ui[\\/](personActions|profileRecord|profileView|storageStatus|ProfileTrustView)\.|options[\\/]person[\\/]FlagsSection)/,
                priority: 20,
              },
              {
                name: 'ui',
                test: /vite[\\/]preload-helper|node_modules[\\/](preact|@preact|webextension-polyfill)[\\/]|[\\/]src[\\/](ui[\\/](?!VirtualList)|core|messages|db[\\/](startupRead|schema))/,
                priority: 10,
              },
            ],
          },
        },
      },
    },
  };
});

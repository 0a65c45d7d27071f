import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { manifestFor } from './manifest.config.ts';
import { buildClassicScript } from './scripts/classicScript.mjs';
import { preactWithoutInnerHtml } from './scripts/preactWithoutInnerHtml.mjs';

/**
 * Builds `entry` on its own as one classic script, every import inlined, emitted as `fileName` and loaded
 * `async` by the page `html` (its path under the root). A module script runs only once the page's whole
 * module graph has loaded; this runs as soon as its one file has, so the popup's first read starts ~30 ms
 * sooner (src/popup/startup.ts), and the options page has the database open before Dexie asks
 * (src/options/startup.ts).
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

/**
 * PouchDB can evaluate map, reduce and filter functions given as text (`scopeEval`, a `new Function` in disguise).
 * Trust Notes never hands it any, and the pages' CSP would refuse them anyway: the one place is replaced by a refusal,
 * so no bundle carries dynamic code (the e2e suite checks the built files). A PouchDB that moved or renamed it fails the
 * build here, to be looked at again.
 */
function pouchWithoutEval(): Plugin {
  const evaluating = 'return Function.apply(null, keys).apply(null, values);';
  return {
    name: 'trust-notes:pouchdb-without-eval',
    transform(code, id) {
      if (!/[\\/]pouchdb-browser[\\/]lib[\\/]/.test(id)) return undefined;
      if (!code.includes(evaluating)) throw new Error(`pouchdb-browser changed: no scopeEval in ${id}`);
      return code.replace(
        evaluating,
        "throw new Error('Trust Notes runs no code given as text (PouchDB map, reduce or filter functions)');",
      );
    },
  };
}

/**
 * The two shared chunks, by folder, so a new module lands in the right one by where it lives. An extension page
 * waits on every module file it loads (measured: ~15 files took the popup ~100 ms on a busy machine), so pages
 * share these two instead of one chunk per combination of pages; code used by one page or view stays in that
 * page's own chunk.
 * - `data`: Dexie and everything that uses it. The worker, the options page and the panel load it at once; the
 *   popup only after its first render (db/startupRead.ts reads that without Dexie).
 * - `ui`: Preact, the browser API, the domain rules, the messages, and ui/'s components and i18n, which need no
 *   database. test/unit/lint/layers.test.ts checks that nothing in these folders loads a `data` module.
 * A path matches a folder when it contains it; `data` is tested first, so the `ui` list names the two modules of
 * src/db/ that load no Dexie, and `data` leaves them out.
 */
export const SHARED_CHUNKS = {
  data: ['/node_modules/dexie/', '/src/db/', '/src/ui/data/'],
  ui: [
    'vite/preload-helper',
    '/node_modules/preact/',
    '/node_modules/@preact/',
    '/node_modules/webextension-polyfill/',
    '/src/core/',
    '/src/messages/',
    '/src/ui/components/',
    '/src/ui/i18n/',
    '/src/db/startupRead.ts',
    '/src/db/schema.ts',
  ],
} as const;

const within = (id: string, paths: readonly string[]) => {
  const path = id.replaceAll('\\', '/');
  return paths.some((p) => path.includes(p));
};

/** Whether module `id` belongs in shared chunk `name`. */
export function inChunk(name: keyof typeof SHARED_CHUNKS): (id: string) => boolean {
  if (name === 'ui') return (id) => within(id, SHARED_CHUNKS.ui);
  return (id) => within(id, SHARED_CHUNKS.data) && !within(id, SHARED_CHUNKS.ui);
}

/**
 * The build a mode names. `npm run build` (mode `production`) and `build:firefox` (mode `firefox`) are the
 * development builds the tests, the bench and `npm start` load: they carry the demo page. The release modes
 * (`release`, `firefox-release`; `npm run build:release`) leave it out and write to release/, where
 * `npm run package` zips them for the stores.
 */
export function buildFor(mode: string) {
  const browser: 'chrome' | 'firefox' = mode.startsWith('firefox') ? 'firefox' : 'chrome';
  const release = mode === 'release' || mode === 'firefox-release';
  const outDir = release ? `release/${browser}` : browser === 'firefox' ? 'dist-firefox' : 'dist';
  return { browser, release, outDir };
}

export default defineConfig(({ mode }) => {
  const { browser, release, outDir } = buildFor(mode);
  // Every build is a production build, whatever NODE_ENV the shell (or a test runner) set: with another value
  // Preact's JSX compiles in development form, carrying each source file's absolute path into the bundle, and
  // the packages would depend on the folder they were built in. Vite reads this after the config.
  process.env.NODE_ENV = 'production';
  // A release takes nothing from the environment: VITE_* variables reach the code (a test-only schema upgrade
  // is switched on that way), so one left set in the shell must not slip into a store package.
  const fromEnvironment = Object.keys(process.env).filter((key) => key.startsWith('VITE_'));
  if (release && fromEnvironment.length > 0) {
    throw new Error(
      `A release build takes nothing from the environment: unset ${fromEnvironment.join(', ')}.`,
    );
  }
  return {
    plugins: [
      pouchWithoutEval(),
      preact(),
      preactWithoutInnerHtml(),
      classicScript('src/popup/startup.ts', 'popup-startup.js', 'src/popup/index.html'),
      classicScript('src/options/startup.ts', 'options-startup.js', 'src/options/index.html'),
      crx({
        manifest: manifestFor(browser),
        browser,
        // The content script must not import() chunks: crxjs would list them as web-accessible
        // with fixed URLs, and LinkedIn probes fixed chrome-extension:// URLs to detect extensions.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Extension pages load from disk; source maps would only bloat the package.
      sourcemap: false,
      modulePreload: { polyfill: false },
      rollupOptions: {
        // The panel is only reached through web_accessible_resources; the demo page only by `npm start` and
        // the tests, so the stores' packages never carry it.
        input: {
          panel: 'src/panel/index.html',
          ...(release ? {} : { demo: 'src/demo/index.html' }),
        } satisfies Record<string, string>,
        // Required with includeDependenciesRecursively: false (below); no entry's exports are used.
        preserveEntrySignatures: 'allow-extension',
        // Two shared chunks instead of one per combination of pages (SHARED_CHUNKS, above).
        output: {
          codeSplitting: {
            // Rolldown would otherwise pull everything `data`'s modules import (Preact, the domain rules)
            // into `data`, and `ui` would import it: the popup would load Dexie before its first render.
            includeDependenciesRecursively: false,
            groups: [
              { name: 'data', test: inChunk('data'), priority: 20 },
              { name: 'ui', test: inChunk('ui'), priority: 10 },
            ],
          },
        },
      },
    },
  };
});

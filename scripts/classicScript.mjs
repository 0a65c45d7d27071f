// One TypeScript entry and every module it imports, bundled into a single classic script (an IIFE): for the
// popup's early script (vite.config.ts) and for the test bundles the e2e tests and the bench evaluate
// inside extension pages (test/bench/seedBundle.mjs, test/e2e/workerHarness.mjs).
import { build } from 'vite';

/**
 * The script's text. Evaluating it defines `globalThis[name]` only if the caller appends that; the IIFE
 * itself keeps its exports in a local `var name`.
 * @param {string} entry absolute path, or relative to `root`
 * @param {{ name: string, root?: string, minify?: boolean }} options
 */
export async function buildClassicScript(entry, { name, root, minify = true }) {
  const result = await build({
    configFile: false,
    logLevel: 'error',
    root,
    build: {
      write: false,
      minify,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = outputs.find((output) => output.type === 'chunk');
  if (!chunk) throw new Error(`${entry}: the bundle has no output`);
  return chunk.code;
}

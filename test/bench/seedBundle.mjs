// Bundles test/bench/seed.ts (and the src/ modules it uses) into one classic script, so the e2e tests
// and the bench can evaluate it inside an extension page and seed Chromium's real IndexedDB.
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from '../e2e/browser.mjs';

let cached;

/** The script text; evaluating it defines `globalThis.TrustNotesSeed` (seedNetwork, seedRecords, …). */
export async function seedScript() {
  if (cached) return cached;
  const result = await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(ROOT, 'test/bench/seed.ts'), formats: ['iife'], name: 'TrustNotesSeed' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk) throw new Error('seed bundle: no output');
  cached = `${chunk.code}\nglobalThis.TrustNotesSeed = TrustNotesSeed;`;
  return cached;
}

/**
 * Runs `fn(TrustNotesSeed, arg)` in an extension page (which must have opened the database already, e.g.
 * the options page) and returns its result.
 * @param {import('playwright-core').Page} page
 * @param {string} body  a function expression's source: `(seed, arg) => seed.seedNetwork(arg)`
 * @param {unknown} [arg]  JSON-serialisable argument
 */
export async function withSeed(page, body, arg) {
  const defined = await page.evaluate(() => 'TrustNotesSeed' in globalThis);
  if (!defined) await page.evaluate(await seedScript());
  return page.evaluate(`(${body})(globalThis.TrustNotesSeed, ${JSON.stringify(arg ?? null)})`);
}

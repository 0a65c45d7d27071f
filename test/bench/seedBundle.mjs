// Bundles a TS entry such as test/bench/seed.ts (and the src/ modules it uses) into one classic script, so
// the e2e tests and the bench can evaluate it inside an extension page against Chromium's real IndexedDB.
import { join } from 'node:path';
import { buildClassicScript } from '../../scripts/classicScript.mjs';
import { ROOT } from '../e2e/browser.mjs';

const cached = new Map();

/**
 * The text of a classic script bundling `entry` (a path under the repository) and the src/ modules it
 * uses; evaluating it defines `globalThis[name]` with the entry's exports. Built once per process.
 * @param {string} entry
 * @param {string} name
 */
export function bundleScript(entry, name) {
  if (!cached.has(entry)) cached.set(entry, buildScript(entry, name));
  return cached.get(entry);
}

async function buildScript(entry, name) {
  const code = await buildClassicScript(join(ROOT, entry), { name, root: ROOT, minify: false });
  return `${code}\nglobalThis.${name} = ${name};`;
}

/** The script text; evaluating it defines `globalThis.TrustNotesSeed` (seedGenerated, seedRecords, …). */
export function seedScript() {
  return bundleScript('test/bench/seed.ts', 'TrustNotesSeed');
}

/**
 * Runs `fn(TrustNotesSeed, arg)` in an extension page (which must have opened the database already, e.g.
 * the options page) and returns its result.
 * @param {import('playwright-core').Page} page
 * @param {string} body  a function expression's source: `(seed, arg) => seed.seedGenerated(arg)`
 * @param {unknown} [arg]  JSON-serialisable argument
 */
export async function withSeed(page, body, arg) {
  const defined = await page.evaluate(() => 'TrustNotesSeed' in globalThis);
  if (!defined) await page.evaluate(await seedScript());
  return page.evaluate(`(${body})(globalThis.TrustNotesSeed, ${JSON.stringify(arg ?? null)})`);
}

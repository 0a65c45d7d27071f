// `npm run bench`: builds the extension, measures every scenario in real Chromium, and prints one table.
import { execSync } from 'node:child_process';
import { ROOT } from '../e2e/browser.mjs';
import { appRows } from './appRows.mjs';
import { archiveRows } from './archiveRows.mjs';
import { printTable } from './harness.mjs';
import { importRows } from './importRows.mjs';
import { panelRows } from './panelRows.mjs';
import { syncRows } from './syncRows.mjs';
import { workerRows } from './workerRows.mjs';

execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });

const NAVIGATIONS = 20;
// `npm run bench -- app panel` measures only the named groups; no argument measures them all.
const groups = {
  panel: () => panelRows(NAVIGATIONS),
  worker: () => workerRows(),
  app: () => appRows(),
  import: () => importRows(),
  // SYNC_BENCH_PEOPLE=3000 measures a smaller ledger (twice as many works), for quick comparisons.
  sync: () =>
    syncRows(
      process.env.SYNC_BENCH_PEOPLE
        ? { people: Number(process.env.SYNC_BENCH_PEOPLE), works: 2 * Number(process.env.SYNC_BENCH_PEOPLE) }
        : undefined,
    ),
  archive: () => archiveRows(),
};
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in groups));
if (unknown.length > 0) {
  throw new Error(`bench: unknown group(s) ${unknown.join(', ')}; known: ${Object.keys(groups).join(', ')}`);
}
const rows = [];
for (const [name, measure] of Object.entries(groups)) {
  if (chosen.length === 0 || chosen.includes(name)) rows.push(...(await measure()));
}

printTable(rows);

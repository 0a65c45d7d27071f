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
  // `--sync-people=3000` measures a smaller ledger (twice as many works), for quick comparisons.
  sync: () => syncRows(syncOptions()),
  archive: () => archiveRows(archiveOptions()),
};
// `--archive-scale=0.1` runs the archive bench on a tenth of its archive (and of its big messages.csv), to compare two
// versions quickly before one full-size run. Its ratios run higher than full size's (1.5–1.6× at a tenth when full
// size gives 1.2–1.3×): fixed costs weigh more in a smaller import, so the figures are full size.
const options = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const chosen = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
function archiveOptions() {
  const scaleArg = options.find((arg) => arg.startsWith('--archive-scale='));
  if (!scaleArg) return {};
  const scale = Number(scaleArg.split('=')[1]);
  if (!(scale > 0 && scale <= 1))
    throw new Error(`bench: --archive-scale wants a number in (0, 1], got ${scaleArg}`);
  return { scale };
}
function syncOptions() {
  const peopleArg = options.find((arg) => arg.startsWith('--sync-people='));
  if (!peopleArg) return undefined;
  const people = Number(peopleArg.split('=')[1]);
  if (!(Number.isInteger(people) && people > 0))
    throw new Error(`bench: --sync-people wants a whole number above 0, got ${peopleArg}`);
  return { people, works: 2 * people };
}
const OPTIONS = ['--archive-scale=', '--sync-people='];
const unknownOptions = options.filter((arg) => !OPTIONS.some((known) => arg.startsWith(known)));
if (unknownOptions.length > 0) throw new Error(`bench: unknown option(s) ${unknownOptions.join(', ')}`);
const unknown = chosen.filter((name) => !(name in groups));
if (unknown.length > 0) {
  throw new Error(`bench: unknown group(s) ${unknown.join(', ')}; known: ${Object.keys(groups).join(', ')}`);
}
const rows = [];
for (const [name, measure] of Object.entries(groups)) {
  if (chosen.length === 0 || chosen.includes(name)) rows.push(...(await measure()));
}

printTable(rows);

// `npm run bench`: builds nothing itself (run `npm run build` first, as the script does), measures
// every scenario in real Chromium, and prints one table.
import { execSync } from 'node:child_process';
import { ROOT } from '../e2e/browser.mjs';
import { BASELINE_EXTENSION, DIST, measureMount } from './contentMount.mjs';
import { printTable } from './harness.mjs';
import { workerRows } from './workerRows.mjs';

execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });

const NAVIGATIONS = 20;
const rows = [];
rows.push({
  name: 'baseline: append a div',
  unit: 'ms',
  samples: await measureMount(BASELINE_EXTENSION, NAVIGATIONS),
});
rows.push({
  name: 'name → host mounted',
  unit: 'ms',
  samples: await measureMount(DIST, NAVIGATIONS),
  baseline: 'baseline: append a div',
  target: '≤ 2× baseline, ≤ 100 ms',
});
rows.push(...(await workerRows()));

printTable(rows);

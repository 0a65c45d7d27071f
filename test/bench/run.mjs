// `npm run bench`: builds the extension, measures every scenario in real Chromium, and prints one table.
import { execSync } from 'node:child_process';
import { ROOT } from '../e2e/browser.mjs';
import { appRows } from './appRows.mjs';
import { printTable } from './harness.mjs';
import { importRows } from './importRows.mjs';
import { panelRows } from './panelRows.mjs';
import { workerRows } from './workerRows.mjs';

execSync('npx vite build', { cwd: ROOT, stdio: 'ignore' });

const NAVIGATIONS = 20;
const rows = [];
rows.push(...(await panelRows(NAVIGATIONS)));
rows.push(...(await workerRows()));
rows.push(...(await appRows()));
rows.push(...(await importRows()));

printTable(rows);

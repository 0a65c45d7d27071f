// `npm run release-check`: everything that must hold before a version is tagged and uploaded, in order, then one
// table of what passed. A failed step does not stop the others, except the checks of the packages when packaging
// itself failed. Exits non-zero unless every step passed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changelogHasEntry, ROOT, VERSION } from './release.mjs';

/** @type {Array<{ name: string, command?: string, check?: () => string | null, needs?: string }>} */
const STEPS = [
  { name: 'full test suite', command: 'npm test' },
  { name: 'packages and source zip', command: 'npm run package' },
  { name: 'listing images (store/)', command: 'npm run store' },
  {
    name: 'packaged zips: contents, web-ext lint, smoke e2e',
    command: 'npm run test:package',
    needs: 'packages and source zip',
  },
  {
    name: 'rebuild from the source zip',
    command: 'npm run test:reproducible',
    needs: 'packages and source zip',
  },
  {
    name: `CHANGELOG.md entry for ${VERSION}`,
    check: () =>
      changelogHasEntry(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), VERSION)
        ? null
        : `CHANGELOG.md has no "## ${VERSION}" heading: add one that says what changed.`,
  },
];

/** @type {Map<string, { result: 'passed' | 'FAILED' | 'not run', seconds: number, note: string }>} */
const results = new Map();
for (const step of STEPS) {
  const started = Date.now();
  if (step.needs && results.get(step.needs)?.result !== 'passed') {
    results.set(step.name, { result: 'not run', seconds: 0, note: `needs "${step.needs}"` });
    continue;
  }
  console.log(`\n=== ${step.name}${step.command ? `: ${step.command}` : ''}\n`);
  let problem = null;
  if (step.command) {
    const run = spawnSync(step.command, { cwd: ROOT, stdio: 'inherit', shell: true });
    if (run.status !== 0) problem = `exit code ${run.status ?? run.signal}`;
  } else if (step.check) {
    problem = step.check();
    if (problem) console.error(problem);
  }
  results.set(step.name, {
    result: problem ? 'FAILED' : 'passed',
    seconds: Math.round((Date.now() - started) / 1000),
    note: problem ?? '',
  });
}

const rows = [...results].map(([name, r]) => [name, r.result, r.seconds ? `${r.seconds} s` : '', r.note]);
const header = ['step', 'result', 'time', 'note'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log(`\nRelease check for Trust Notes ${VERSION}:\n`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
const passed = [...results.values()].every((r) => r.result === 'passed');
console.log(
  passed
    ? `\nAll passed. Upload release/trust-notes-${VERSION}-{chrome,firefox,source}.zip; the listing is in store/.`
    : '\nNot ready: see the steps above that did not pass.',
);
process.exit(passed ? 0 : 1);

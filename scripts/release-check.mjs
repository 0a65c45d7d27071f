// `npm run release-check`: everything that must hold before a version is tagged and uploaded, in order, then one
// table of what passed. A failed step does not stop the others, except the checks of the packages when packaging
// itself failed. Exits non-zero unless every step passed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { changelogHasEntry, ROOT, VERSION } from './release.mjs';

/**
 * @typedef {{ name: string, command?: string, check?: () => string | null, needs?: string }} Step
 * @typedef {{ name: string, result: 'passed' | 'FAILED' | 'not run', seconds: number, note: string }} StepResult
 */

/** The steps, in the order they run. @type {Step[]} */
export const STEPS = [
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

/** Runs a shell command in the project, its output shown as it goes; the problem, or null when it passed. */
function runCommand(command) {
  const run = spawnSync(command, { cwd: ROOT, stdio: 'inherit', shell: true });
  return run.status === 0 ? null : `exit code ${run.status ?? run.signal}`;
}

/**
 * Runs `steps` in order and returns one result each. A step whose `needs` did not pass is not run.
 * @param {Step[]} steps
 * @param {{ run?: (command: string) => string | null, now?: () => number, log?: (line: string) => void }} [io]
 * @returns {StepResult[]}
 */
export function runSteps(steps, { run = runCommand, now = Date.now, log = console.log } = {}) {
  /** @type {StepResult[]} */
  const results = [];
  for (const step of steps) {
    const needed = step.needs && results.find((r) => r.name === step.needs);
    if (step.needs && needed?.result !== 'passed') {
      results.push({ name: step.name, result: 'not run', seconds: 0, note: `needs "${step.needs}"` });
      continue;
    }
    log(`\n=== ${step.name}${step.command ? `: ${step.command}` : ''}\n`);
    const started = now();
    let problem = null;
    if (step.command) problem = run(step.command);
    else if (step.check) problem = step.check();
    if (problem) log(problem);
    results.push({
      name: step.name,
      result: problem ? 'FAILED' : 'passed',
      seconds: Math.round((now() - started) / 1000),
      note: problem ?? '',
    });
  }
  return results;
}

/**
 * The one table of results, in Markdown.
 * @param {StepResult[]} results
 */
export function resultsTable(results) {
  const rows = results.map((r) => [r.name, r.result, r.seconds ? `${r.seconds} s` : '', r.note]);
  const header = ['step', 'result', 'time', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = runSteps(STEPS);
  const passed = results.every((r) => r.result === 'passed');
  console.log(`\nRelease check for Trust Notes ${VERSION}:\n`);
  console.log(resultsTable(results));
  console.log(
    passed
      ? `\nAll passed. Upload release/trust-notes-${VERSION}-{chrome,firefox,source}.zip; the listing is in store/.`
      : '\nNot ready: see the steps above that did not pass.',
  );
  process.exit(passed ? 0 : 1);
}

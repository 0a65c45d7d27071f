// @vitest-environment node
// `npm run release-check` (scripts/release-check.mjs): the issue's five checks in their order, the packages'
// checks skipped when packaging failed, every other step run even after a failure, and one table at the end.
import { expect, test } from 'vitest';
import { VERSION } from '../../../scripts/release.mjs';
import { resultsTable, runSteps, STEPS } from '../../../scripts/release-check.mjs';

const quiet = { log: () => {} };

test('it runs the full tests, packaging, the packaged smoke e2e, the rebuild and the changelog check, in that order', () => {
  const commands = STEPS.map((step) => step.command ?? step.name);
  const order = [
    'npm test',
    'npm run package',
    'npm run test:package',
    'npm run test:reproducible',
    `CHANGELOG.md entry for ${VERSION}`,
  ].map((command) => commands.indexOf(command));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // The listing images are made too, so a passing check leaves store/ complete.
  expect(commands).toContain('npm run store');
});

test('the changelog step passes on this checkout: CHANGELOG.md has an entry for package.json’s version', () => {
  const changelog = STEPS.find((step) => step.check)!;
  expect(changelog.check!()).toBeNull();
});

test('a failed step does not stop the others; checks of missing packages are not run', () => {
  const ran: string[] = [];
  const results = runSteps(STEPS, {
    ...quiet,
    run: (command) => {
      ran.push(command);
      return command === 'npm run package' ? 'exit code 1' : null;
    },
  });
  expect(ran).toEqual(['npm test', 'npm run package', 'npm run store']);
  expect(results.map((r) => r.result)).toEqual([
    'passed',
    'FAILED',
    'passed',
    'not run',
    'not run',
    'passed',
  ]);
  expect(results[3]!.note).toBe('needs "packages and source zip"');
});

test('every step runs when all pass, and the table has one row per step', () => {
  let clock = 0;
  const results = runSteps(STEPS, {
    ...quiet,
    run: () => null,
    now: () => (clock += 61_000),
  });
  expect(results.every((r) => r.result === 'passed')).toBe(true);
  const table = resultsTable(results).split('\n');
  expect(table).toHaveLength(2 + STEPS.length);
  expect(table[0]).toMatch(/^\| step +\| result +\| time +\| note +\|$/);
  expect(table[1]).toMatch(/^\|-+\|-+\|-+\|-+\|$/);
  for (const [i, step] of STEPS.entries()) {
    expect(table[i + 2]).toMatch(
      new RegExp(`^\\| ${step.name.replace(/[.()]/g, '\\$&')} +\\| passed +\\| 61 s +\\|`),
    );
  }
  // Aligned: every line as long as the header.
  expect(new Set(table.map((line) => line.length)).size).toBe(1);
});

test('a failing check says what to do in the table', () => {
  const results = runSteps(
    [{ name: 'changelog', check: () => 'CHANGELOG.md has no "## 9.9.9" heading' }],
    quiet,
  );
  expect(resultsTable(results)).toContain(
    '| changelog | FAILED |      | CHANGELOG.md has no "## 9.9.9" heading |',
  );
});

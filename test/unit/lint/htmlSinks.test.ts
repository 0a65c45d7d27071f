// The Biome plugin that forbids HTML and code sinks (biome-plugins/no-html-sinks.grit), run by Biome itself on
// a fixture of every sink: each line marked `// sink` is reported, no line marked `// safe` is.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const FIXTURE = join(ROOT, 'test/fixtures/lint/html-sinks.tsx');
const dir = mkdtempSync(join(tmpdir(), 'trust-notes-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines of `file` marked with `marker`, 1-based. */
function marked(text: string, marker: string): number[] {
  return text.split('\n').flatMap((line, i) => (line.trimEnd().endsWith(marker) ? [i + 1] : []));
}

test('every sink in the fixture is reported, and nothing else', () => {
  // The fixture alone, with the project's plugin and no other rule, outside the project (which leaves it out).
  copyFileSync(FIXTURE, join(dir, 'html-sinks.tsx'));
  writeFileSync(
    join(dir, 'biome.json'),
    JSON.stringify({
      root: true,
      plugins: [join(ROOT, 'biome-plugins/no-html-sinks.grit')],
      linter: { enabled: true, rules: { preset: 'none' } },
    }),
  );
  let output: string;
  try {
    output = execFileSync(
      join(ROOT, 'node_modules/.bin/biome'),
      ['lint', '--reporter=json', 'html-sinks.tsx'],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (e) {
    // Biome exits 1 when it reports errors: the expected case.
    output = (e as { stdout: string }).stdout;
  }
  const report = JSON.parse(output) as {
    diagnostics: { category: string; location: { start: { line: number } } }[];
  };
  const reported = report.diagnostics
    .filter((d) => d.category === 'plugin')
    .map((d) => d.location.start.line)
    .sort((x, y) => x - y);
  const text = readFileSync(FIXTURE, 'utf8');
  expect(marked(text, '// sink').length).toBeGreaterThanOrEqual(20);
  expect(reported).toEqual(marked(text, '// sink'));
});

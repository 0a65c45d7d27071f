// A build from the source zip, in an empty folder elsewhere, gives byte-identical extension files: what AMO's
// reviewers rebuild is what users install. It unpacks the source zip, runs BUILD.md's two commands (`npm ci` reaches
// the npm registry) and compares every file with the packages `npm run package` wrote.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { filesUnder, unzipTo } from '../../scripts/zip.mjs';
import { PACKAGES, packageFiles } from './packages.ts';

let dir: string;

beforeAll(() => {
  packageFiles('source');
  dir = mkdtempSync(join(tmpdir(), 'trust-notes-rebuild-'));
  unzipTo(PACKAGES.source, dir);
  const run = (command: string) =>
    execSync(command, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  run('npm ci --no-audit --no-fund');
  run('npm run build:release');
}, 600_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.each(['chrome', 'firefox'] as const)(
  'every file of the %s package is rebuilt byte for byte from the source zip, and no other file',
  (browser) => {
    const shipped = packageFiles(browser);
    const rebuilt = Object.fromEntries(
      filesUnder(join(dir, 'release', browser)).map((f) => [f.path, f.data]),
    );
    expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(shipped).sort());
    const differing = Object.keys(shipped).filter(
      (path) => !Buffer.from(shipped[path]!).equals(Buffer.from(rebuilt[path]!)),
    );
    expect(differing).toEqual([]);
  },
);

// `npm run package`: the release builds of both browsers, zipped for the stores, and the source zip AMO's
// reviewers need for bundled code (every file git tracks, with a BUILD.md of the exact commands and versions).
// Writes release/trust-notes-<version>-{chrome,firefox,source}.zip and release/SHA256SUMS. Zips are reproducible
// (scripts/zip.mjs), and a build from the source zip gives the same extension files
// (test/release/reproducible.release.ts).
import { execFileSync, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInstructions, packagePaths, ROOT, VERSION } from './release.mjs';
import { filesUnder, reproducibleZip } from './zip.mjs';

const run = (command) => execSync(command, { cwd: ROOT, stdio: 'inherit' });

run('npm run build:release');

const paths = packagePaths(VERSION);
mkdirSync(join(ROOT, 'release'), { recursive: true });
for (const browser of /** @type {const} */ (['chrome', 'firefox'])) {
  writeFileSync(paths[browser], reproducibleZip(filesUnder(join(ROOT, 'release', browser))));
}

// The sources: what git tracks, as it is in the work tree (a file changed but not committed goes in as it is
// now, and the warning below says so).
const tracked = execFileSync('git', ['ls-files', '-s', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean)
  .map((line) => {
    const [info, path] = line.split('\t');
    return { path, mode: info.split(' ')[0] };
  })
  // A submodule or symlink has no file content to ship.
  .filter(({ mode }) => mode === '100644' || mode === '100755');
const sources = tracked.map(({ path, mode }) => ({
  path,
  data: readFileSync(join(ROOT, path)),
  executable: mode === '100755',
}));
const npmVersion = execSync('npm --version', { cwd: ROOT, encoding: 'utf8' }).trim();
sources.push({
  path: 'BUILD.md',
  data: Buffer.from(buildInstructions({ version: VERSION, node: process.version, npm: npmVersion })),
});
writeFileSync(paths.source, reproducibleZip(sources));

const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
  cwd: ROOT,
  encoding: 'utf8',
});
if (dirty.trim()) {
  console.warn(
    '\nWarning: tracked files have uncommitted changes; the source zip holds them as they are now:',
  );
  console.warn(dirty.trimEnd());
}

const sums = Object.values(paths).map((path) => {
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
  return `${hash}  ${path.slice(join(ROOT, 'release/').length)}`;
});
writeFileSync(join(ROOT, 'release/SHA256SUMS'), `${sums.join('\n')}\n`);

console.log(`\nTrust Notes ${VERSION}, built with Node ${process.version} and npm ${npmVersion}:`);
for (const path of Object.values(paths)) {
  console.log(`  ${path.slice(ROOT.length + 1)}  (${Math.round(statSync(path).size / 1024)} KiB)`);
}
console.log('  release/SHA256SUMS');

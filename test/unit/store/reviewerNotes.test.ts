// @vitest-environment node
// AMO's reviewers read store/reviewer-notes.md beside the source zip. It must stay true as the code grows: every
// library the package bundles (package.json's dependencies), at the version the lock file installs, and every
// build-time change to a library's code, named with the file that makes it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(__dirname, '../../..');
const notes = readFileSync(join(ROOT, 'store/reviewer-notes.md'), 'utf8').replace(/\s+/g, ' ');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

test('it names every bundled library with the exact version package-lock.json installs', () => {
  const dependencies = Object.keys(pkg.dependencies);
  expect(dependencies.length).toBeGreaterThan(0);
  const unnamed = dependencies
    .map((name) => `\`${name}\` ${lock.packages[`node_modules/${name}`].version}`)
    .filter((named) => !notes.includes(named));
  expect(unnamed).toEqual([]);
});

test('it names each build-time change to a library: every plugin of ours that takes something out of one', () => {
  // Such a plugin is named `trust-notes:<library>-without-<what>`, in vite.config.ts or a module of scripts/.
  const sources = [
    'vite.config.ts',
    ...readdirSync(join(ROOT, 'scripts'))
      .filter((file) => file.endsWith('.mjs'))
      .map((file) => `scripts/${file}`),
  ].map((file) => readFileSync(join(ROOT, file), 'utf8'));
  const plugins = sources.flatMap((source) =>
    [...source.matchAll(/name: '(trust-notes:[\w-]+-without-[\w-]+)'/g)].map(([, name]) => name),
  );
  expect(plugins).toContain('trust-notes:preact-without-innerhtml');
  expect(plugins.filter((name) => !notes.includes(`\`${name}\``))).toEqual([]);
});

// A property of a selector is set in one stylesheet. Two sheets setting it differently leave the winner to the
// order the build puts them in, which no one chose: controls.css and trust.css both styled `input, select,
// textarea`, one with 4px/6px padding and one with 5px/8px, and the 4px/6px rule was dead in every build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import postcss, { type Rule } from 'postcss';
import { expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** Where a rule applies: the at-rules around it (a dark-mode block is not the light one) and its selectors. */
function contextOf(rule: Rule): string {
  const around: string[] = [];
  for (let parent = rule.parent; parent && parent.type === 'atrule'; parent = parent.parent) {
    const at = parent as postcss.AtRule;
    around.unshift(`@${at.name} ${at.params}`);
  }
  const selectors = rule.selectors.map((selector) => selector.replace(/\s+/g, ' ').trim()).sort();
  return [...around, selectors.join(', ')].join(' ');
}

/** Every (context, property) a sheet sets, with the files that set it. */
function setters(files: string[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of files) {
    postcss.parse(readFileSync(file, 'utf8'), { from: file }).walkRules((rule) => {
      rule.walkDecls((decl) => {
        if (decl.parent !== rule) return;
        const key = `${contextOf(rule)} { ${decl.prop} }`;
        const where = found.get(key) ?? new Set<string>();
        where.add(relative(ROOT, file));
        found.set(key, where);
      });
    });
  }
  return found;
}

test('no two stylesheets in src/ set the same property of the same selector', () => {
  const clashes = [...setters(stylesheets(join(ROOT, 'src'))).entries()]
    .filter(([, files]) => files.size > 1)
    .map(([key, files]) => `${key}: ${[...files].sort().join(' and ')}`);
  expect(clashes).toEqual([]);
});

test('the check sees a property two sheets set', () => {
  const dir = join(ROOT, 'test/fixtures/css-clash');
  const clashes = [...setters(stylesheets(dir)).entries()].filter(([, files]) => files.size > 1);
  expect(clashes.map(([key]) => key)).toEqual(['input, select, textarea { padding-block }']);
});

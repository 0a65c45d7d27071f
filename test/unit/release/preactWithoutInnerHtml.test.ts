// The build replaces Preact's one innerHTML write (scripts/preactWithoutInnerHtml.mjs). These run the transformed
// Preact for real: it still renders, and the dangerouslySetInnerHTML prop throws instead of writing HTML.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PREACT_MODULE, withoutInnerHtml } from '../../../scripts/preactWithoutInnerHtml.mjs';

const preactFile = createRequire(import.meta.url).resolve('preact');
const original = readFileSync(preactFile, 'utf8');
type Preact = typeof import('preact');
let preact: Preact;
let dir: string;

beforeAll(async () => {
  // Inside the project: the test runner resolves modules from there (a /tmp path reads as root-relative).
  const cache = join(__dirname, '../../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, 'tn-preact-'));
  const file = join(dir, 'preact.mjs');
  writeFileSync(file, withoutInnerHtml(original));
  preact = (await import(/* @vite-ignore */ file)) as Preact;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the plugin applies to the file Preact resolves to', () => {
  expect(preactFile).toMatch(PREACT_MODULE);
});

test('the untouched Preact writes innerHTML once; the transformed one never does', () => {
  expect(original.match(/\.innerHTML=/g)).toHaveLength(1);
  expect(withoutInnerHtml(original)).not.toMatch(/\.innerHTML\s*=/);
});

test('transformed Preact still renders and updates elements, text and attributes', () => {
  const root = document.createElement('div');
  preact.render(preact.h('p', { class: 'a', title: '<b>x</b>' }, 'Hello <b>world</b>'), root);
  preact.render(preact.h('p', { class: 'b', title: '<b>x</b>' }, 'Hello <b>world</b>'), root);
  expect(root.children).toHaveLength(1);
  expect(root.firstElementChild?.className).toBe('b');
  expect(root.textContent).toBe('Hello <b>world</b>');
  expect(root.querySelector('b')).toBeNull();
});

test('dangerouslySetInnerHTML throws and leaves no HTML in the page', () => {
  const root = document.createElement('div');
  const html = { __html: '<img src=x onerror="alert(1)"><b>owned</b>' };
  expect(() => preact.render(preact.h('div', { dangerouslySetInnerHTML: html }), root)).toThrow(
    /dangerouslySetInnerHTML is refused/,
  );
  expect(root.querySelector('img, b')).toBeNull();
});

test('a Preact whose code changed fails the build instead of shipping unchecked', () => {
  expect(() => withoutInnerHtml('export const x = 1;')).toThrow(/expected one innerHTML write/);
  const twice = 'a.innerHTML=b.__html;c.innerHTML=d.__html';
  expect(() => withoutInnerHtml(twice)).toThrow(/found 2/);
});

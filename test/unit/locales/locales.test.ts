import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const dir = join(__dirname, '../../../public/_locales');
const load = (lang: string) =>
  JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = load('en');
const locales = readdirSync(dir).filter((d) => d !== 'en');

describe.each(locales)('locale %s', (lang) => {
  const other = load(lang);
  test('has exactly the keys of the English locale', () => {
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
  });
  test('has no empty message and keeps every $n substitution', () => {
    for (const [key, { message }] of Object.entries(en)) {
      const translated = other[key]?.message ?? '';
      expect(translated, key).not.toBe('');
      const subs = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      expect(subs(translated), key).toEqual(subs(message));
    }
  });
});

test('Arabic is right to left and English left to right', () => {
  expect(load('ar').app_dir?.message).toBe('rtl');
  expect(en.app_dir?.message).toBe('ltr');
});

test('manifest strings come from the English locale', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../../manifest.json'), 'utf8'));
  for (const field of ['name', 'short_name', 'description']) {
    const m = /^__MSG_(\w+)__$/.exec(manifest[field]);
    expect(m, field).not.toBeNull();
    expect(en[m![1]!]).toBeDefined();
  }
});

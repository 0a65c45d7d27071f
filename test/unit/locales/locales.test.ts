// The one locale test: every locale in public/_locales has exactly the English keys, with the same substitutions
// and placeholders, in its own words; and every key is used somewhere. That a key the code names exists is tsc's
// job (t() and the keys.ts maps take only a MessageKey typed from the English catalog), so parity here carries it
// to every other locale.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Entry>;

const root = join(import.meta.dirname, '../../..');
const dir = join(root, 'public/_locales');
const load = (lang: string) => JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const locales = readdirSync(dir);
const translations = locales.filter((lang) => lang !== 'en');

/** A letter of each translation's own script, so an English string left in by mistake is caught. */
const SCRIPT: Record<string, RegExp> = { ar: /[\u0600-\u06ff]/ };
/** Brand names, and patterns with no words in them ("$1 ($2)"), written the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'options_archive_review_file',
  'options_site_github',
  'options_site_x',
  'options_site_gitlab',
  'options_site_stackoverflow',
  'options_site_behance',
  'options_site_dribbble',
]);

/** `$1`…`$9`, the positional substitutions t() and browser.i18n fill in. */
const positional = (message: string) => [...message.matchAll(/\$(\d)/g)].map((m) => m[1]).sort();
/** `$NAME$`, named placeholders, which browser.i18n looks up case-insensitively in `placeholders`. */
const named = (message: string) =>
  [...message.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)\$/g)].map((m) => m[1]!.toLowerCase());

test('there is an English and an Arabic locale, and nothing else is in _locales', () => {
  expect(locales.sort()).toEqual(['ar', 'en']);
  for (const lang of locales) expect(statSync(join(dir, lang, 'messages.json')).isFile()).toBe(true);
});

describe.each(locales)('locale %s', (lang) => {
  const messages = load(lang);

  test('has exactly the keys of the English locale', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
  });

  test('every key is a valid name with a non-empty message', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  test('keeps every $n substitution and placeholder of the English message', () => {
    for (const [key, source] of Object.entries(en)) {
      const entry = messages[key];
      if (!entry) continue; // reported by the key test above
      expect(positional(entry.message), key).toEqual(positional(source.message));
      const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      expect(declared.sort(), key).toEqual(
        Object.keys(source.placeholders ?? {})
          .map((n) => n.toLowerCase())
          .sort(),
      );
      // Each placeholder is used, each used one declared, and each fills in the same substitution as in English.
      expect([...new Set(named(entry.message))].sort(), key).toEqual(declared.sort());
      for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
        const english = Object.entries(source.placeholders ?? {}).find(
          ([n]) => n.toLowerCase() === name.toLowerCase(),
        );
        expect(content, `${key}.${name}`).toBe(english?.[1].content);
      }
    }
  });
});

describe.each(translations)('translation %s', (lang) => {
  test('is in its own words, not English left in', () => {
    const script = SCRIPT[lang];
    expect(script, `add ${lang}'s script to SCRIPT`).toBeDefined();
    for (const [key, { message }] of Object.entries(load(lang))) {
      if (SAME_IN_EVERY_LANGUAGE.has(key)) continue;
      expect(message, key).not.toBe(en[key]?.message);
      if (key !== 'app_dir') expect(message, key).toMatch(script!);
    }
  });
});

test('Arabic is right to left and English left to right', () => {
  expect(load('ar').app_dir?.message).toBe('rtl');
  expect(en.app_dir?.message).toBe('ltr');
});

const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');

test('every manifest string names a key of the English locale', () => {
  const used = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
  expect(used).toEqual(expect.arrayContaining(['ext_name', 'ext_short_name', 'ext_description']));
  for (const key of used) expect(en[key], key).toBeDefined();
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(entry.name) ? [path] : [];
  });
}

test('every key is used by the code or the manifest', () => {
  // Keys are never built from parts (t() takes only a MessageKey, and the maps in ui/i18n/keys.ts spell each one
  // out), so a key that appears nowhere as a quoted literal, or as __MSG_key__ in the manifest, is dead text that
  // translators would still be asked to keep up. Comments are dropped first, so a mention there does not count.
  const code = sourceFiles(join(root, 'src'))
    .map((file) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm, '$1'))
    .join('\n');
  const literals = new Set([...code.matchAll(/['"`]([A-Za-z0-9_]+)['"`]/g)].map((m) => m[1]));
  for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) literals.add(m[1]);
  const unused = Object.keys(en).filter((key) => !literals.has(key));
  expect(unused).toEqual([]);
});

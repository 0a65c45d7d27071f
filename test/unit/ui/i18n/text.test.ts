import { beforeEach, expect, test, vi } from 'vitest';
import type { MessageKey } from '../../../../src/ui/i18n/catalog.ts';
import { createFakeBrowser, type FakeBrowser, serveLocales } from '../../background/fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const { plural, textFor } = await import('../../../../src/ui/i18n/text.ts');

beforeEach(() => {
  fake.browser = createFakeBrowser();
  serveLocales();
});

test.each([
  ['en', 'badge_title_none', [], 'Trust Notes: nothing to do this week'],
  ['en', 'import_reject_duplicateUrl', [12], 'Same profile as line 12'],
  ['ar', 'badge_title_queue_other', ['٥'], 'أشخاص لتختبر العمل معهم هذا الأسبوع: ٥'],
] as const)('%s %s', async (language, key, subs, expected) => {
  expect((await textFor(language)).t(key, ...subs)).toBe(expected);
});

test('a key no catalog has reads as itself', async () => {
  // tsc refuses such a key; a catalog from an older build could still lack one.
  expect((await textFor('en')).t('no_such_key' as MessageKey)).toBe('no_such_key');
});

test.each([
  [1, '1 person to test this week'],
  [0, '0 people to test this week'],
  [2, '2 people to test this week'],
])('English plural forms: %i', async (count, expected) => {
  expect(
    plural(await textFor('en'), { one: 'badge_title_queue_one', other: 'badge_title_queue_other' }, count),
  ).toBe(expected);
});

test('each catalog is read from the package once', async () => {
  const fetch = serveLocales();
  vi.resetModules();
  const fresh = await import('../../../../src/ui/i18n/text.ts');
  await fresh.textFor('ar');
  await fresh.textFor('ar');
  await fresh.textFor('en');
  expect(fetch.mock.calls.map(([url]) => url).sort()).toEqual([
    'chrome-extension://test-id/_locales/ar/messages.json',
    'chrome-extension://test-id/_locales/en/messages.json',
  ]);
});

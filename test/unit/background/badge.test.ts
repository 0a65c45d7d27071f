import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Flag } from '../../../src/core/types.ts';
import { createFakeBrowser, type FakeBrowser, serveLocales } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const { badgeText, badgeTitle, refreshBadge, refreshBadgeSoon } = await import(
  '../../../src/background/badge.ts'
);
const { textFor } = await import('../../../src/background/text.ts');
const { saveSettings } = await import('../../../src/db/meta.ts');
const { freshDb } = await import('../db/testDb.ts');

beforeEach(() => {
  fake.browser = createFakeBrowser();
  serveLocales();
});

const arabic = (n: number) => new Intl.NumberFormat('ar').format(n);

function flag(n: number, state: Flag['state']): Flag {
  return { id: `p${n}:dormant`, personId: `p${n}`, kind: 'dormant', state, raisedAt: 0, updatedAt: 0 };
}

describe('badgeText', () => {
  test.each([
    [0, ''],
    [-3, ''],
    [1, '1'],
    [999, '999'],
    [1000, '1k+'],
    [1999, '1k+'],
    [30000, '30k+'],
  ])('%i open flags → %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('badgeTitle', () => {
  test.each([
    ['en', 0, 'Trust Notes: no open flags'],
    ['en', 1, 'Trust Notes: 1 open flag'],
    ['en', 1234, 'Trust Notes: 1,234 open flags'],
    ['ar', 0, 'ملاحظات الثقة — لا توجد تنبيهات مفتوحة'],
    // Digits as the runtime's CLDR data writes Arabic numbers.
    ['ar', 3, `ملاحظات الثقة — تنبيهات مفتوحة: ${arabic(3)}`],
  ] as const)('%s, %i', async (language, count, title) => {
    expect(badgeTitle(await textFor(language), count)).toBe(title);
  });

  test('follows the browser language when the setting is auto', async () => {
    expect(badgeTitle(await textFor('auto'), 2)).toBe('Trust Notes: 2 open flags');
  });
});

describe('refreshBadge', () => {
  test('shows the number of open flags only, and hides the badge at 0', async () => {
    const tdb = freshDb();
    await tdb.flags.bulkPut([
      flag(1, 'open'),
      flag(2, 'open'),
      flag(3, 'snoozed'),
      flag(4, 'dismissed'),
      flag(5, 'closed'),
    ]);
    expect(await refreshBadge(tdb)).toBe(2);
    expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '2' });
    expect(fake.browser.action.setTitle).toHaveBeenLastCalledWith({ title: 'Trust Notes: 2 open flags' });

    await tdb.flags.bulkPut([flag(1, 'dismissed'), flag(2, 'closed')]);
    expect(await refreshBadge(tdb)).toBe(0);
    expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
    expect(fake.browser.action.setTitle).toHaveBeenLastCalledWith({ title: 'Trust Notes: no open flags' });
  });

  test('titles the badge in the language chosen in settings', async () => {
    const tdb = freshDb();
    await tdb.flags.put(flag(1, 'open'));
    await saveSettings(tdb, { language: 'ar' });
    await refreshBadge(tdb);
    expect(fake.browser.action.setTitle).toHaveBeenLastCalledWith({
      title: `ملاحظات الثقة — تنبيهات مفتوحة: ${arabic(1)}`,
    });
  });
});

describe('refreshBadgeSoon', () => {
  test('a burst of requests during a count gets one more count, which sees every change', async () => {
    const tdb = freshDb();
    await tdb.flags.put(flag(1, 'open'));
    // Hold the first badge update, so the first count is still running while the edits come in.
    let release = () => {};
    fake.browser.action.setBadgeText.mockImplementationOnce(
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    const first = refreshBadgeSoon(tdb);
    await tdb.flags.put(flag(2, 'open'));
    const second = refreshBadgeSoon(tdb);
    await tdb.flags.put(flag(3, 'open'));
    const third = refreshBadgeSoon(tdb);
    expect(third).toBe(second);
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(3);
    expect(fake.browser.action.setBadgeText.mock.calls).toEqual([[{ text: '1' }], [{ text: '3' }]]);
  });
});

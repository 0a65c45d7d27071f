import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Flag, QueueEntry } from '../../../src/core/types.ts';
import { createFakeBrowser, type FakeBrowser, serveLocales } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const { refreshBadge, refreshBadgeSoon, refreshQueueAndBadge } = await import(
  '../../../src/background/badge.ts'
);
// The badge's words, shared by the worker and the options page.
const { badgeText, badgeTitle } = await import('../../../src/ui/data/toolbarBadge.ts');
const { textFor } = await import('../../../src/ui/i18n/text.ts');
const { saveSettings } = await import('../../../src/db/meta.ts');
const { createPerson } = await import('../../../src/db/mutations.ts');
const { freshDb } = await import('../db/testDb.ts');

beforeEach(() => {
  fake.browser = createFakeBrowser();
  serveLocales();
});

const arabic = (n: number) => new Intl.NumberFormat('ar').format(n);

function flag(n: number, state: Flag['state'], kind: Flag['kind'] = 'paymentOverdue'): Flag {
  return {
    id: `p${n}:${kind}:w${n}`,
    personId: `p${n}`,
    kind,
    workId: `w${n}`,
    state,
    raisedAt: 0,
    updatedAt: 0,
  };
}

function queued(n: number, state: QueueEntry['state'] = 'queued'): QueueEntry {
  return { id: `q${n}`, personId: `q${n}`, state, queuedAt: 0, reasons: [], step: 'proposeSmallTask' };
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
  ])('%i → %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('badgeTitle', () => {
  test.each([
    ['en', 0, 0, 'Trust Notes: nothing to do this week'],
    ['en', 5, 0, 'Trust Notes: 5 people to test this week'],
    ['en', 1, 2, 'Trust Notes: 1 person to test this week, 2 flags need action'],
    ['en', 0, 1, 'Trust Notes: 1 flag needs action'],
    ['ar', 0, 0, 'ملاحظات الثقة — لا شيء مطلوب هذا الأسبوع'],
    ['ar', 3, 0, `ملاحظات الثقة — أشخاص لتختبر العمل معهم هذا الأسبوع: ${arabic(3)}`],
  ] as const)('%s, %i queued, %i actions', async (language, queuedCount, actions, title) => {
    expect(badgeTitle(await textFor(language), { queued: queuedCount, actions })).toBe(title);
  });
});

describe('refreshBadge', () => {
  test('counts the queue and the flags that need action, never other flags, and hides at 0', async () => {
    const tdb = freshDb();
    await tdb.queue.bulkPut([queued(1), queued(2), queued(3, 'dismissed'), queued(4, 'snoozed')]);
    await tdb.flags.bulkPut([
      flag(1, 'open'),
      flag(2, 'open', 'followUpDue'),
      flag(3, 'open', 'stalled'),
      flag(4, 'open', 'vouchWithoutWork'),
      flag(5, 'snoozed'),
      flag(6, 'closed'),
    ]);
    expect(await refreshBadge(tdb)).toBe(4);
    expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '4' });
    expect(fake.browser.action.setTitle).toHaveBeenLastCalledWith({
      title: 'Trust Notes: 2 people to test this week, 2 flags need action',
    });

    await tdb.queue.clear();
    await tdb.flags.clear();
    expect(await refreshBadge(tdb)).toBe(0);
    expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
  });

  test('titles the badge in the language chosen in settings', async () => {
    const tdb = freshDb();
    await tdb.flags.put(flag(1, 'open'));
    await saveSettings(tdb, { language: 'ar' });
    await refreshBadge(tdb);
    expect(fake.browser.action.setTitle).toHaveBeenLastCalledWith({
      title: `ملاحظات الثقة — تنبيه واحد (${arabic(1)}) يحتاج إلى إجراء`,
    });
  });

  test('thousands of dormant connections make a badge of the queue size, not "25k+"', async () => {
    const tdb = freshDb();
    for (let i = 0; i < 40; i++) await createPerson(tdb, { name: `Dormant ${i}`, connectedOn: '2012-01-01' });
    await saveSettings(tdb, { queueSize: 7 });
    expect(await refreshQueueAndBadge(tdb)).toBe(7);
    expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '7' });
    expect(await tdb.flags.count()).toBe(0);
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
    // The first refresh has counted and is showing its count when the edits come in.
    await vi.waitFor(() => expect(fake.browser.action.setBadgeText).toHaveBeenCalled());
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

describe('the first queue after an archive import', () => {
  test("the commit fills it and the page's badge is the worker's: the worker's refresh after it changes nothing", async () => {
    const { strToU8, zipSync } = await import('fflate');
    const { archiveFiles, messageChunks } = await import('../../fixtures/archive/generate.mjs');
    const { commitArchive } = await import('../../../src/io/archiveCommit.ts');
    const { parseArchiveFile } = await import('../../../src/io/archiveParse.ts');
    const { planArchive } = await import('../../../src/io/archivePlan.ts');
    const { showBadge } = await import('../../../src/ui/data/toolbarBadge.ts');

    const tdb = freshDb();
    // Words in the chosen language and an action flag already stored: the page must show them as the worker does.
    await saveSettings(tdb, { language: 'ar', queueSize: 4 });
    await tdb.flags.put(flag(1, 'open', 'followUpDue'));
    const sizes = {
      connections: 80,
      messageRows: 600,
      conversations: 120,
      recommendations: 6,
      endorsements: 40,
    };
    const files: Record<string, Uint8Array> = {};
    for (const [name, text] of Object.entries(archiveFiles(sizes))) files[name] = strToU8(text as string);
    files['messages.csv'] = strToU8([...messageChunks(sizes)].join(''));
    const zip = new Blob([zipSync(files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
    const parsed = await parseArchiveFile(zip, 'export.zip', { keepMessageText: false });
    if (!parsed.ok) throw new Error(parsed.error.code);
    const plan = await planArchive(tdb, parsed.value);
    const committed = await commitArchive(tdb, plan, new Map());
    if (!committed.ok) throw new Error(committed.error.code);
    expect(committed.value.badge).toEqual({ queued: 4, actions: 1, language: 'ar' });
    expect(await showBadge(committed.value.badge)).toBe(5);

    const shown = () => ({
      text: fake.browser.action.setBadgeText.mock.lastCall,
      title: fake.browser.action.setTitle.mock.lastCall,
    });
    const page = shown();
    expect(page.text).toEqual([{ text: '5' }]);
    expect(page.title?.[0].title).toContain(arabic(4));
    const queue = await tdb.queue.toArray();
    expect(queue.filter((entry) => entry.state === 'queued')).toHaveLength(4);

    fake.browser.action.setBadgeText.mockClear();
    fake.browser.action.setTitle.mockClear();
    expect(await refreshQueueAndBadge(tdb)).toBe(5);
    expect(shown()).toEqual(page);
    expect(await tdb.queue.toArray()).toEqual(queue);
  });
});

import { beforeEach, describe, expect, test, vi } from 'vitest';
import { createFakeBrowser, type FakeBrowser, serveLocales } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const { markBadgesStale, pageBadge } = await import('../../../src/background/pageBadge.ts');
const { keyMatchesPage } = await import('../../../src/background/profilePages.ts');
const { createPerson, linkProfile } = await import('../../../src/db/mutations.ts');
const { saveSettings } = await import('../../../src/db/meta.ts');
const { freshDb } = await import('../db/testDb.ts');
const { profileBadgeFacts } = await import('../../../src/db/queries.ts');
const { DEFAULT_SETTINGS } = await import('../../../src/core/types.ts');

beforeEach(() => {
  fake.browser = createFakeBrowser();
  serveLocales();
});

const JANE = {
  site: 'linkedin',
  key: 'linkedin:jane-doe',
  handle: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
} as const;

async function janeWithFlags(states: Array<'open' | 'snoozed' | 'closed'>, tdb = freshDb()) {
  const jane = await createPerson(tdb, { name: 'Jane Doe' });
  await linkProfile(tdb, jane.id, JANE);
  await tdb.flags.bulkPut(
    states.map((state, i) => ({
      id: `${jane.id}:f${i}`,
      personId: jane.id,
      kind: 'stalled' as const,
      state,
      raisedAt: 0,
      updatedAt: 0,
    })),
  );
  // Someone else's open flag never counts on Jane's badge.
  await tdb.flags.put({
    id: 'other:f',
    personId: 'other',
    kind: 'stalled',
    state: 'open',
    raisedAt: 0,
    updatedAt: 0,
  });
  return tdb;
}

describe('pageBadge', () => {
  test('a profile nobody has: no notes yet, no flags', async () => {
    expect(await pageBadge(freshDb(), 'linkedin:nobody')).toEqual({
      mark: 'Trust Notes',
      label: 'No notes yet',
      flags: '',
      name: 'Trust Notes: No notes yet. Open the panel',
      lang: 'en',
      rtl: false,
    });
  });

  test('a recorded person: their stage and only their open flags, spelled out in the name', async () => {
    const tdb = await janeWithFlags(['open', 'snoozed', 'open', 'closed']);
    const view = await pageBadge(tdb, JANE.key);
    expect([view.label, view.flags, view.name]).toEqual([
      'Connected',
      '2',
      'Trust Notes: Connected, 2 open flags. Open the panel',
    ]);
    const one = await pageBadge(await janeWithFlags(['open']), JANE.key);
    expect(one.name).toBe('Trust Notes: Connected, 1 open flag. Open the panel');
  });

  test('in the language chosen in settings, with its digits and direction', async () => {
    const tdb = await janeWithFlags(['open', 'open', 'open']);
    await saveSettings(tdb, { language: 'ar' });
    const view = await pageBadge(tdb, JANE.key);
    expect(view).toMatchObject({ mark: 'ملاحظات الثقة', lang: 'ar', rtl: true });
    expect(view.flags).toBe(new Intl.NumberFormat('ar').format(3));
  });
});

describe('the same work for a stranger as for someone recorded', () => {
  /** Every read and write the database does for `tdb`, as table.operation, in order. */
  function traced(tdb: ReturnType<typeof freshDb>): string[] {
    const log: string[] = [];
    const ops = new Set(['get', 'getMany', 'query', 'openCursor', 'count', 'mutate']);
    tdb.use({
      stack: 'dbcore',
      name: 'trace',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return new Proxy(table, {
            get(target, prop, receiver) {
              const value = Reflect.get(target, prop, receiver);
              if (typeof prop !== 'string' || !ops.has(prop) || typeof value !== 'function') return value;
              return (req: unknown) => {
                log.push(`${name}.${prop}`);
                return value.call(target, req);
              };
            },
          });
        },
      }),
    });
    return log;
  }

  test('the badge reads the same tables the same way whether or not anyone has the profile', async () => {
    const tdb = freshDb();
    const log = traced(tdb);
    await janeWithFlags(['open', 'snoozed'], tdb);
    log.length = 0;
    await profileBadgeFacts(tdb, JANE.key);
    const recorded = log.splice(0);
    expect(await profileBadgeFacts(tdb, 'linkedin:nobody')).toBeNull();
    const stranger = log.splice(0);
    expect(recorded.length).toBeGreaterThanOrEqual(3);
    expect(stranger).toEqual(recorded);
  });
});

describe('pageBadge when the ledger cannot be read', () => {
  test('a database that fails to read: the badge says so, never a stage', async () => {
    const tdb = await janeWithFlags(['open']);
    tdb.close();
    const view = await pageBadge(tdb, JANE.key);
    expect(view).toMatchObject({ label: "Can't read notes", flags: '' });
    expect(view.name).toBe("Trust Notes: Can't read notes. Open the panel");
  });

  test('a language setting with no catalog (a damaged database) falls back to the browser language', async () => {
    const tdb = await janeWithFlags(['open']);
    await tdb.meta.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, language: 'xx' as 'en' } });
    expect(await pageBadge(tdb, JANE.key)).toMatchObject({ label: 'Connected', flags: '1', lang: 'en' });
  });
});

describe('keyMatchesPage: a content script asks only about the profile its tab shows', () => {
  test.each([
    ['linkedin:jane-doe', 'https://www.linkedin.com/in/jane-doe/', true],
    ['linkedin:jane-doe', 'https://fr.linkedin.com/in/Jane-Doe/details/experience/', true],
    ['linkedin:mallory', 'https://www.linkedin.com/in/jane-doe/', false],
    ['linkedin:jane-doe', 'https://www.linkedin.com/feed/', false],
    ['github:octocat', 'https://github.com/octocat', true],
    ['github:octocat', 'https://github.com/octocat/hello-world', false],
    ['mastodon:ada@example.social', 'https://example.social/@ada', true],
    ['mastodon:ada@example.social', 'https://example.social/@bob', false],
    ['', 'https://www.linkedin.com/in/jane-doe/', false],
  ])('%s on %s → %s', (key, url, expected) => {
    expect(keyMatchesPage(key, url)).toBe(expected);
  });
});

describe('markBadgesStale', () => {
  test('tells the top frame of each tab, and a tab that is gone is no error', async () => {
    fake.browser.tabs.sendMessage.mockRejectedValueOnce(new Error('No tab with id: 7'));
    await markBadgesStale([7, 9]);
    expect(fake.browser.tabs.sendMessage.mock.calls).toEqual([
      [7, { type: 'worker:badgeStale', payload: {} }, { frameId: 0 }],
      [9, { type: 'worker:badgeStale', payload: {} }, { frameId: 0 }],
    ]);
  });
});

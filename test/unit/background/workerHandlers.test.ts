// The worker's message handlers behind the real router: sender checks, payload validation, and what each
// message does to the database and the badge.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { SenderLike } from '../../../src/messages/sender.ts';
import { DATA_NOW, generateNetwork, seedNetwork } from '../../data/network.ts';
import { createFakeBrowser, EXTENSION_URL, type FakeBrowser, serveLocales } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const { handlers } = await import('../../../src/background/handlers.ts');
const { createMessageListener } = await import('../../../src/messages/router.ts');
const { ALLOWED_SENDERS } = await import('../../../src/messages/protocol.ts');
const { db } = await import('../../../src/db/database.ts');
const { getMeta, saveSettings } = await import('../../../src/db/meta.ts');
const { SCAN_ALARM } = await import('../../../src/background/alarms.ts');

const listener = createMessageListener(handlers, () => ({
  extensionId: 'test-id',
  extensionOrigin: EXTENSION_URL,
  isSupportedSiteUrl: (url) => url.startsWith('https://www.linkedin.com/'),
}));

const page: SenderLike = { id: 'test-id', url: `${EXTENSION_URL}src/options/index.html` };
const contentScript: SenderLike = {
  id: 'test-id',
  url: 'https://www.linkedin.com/in/someone/',
  frameId: 0,
  tab: { id: 3 },
};
const otherExtension: SenderLike = { id: 'other-id', url: 'chrome-extension://other-id/page.html' };

beforeEach(async () => {
  fake.browser = createFakeBrowser();
  serveLocales();
  const tdb = db();
  await Promise.all(tdb.tables.map((table) => table.clear()));
});

/** What the toolbar badge must count: the weekly queue and the flags that need action now. */
async function badgeNumber(): Promise<number> {
  const queued = await db().queue.where('state').equals('queued').count();
  const actions = (await db().flags.where('state').equals('open').toArray()).filter(
    (flag) => flag.kind === 'paymentOverdue' || flag.kind === 'followUpDue',
  ).length;
  return queued + actions;
}

test('the worker handles every message type of the protocol, and each lists its allowed senders', () => {
  expect(Object.keys(handlers).sort()).toEqual(Object.keys(ALLOWED_SENDERS).sort());
});

test.each(['page:scanNow', 'page:personChanged', 'page:flagsChanged', 'page:settingsChanged'] as const)(
  '%s is for extension pages only',
  (type) => {
    expect(ALLOWED_SENDERS[type]).toEqual(['extensionPage']);
  },
);

describe('content:profileSeen', () => {
  const onProfile: SenderLike = {
    ...contentScript,
    tab: { id: 3, url: 'https://www.linkedin.com/in/someone/' },
  };
  const snapshot = {
    site: 'linkedin',
    key: 'linkedin:someone',
    handle: 'someone',
    url: 'https://www.linkedin.com/in/someone/',
  };

  test('takes the profile from the URL alone, before the page is read', async () => {
    expect(await listener({ type: 'content:profileSeen', payload: { snapshot } }, onProfile)).toEqual({
      ok: true,
      value: { recorded: true },
    });
    expect(fake.browser.storage.session.set).toHaveBeenCalledWith({ 'tab:3': snapshot });
  });

  test('a page that missed fields goes on the adapter health list, with its address and the fields', async () => {
    const reading = { sources: { name: 'slug' }, missing: ['name', 'headline'] };
    await listener(
      { type: 'content:profileSeen', payload: { snapshot: { ...snapshot, name: 'Someone', reading } } },
      onProfile,
    );
    expect(fake.browser.storage.local.items.get('adapterHealth')).toEqual([
      {
        key: 'linkedin:someone',
        site: 'linkedin',
        url: snapshot.url,
        missing: ['name', 'headline'],
        at: expect.any(Number),
      },
    ]);
    // A page read in full adds nothing.
    await listener(
      {
        type: 'content:profileSeen',
        payload: { snapshot: { ...snapshot, reading: { sources: {}, missing: [] } } },
      },
      onProfile,
    );
    expect(fake.browser.storage.local.items.get('adapterHealth')).toHaveLength(1);
  });

  test.each([
    ['an unknown field', { sources: { email: 'heading' }, missing: [] }],
    ['a strategy id that is not a word', { sources: { name: '<img>' }, missing: [] }],
    ['a field missing twice', { sources: {}, missing: ['name', 'name'] }],
    ['missing that is not a list', { sources: {}, missing: 'name' }],
  ])('a reading with %s is refused', async (_, reading) => {
    const reply = await listener(
      { type: 'content:profileSeen', payload: { snapshot: { ...snapshot, reading } } },
      onProfile,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(fake.browser.storage.session.set).not.toHaveBeenCalled();
  });

  test('a snapshot of another profile than the tab shows is refused', async () => {
    const other = { ...snapshot, key: 'linkedin:mallory', handle: 'mallory' };
    const reply = await listener({ type: 'content:profileSeen', payload: { snapshot: other } }, onProfile);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('content:profileSeen never renames a linked person', () => {
  // Both hosts are instances the user added (one hostile, or compromised): the content script runs on both.
  const instanceListener = createMessageListener(handlers, () => ({
    extensionId: 'test-id',
    extensionOrigin: EXTENSION_URL,
    isSupportedSiteUrl: (url) => /^https:\/\/(mastodon\.social|evil\.example)\//.test(url),
  }));
  const ALICE = {
    site: 'mastodon',
    key: 'mastodon:alice@mastodon.social',
    handle: 'alice@mastodon.social',
    url: 'https://mastodon.social/@alice',
  };
  const from = (url: string): SenderLike => ({ id: 'test-id', url, frameId: 0, tab: { id: 8, url } });
  const visit = (url: string, name: string) =>
    instanceListener(
      {
        type: 'content:profileSeen',
        payload: { snapshot: { ...ALICE, name, headline: 'Trust me' } },
      },
      from(url),
    );

  test('a page on another host that names Alice’s handle changes nothing; her own instance only proposes', async () => {
    // Created from her page (a quick add there): nothing typed, so a page could have renamed her.
    const { ensurePersonForSnapshot } = await import('../../../src/db/mutations.ts');
    const { person: alice } = await ensurePersonForSnapshot(db(), {
      ...ALICE,
      name: 'Alice Cooper',
      headline: 'Designer',
    } as never);

    expect((await visit('https://evil.example/@alice@mastodon.social', 'Mallory')).ok).toBe(true);
    expect(await db().people.get(alice.id)).toMatchObject({ name: 'Alice Cooper', headline: 'Designer' });
    expect((await db().profiles.get(ALICE.key))?.proposed).toBeUndefined();
    expect((await db().profiles.get(ALICE.key))?.seenName).toBe('Alice Cooper');

    expect(await visit('https://mastodon.social/@alice', 'Alice C.')).toEqual({
      ok: true,
      value: { recorded: true },
    });
    expect(await db().people.get(alice.id)).toMatchObject({ name: 'Alice Cooper', headline: 'Designer' });
    expect((await db().profiles.get(ALICE.key))?.proposed).toEqual({
      name: 'Alice C.',
      headline: 'Trust me',
    });
  });
});

describe('page:scanNow', () => {
  test('from an extension page: scans everyone, fills the queue, sets the badge, answers with its number', async () => {
    await seedNetwork(db(), generateNetwork(40, 80, 9));
    const reply = await listener({ type: 'page:scanNow', payload: {} }, page);
    expect(await db().queue.where('state').equals('queued').count()).toBe(5);
    const badge = await badgeNumber();
    expect(badge).toBeGreaterThan(5);
    expect(reply).toEqual({ ok: true, value: { badge } });
    expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: String(badge) });
    expect(await getMeta(db(), 'scanCheckpoint')).toBeUndefined();
    expect(await getMeta(db(), 'lastScanAt')).toBeGreaterThan(DATA_NOW);
  });
});

describe('page:personChanged', () => {
  test('rescans that person, moves the queue on and updates the badge', async () => {
    const people = Array.from({ length: 6 }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      connectedOn: `201${i}-01-01`,
      tags: [],
      userEdited: [],
      createdAt: 0,
      updatedAt: 0,
    }));
    await seedNetwork(db(), { people, works: [], flags: [], profiles: [] });
    await listener({ type: 'page:scanNow', payload: {} }, page);
    const queued = await db().queue.where('state').equals('queued').toArray();
    expect(queued).toHaveLength(5);
    const first = queued[0]!;
    // A planned task in the past: a step taken (out of the queue) and a follow-up due (a flag needing action).
    await db().sharedWork.put({
      id: 'w-new',
      personId: first.personId,
      kind: 'smallTask',
      direction: 'together',
      status: 'planned',
      startDate: '2020-01-01',
      createdAt: 0,
      updatedAt: 0,
    });
    const reply = await listener({ type: 'page:personChanged', payload: { personId: first.personId } }, page);
    expect(reply).toEqual({ ok: true, value: { changed: 1 } });
    expect((await db().flags.get(`${first.personId}:followUpDue:w-new`))?.state).toBe('open');
    await vi.waitFor(async () => expect((await db().queue.get(first.personId))?.state).toBe('started'));
    // The sixth person moves in: five queued, and one follow-up due.
    expect(await db().queue.where('state').equals('queued').count()).toBe(5);
    await vi.waitFor(() => expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '6' }));
  });
});

describe('page:flagsChanged', () => {
  test('recounts the badge after the user snoozed a flag', async () => {
    const flag = { personId: 'a', kind: 'followUpDue' as const, workId: 'w', raisedAt: 0, updatedAt: 0 };
    await db().flags.bulkPut([
      { ...flag, id: 'a:followUpDue:w', state: 'open' },
      { ...flag, id: 'b:followUpDue:w', personId: 'b', state: 'snoozed' },
    ]);
    expect(await listener({ type: 'page:flagsChanged', payload: {} }, page)).toEqual({
      ok: true,
      value: { badge: 1 },
    });
    expect(fake.browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
  });
});

describe('page:settingsChanged', () => {
  test('re-creates the alarm with the new period and rescans', async () => {
    await seedNetwork(db(), generateNetwork(10, 10, 2));
    await saveSettings(db(), { scanPeriodHours: 24 });
    const reply = await listener({ type: 'page:settingsChanged', payload: {} }, page);
    expect(reply).toEqual({ ok: true, value: { scanPeriodMinutes: 1440 } });
    expect(fake.browser.alarms.create).toHaveBeenCalledWith(
      SCAN_ALARM,
      expect.objectContaining({ periodInMinutes: 1440 }),
    );
    // The scan's last step sets the next periodic scan one period after it: nothing is left running.
    await vi.waitFor(async () => {
      const lastScanAt = await getMeta(db(), 'lastScanAt');
      expect(lastScanAt).toBeDefined();
      expect(fake.browser.alarms.create).toHaveBeenLastCalledWith(SCAN_ALARM, {
        when: lastScanAt! + 24 * 3_600_000,
        periodInMinutes: 1440,
      });
    });
  });
});

describe('forged and malformed messages', () => {
  test.each([
    ['page:scanNow', {}],
    ['page:personChanged', { personId: 'x' }],
    ['page:flagsChanged', {}],
    ['page:settingsChanged', {}],
  ])('%s is refused from a content script and from another extension', async (type, payload) => {
    for (const sender of [contentScript, otherExtension, { ...page, url: undefined }]) {
      const reply = await listener({ type, payload }, sender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(fake.browser.action.setBadgeText).not.toHaveBeenCalled();
    expect(await getMeta(db(), 'scanCheckpoint')).toBeUndefined();
  });

  test.each<[string, unknown]>([
    ['no payload', { type: 'page:personChanged' }],
    ['a number for the person id', { type: 'page:personChanged', payload: { personId: 42 } }],
    ['an empty person id', { type: 'page:personChanged', payload: { personId: '' } }],
    ['an oversized person id', { type: 'page:personChanged', payload: { personId: 'x'.repeat(129) } }],
    ['an array payload', { type: 'page:scanNow', payload: [] }],
    ['a string payload', { type: 'page:flagsChanged', payload: 'now' }],
    ['a null payload', { type: 'page:settingsChanged', payload: null }],
  ])('%s gets a "malformed" error, and nothing runs', async (_, message) => {
    expect(await listener(message, page)).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(fake.browser.action.setBadgeText).not.toHaveBeenCalled();
    expect(fake.browser.alarms.create).not.toHaveBeenCalled();
  });

  test('an unknown person is a harmless rescan', async () => {
    expect(await listener({ type: 'page:personChanged', payload: { personId: 'nobody' } }, page)).toEqual({
      ok: true,
      value: { changed: 0 },
    });
  });
});

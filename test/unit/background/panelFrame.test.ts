// The panel frame is tied to its content script: the worker tells a frame inside a page which profile its tab
// shows only when the frame carries the nonce that tab's content script registered; and a tab that moves on to
// another document or address no longer has a profile for anyone to find.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { SenderLike } from '../../../src/messages/sender.ts';
import { createFakeBrowser, EXTENSION_URL, type FakeBrowser, serveLocales } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const { handlers } = await import('../../../src/background/handlers.ts');
const { createMessageListener } = await import('../../../src/messages/router.ts');
const { grantsChanged } = await import('../../../src/background/grants.ts');
const { rememberTabProfile, tabUpdated } = await import('../../../src/background/tabProfiles.ts');

const listener = createMessageListener(handlers, () => ({
  extensionId: 'test-id',
  extensionOrigin: EXTENSION_URL,
  isSupportedSiteUrl: (url) => url.startsWith('https://www.linkedin.com/'),
}));

const NONCE = '0b7f3c2e-8d41-4e6a-9c15-2a7e5d9b1f60';
const FORGED = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
const JANE = 'https://www.linkedin.com/in/jane-doe/';
const snapshot = { site: 'linkedin', key: 'linkedin:jane-doe', handle: 'jane-doe', url: JANE };

const contentScript = (tabId: number): SenderLike => ({
  id: 'test-id',
  url: JANE,
  frameId: 0,
  tab: { id: tabId, url: JANE },
});
/** The panel page inside tab `tabId`, made by our content script or by the page: the browser can't tell. */
const panelFrame = (tabId: number): SenderLike => ({
  id: 'test-id',
  url: `${EXTENSION_URL}src/panel/index.html`,
  frameId: 7,
  tab: { id: tabId, url: JANE },
});
const popup: SenderLike = { id: 'test-id', url: `${EXTENSION_URL}src/popup/index.html` };

const ask = (sender: SenderLike, payload: Record<string, unknown>) =>
  listener({ type: 'page:tabProfile', payload }, sender);

beforeEach(async () => {
  fake.browser = createFakeBrowser();
  serveLocales();
  grantsChanged();
  await rememberTabProfile(3, snapshot as never);
  await rememberTabProfile(4, { ...snapshot, key: 'linkedin:omar', handle: 'omar' } as never);
  await listener({ type: 'content:panelFrame', payload: { nonce: NONCE } }, contentScript(3));
});

describe('page:tabProfile from a panel frame', () => {
  test('with the nonce its tab’s content script registered, it gets its tab’s profile', async () => {
    expect(await ask(panelFrame(3), { nonce: NONCE })).toEqual({ ok: true, value: { snapshot } });
  });

  test.each([
    ['no nonce (a frame a page made)', {}],
    ['a forged nonce', { nonce: FORGED }],
  ])('with %s, it gets nothing', async (_, payload) => {
    expect(await ask(panelFrame(3), payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('naming another tab reaches no further than its own', async () => {
    expect(await ask(panelFrame(3), { nonce: NONCE, tabId: 4 })).toEqual({ ok: true, value: { snapshot } });
  });

  test('a nonce registered in one tab opens no other tab', async () => {
    const reply = await ask(panelFrame(4), { nonce: NONCE });
    expect(reply.ok).toBe(false);
  });

  test('a malformed nonce is refused as such', async () => {
    const reply = await ask(panelFrame(3), { nonce: '<script>' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });

  test('the popup names the tab it asks about, with no nonce', async () => {
    expect(await ask(popup, { tabId: 4 })).toMatchObject({
      ok: true,
      value: { snapshot: { key: 'linkedin:omar' } },
    });
  });
});

describe('content:panelFrame', () => {
  test('only a content script registers a nonce, for its own tab', async () => {
    const fromPage = await listener(
      { type: 'content:panelFrame', payload: { nonce: FORGED } },
      { ...panelFrame(3) },
    );
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(panelFrame(3), { nonce: FORGED })).toMatchObject({ ok: false });
    // The tab's next host (a new nonce) replaces the old one.
    await listener({ type: 'content:panelFrame', payload: { nonce: FORGED } }, contentScript(3));
    expect(await ask(panelFrame(3), { nonce: NONCE })).toMatchObject({ ok: false });
    expect(await ask(panelFrame(3), { nonce: FORGED })).toEqual({ ok: true, value: { snapshot } });
  });
});

describe('a tab that moves on', () => {
  const profileOf = async (tabId: number) => {
    const reply = await ask(popup, { tabId });
    return reply.ok ? (reply.value as { snapshot: { key: string } | null }).snapshot?.key : 'refused';
  };

  test('starting a new document on another site: its profile is gone (the worker cannot see that site’s URL)', async () => {
    await tabUpdated(3, { status: 'loading' }, {});
    expect(await profileOf(3)).toBeUndefined();
    expect(await profileOf(4)).toBe('linkedin:omar');
  });

  test('a new address that names another profile, or none: gone until the content script says what it shows', async () => {
    await tabUpdated(
      3,
      { status: 'loading', url: 'https://www.linkedin.com/feed/' },
      {
        url: 'https://www.linkedin.com/feed/',
      },
    );
    expect(await profileOf(3)).toBeUndefined();
    await tabUpdated(4, { url: 'https://www.linkedin.com/in/jane-doe/' }, { url: JANE });
    expect(await profileOf(4)).toBeUndefined();
  });

  test('the same profile still at the address (a reload, a pushState to its tabs): kept', async () => {
    await tabUpdated(3, { status: 'loading' }, { url: JANE });
    await tabUpdated(3, { url: `${JANE}details/experience/` }, { url: `${JANE}details/experience/` });
    expect(await profileOf(3)).toBe('linkedin:jane-doe');
  });

  test('other changes (a title, a favicon, loading complete) leave it alone', async () => {
    await tabUpdated(3, { status: 'complete' }, {});
    expect(await profileOf(3)).toBe('linkedin:jane-doe');
  });

  test('a pushState whose new profile the content script reported first is not cleared by the late event', async () => {
    const omar = { ...snapshot, key: 'linkedin:omar', handle: 'omar' };
    const omarUrl = 'https://www.linkedin.com/in/omar/';
    await Promise.all([
      rememberTabProfile(3, omar as never),
      tabUpdated(3, { status: 'loading', url: omarUrl }, { url: omarUrl }),
    ]);
    expect(await profileOf(3)).toBe('linkedin:omar');
  });

  test('the worker listens for it', async () => {
    vi.resetModules();
    await import('../../../src/background/index.ts');
    expect(fake.browser.tabs.onUpdated.listeners).toHaveLength(1);
    fake.browser.tabs.onUpdated.fire(3, { status: 'loading' }, { url: 'https://example.org/' });
    await expect.poll(() => profileOf(3)).toBeUndefined();
  });
});

describe('page:panelLayout (the collapse notice Firefox’s panel has the worker relay)', () => {
  const collapse = (nonce?: string) =>
    listener({ type: 'page:panelLayout', payload: { mode: 'collapsed', nonce } }, panelFrame(3));

  test('relayed to the tab’s content script only from the frame with the registered nonce', async () => {
    expect(await collapse(FORGED)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await collapse()).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(fake.browser.tabs.sendMessage).not.toHaveBeenCalled();
    expect(await collapse(NONCE)).toEqual({ ok: true, value: { relayed: true } });
    expect(fake.browser.tabs.sendMessage).toHaveBeenCalledWith(
      3,
      { type: 'panel:layout', payload: { mode: 'collapsed' } },
      { frameId: 0 },
    );
  });
});

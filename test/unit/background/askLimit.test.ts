// A tab asks about at most DISTINCT_KEYS_PER_WINDOW distinct profiles a minute (a page calling pushState through
// many slugs to time the badge gets no further), counted in storage.session so a worker that was stopped and
// woken still counts.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { SenderLike } from '../../../src/messages/sender.ts';
import { createFakeBrowser, EXTENSION_URL, type FakeBrowser, serveLocales } from './fakeBrowser.ts';

const fake = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => fake.browser[key as keyof FakeBrowser] }),
}));

const limit = await import('../../../src/background/askLimit.ts');
const { ASK_WINDOW_MS, DISTINCT_KEYS_PER_WINDOW } = limit;

beforeEach(() => {
  fake.browser = createFakeBrowser();
  serveLocales();
});

const slug = (i: number) => `linkedin:person-${i}`;

describe('mayAsk', () => {
  test('a tab may ask about that many distinct profiles in a minute, and no more', async () => {
    for (let i = 0; i < DISTINCT_KEYS_PER_WINDOW; i++)
      expect(await limit.mayAsk(1, slug(i), 1000 + i)).toBe(true);
    expect(await limit.mayAsk(1, slug(999), 2000)).toBe(false);
    // One it asked about before is no new question.
    expect(await limit.mayAsk(1, slug(3), 2000)).toBe(true);
    // Another tab has its own count.
    expect(await limit.mayAsk(2, slug(999), 2000)).toBe(true);
    // Once the oldest leaves the window, one more.
    expect(await limit.mayAsk(1, slug(999), 1000 + ASK_WINDOW_MS)).toBe(true);
    expect(await limit.mayAsk(1, slug(1000), 1000 + ASK_WINDOW_MS)).toBe(false);
  });

  test('questions at once take turns: the last place goes to one of them', async () => {
    for (let i = 0; i < DISTINCT_KEYS_PER_WINDOW - 1; i++) await limit.mayAsk(1, slug(i), 1000);
    const answers = await Promise.all([
      limit.mayAsk(1, 'linkedin:a', 1001),
      limit.mayAsk(1, 'linkedin:b', 1001),
    ]);
    expect(answers.sort()).toEqual([false, true]);
  });

  test('the count survives the worker being stopped and started again', async () => {
    for (let i = 0; i < DISTINCT_KEYS_PER_WINDOW; i++) await limit.mayAsk(1, slug(i), 1000);
    vi.resetModules();
    const restarted = await import('../../../src/background/askLimit.ts');
    expect(restarted).not.toBe(limit);
    expect(await restarted.mayAsk(1, slug(999), 1500)).toBe(false);
    await restarted.forgetAsks(1);
    expect(await restarted.mayAsk(1, slug(999), 1500)).toBe(true);
  });
});

describe('the worker’s answers to a page that names profile after profile', () => {
  test('content:badge is refused past the limit; the profiles it already asked about still answer', async () => {
    vi.resetModules();
    const { handlers } = await import('../../../src/background/handlers.ts');
    const { createMessageListener } = await import('../../../src/messages/router.ts');
    const listener = createMessageListener(handlers, () => ({
      extensionId: 'test-id',
      extensionOrigin: EXTENSION_URL,
      isSupportedSiteUrl: (url) => url.startsWith('https://www.linkedin.com/'),
    }));
    const at = (i: number): SenderLike => {
      const url = `https://www.linkedin.com/in/person-${i}/`;
      return { id: 'test-id', url, frameId: 0, tab: { id: 5, url } };
    };
    const badge = (i: number) => listener({ type: 'content:badge', payload: { key: slug(i) } }, at(i));
    for (let i = 0; i < DISTINCT_KEYS_PER_WINDOW; i++) expect((await badge(i)).ok).toBe(true);
    expect(await badge(DISTINCT_KEYS_PER_WINDOW)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await badge(0)).ok).toBe(true);
    // A visit past the limit is remembered for the panel, and not recorded.
    const seen = await listener(
      {
        type: 'content:profileSeen',
        payload: {
          snapshot: {
            site: 'linkedin',
            key: slug(77),
            handle: 'person-77',
            url: 'https://www.linkedin.com/in/person-77/',
          },
        },
      },
      at(77),
    );
    expect(seen).toEqual({ ok: true, value: { recorded: false } });
    expect(fake.browser.storage.session.items.get('tab:5')).toMatchObject({ key: slug(77) });
  });
});

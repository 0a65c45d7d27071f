// The content script's life, in happy-dom: one visit per profile with everything it starts bound to it, a
// reading only when what it depends on changes, and an end with nothing left running once the extension is
// reloaded under the page.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HOST_ATTR } from '../../../src/content/host.ts';
import { type ContentScript, runContentScript } from '../../../src/content/script.ts';
import { REVEAL_MS } from '../../../src/content/visit.ts';
import type { BadgeView } from '../../../src/messages/protocol.ts';
import { ADAPTERS } from '../../../src/sites/index.ts';
import { fixtureDoc } from '../sites/helpers.ts';
import { type FakeLink, fakeLink } from './fakeLink.ts';

const VIEW: BadgeView = {
  mark: 'TN',
  label: 'Tested',
  flags: '',
  name: 'TN: Tested',
  lang: 'en',
  rtl: false,
};
const linkedin = ADAPTERS.find((a) => a.site === 'linkedin')!;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Every MutationObserver the script makes, and whether it is still observing. */
const observers = new Set<MutationObserver>();
const Native = globalThis.MutationObserver;
class Tracked extends Native {
  override observe(target: Node, options?: MutationObserverInit) {
    observers.add(this);
    super.observe(target, options);
  }
  override disconnect() {
    observers.delete(this);
    super.disconnect();
  }
}

function showPage(url: string, file: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = fixtureDoc(file);
  document.head.replaceChildren(...Array.from(parsed.head.childNodes, (n) => document.importNode(n, true)));
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
  document.title = parsed.title;
}

/** The host's closed shadow roots, caught as they are made, so the test can look at the badge. */
const roots: ShadowRoot[] = [];
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  roots.push(root);
  return root;
};

let link: FakeLink;
let script: ContentScript | null;

beforeEach(() => {
  globalThis.MutationObserver = Tracked;
  observers.clear();
  roots.length = 0;
  link = fakeLink();
  link.answers['content:badge'] = () => VIEW;
  link.answers['content:profileSeen'] = () => ({ recorded: true });
  script = null;
});
afterEach(() => {
  script?.stop();
  globalThis.MutationObserver = Native;
  vi.restoreAllMocks();
  vi.useRealTimers();
  for (const el of document.querySelectorAll(`[${HOST_ATTR}]`)) el.remove();
});

const hosts = () => document.querySelectorAll(`[${HOST_ATTR}]`).length;
const sentOf = (type: string) => link.sent.filter((m) => m.type === type);

describe('on a profile', () => {
  test('mounts one host, asks for the badge of the URL’s profile and reports the page’s snapshot', async () => {
    showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
    script = runContentScript(link);
    await tick();
    expect(hosts()).toBe(1);
    expect(sentOf('content:badge').map((m) => m.payload)).toEqual([{ key: 'linkedin:jane-doe-1a2b3c' }]);
    // First what the URL says, the moment it says it; then what the page says.
    const seen = sentOf('content:profileSeen').map((m) => (m.payload as { snapshot: object }).snapshot);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual({
      site: 'linkedin',
      key: 'linkedin:jane-doe-1a2b3c',
      handle: 'jane-doe-1a2b3c',
      url: 'https://www.linkedin.com/in/jane-doe-1a2b3c/',
    });
    expect(seen[1]).toMatchObject({ key: 'linkedin:jane-doe-1a2b3c', name: 'Jane Doe' });
  });

  test('the badge comes from the URL: it shows once the worker answers, before the page renders anyone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    showPage('https://www.linkedin.com/in/aisha-bello-61b2a7c3/', 'linkedin-feed.html');
    document.querySelector('main')?.replaceChildren();
    script = runContentScript(link);
    await vi.advanceTimersByTimeAsync(REVEAL_MS);
    const button = roots.at(-1)?.querySelector('button.tn-badge') as HTMLButtonElement | null;
    expect(button?.hidden).toBe(false);
    expect(button?.getAttribute('aria-label')).toBe(VIEW.name);
    // Nothing was read from the page: only the URL's profile was reported.
    expect(sentOf('content:profileSeen').map((m) => m.payload)).toEqual([
      {
        snapshot: {
          site: 'linkedin',
          key: 'linkedin:aisha-bello-61b2a7c3',
          handle: 'aisha-bello-61b2a7c3',
          url: 'https://www.linkedin.com/in/aisha-bello-61b2a7c3/',
        },
      },
    ]);
  });

  test('reads the page again only when what the reading depends on changes, not on every DOM batch', async () => {
    showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
    const read = vi.spyOn(linkedin, 'read');
    script = runContentScript(link);
    await tick();
    expect(read).toHaveBeenCalledTimes(1);
    // Churn elsewhere on the page: the ads, a chat bubble.
    for (let i = 0; i < 10; i++) {
      document.body.append(document.createElement('span'));
      await tick();
    }
    expect(read).toHaveBeenCalledTimes(1);
    // The profile itself changes: read again, and report the new headline.
    document.querySelector('.text-body-medium')!.textContent = 'Principal data engineer';
    await tick();
    expect(read).toHaveBeenCalledTimes(2);
    expect(sentOf('content:profileSeen').at(-1)?.payload).toMatchObject({
      snapshot: { headline: 'Principal data engineer' },
    });
  });
});

/** Whether the badge shows now (its button in the newest host's closed shadow root). */
const badgeShows = () =>
  (roots.at(-1)?.querySelector('button.tn-badge') as HTMLButtonElement | null)?.hidden === false;

describe('when the badge shows: at a fixed delay from the navigation, whatever the worker took', () => {
  /** The worker answers the badge after `ms` (a stranger costs one read, a recorded person several). */
  const answerAfter = (ms: number) => {
    link.answers['content:badge'] = () => new Promise((resolve) => setTimeout(() => resolve(VIEW), ms));
  };
  /** The first moment (in ms since the navigation, probed each millisecond) the badge shows. */
  async function shownAfter(navigate: () => void, limit = 500): Promise<number> {
    navigate();
    // The script notices in a microtask (a DOM batch, the URL change): no time passes.
    await vi.advanceTimersByTimeAsync(0);
    for (let elapsed = 0; elapsed <= limit; elapsed++) {
      if (badgeShows()) return elapsed;
      await vi.advanceTimersByTimeAsync(1);
    }
    return Number.POSITIVE_INFINITY;
  }

  test.each([
    ['a stranger (one read)', 2],
    ['a recorded person (more reads, a write)', 35],
    ['a slow answer just under the delay', REVEAL_MS - 1],
  ])('on a fresh page: %s shows at exactly REVEAL_MS', async (_, workerMs) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    answerAfter(workerMs);
    showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
    expect(
      await shownAfter(() => {
        script = runContentScript(link);
      }),
    ).toBe(REVEAL_MS);
  });

  test.each([
    ['a stranger', 2],
    ['a recorded person', 35],
  ])(
    'after pushState to another profile: %s shows at exactly REVEAL_MS after the URL changed',
    async (_, workerMs) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      answerAfter(1);
      showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
      script = runContentScript(link);
      await vi.advanceTimersByTimeAsync(200);
      expect(badgeShows()).toBe(true);
      answerAfter(workerMs);
      const shown = await shownAfter(() => {
        history.pushState({}, '', '/in/john-roe-9f8e7d/');
        document.body.append(document.createElement('span'));
      });
      expect(shown).toBe(REVEAL_MS);
    },
  );

  test('an answer later than the delay: the badge shows at REVEAL_MS all the same, its words come in place', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    answerAfter(REVEAL_MS + 60);
    showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
    expect(
      await shownAfter(() => {
        script = runContentScript(link);
      }),
    ).toBe(REVEAL_MS);
    const button = roots.at(-1)?.querySelector('button.tn-badge') as HTMLButtonElement;
    const box = { classes: button.className, hidden: button.hidden };
    expect(button.getAttribute('aria-label')).toBe('msg:content_badge_pending');
    await vi.advanceTimersByTimeAsync(60);
    expect(button.getAttribute('aria-label')).toBe(VIEW.name);
    expect({ classes: button.className, hidden: button.hidden }).toEqual(box);
  });

  test('a visit the worker will not answer: shown without words when due, hidden once the asks are spent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    link.answers['content:badge'] = () => null;
    showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
    script = runContentScript(link);
    await vi.advanceTimersByTimeAsync(REVEAL_MS);
    expect(badgeShows()).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(sentOf('content:badge')).toHaveLength(3);
    expect(badgeShows()).toBe(false);
  });
});

describe('visits', () => {
  test('a visit’s timers end with it: badge retries for the previous profile stop at the next one', async () => {
    vi.useFakeTimers();
    link.answers['content:badge'] = () => null;
    showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
    script = runContentScript(link);
    await vi.advanceTimersByTimeAsync(0);
    expect(sentOf('content:badge')).toHaveLength(1);
    // A refusal is retried (the worker may not have seen the tab's new URL yet)...
    await vi.advanceTimersByTimeAsync(150);
    expect(sentOf('content:badge')).toHaveLength(2);
    // ...until the tab moves on: then only the new profile is asked about.
    history.pushState({}, '', '/in/john-roe-9f8e7d/');
    document.body.append(document.createElement('span'));
    await vi.advanceTimersByTimeAsync(5000);
    const keys = sentOf('content:badge').map((m) => (m.payload as { key: string }).key);
    expect(keys.slice(0, 2)).toEqual(['linkedin:jane-doe-1a2b3c', 'linkedin:jane-doe-1a2b3c']);
    expect(keys.slice(2).every((key) => key === 'linkedin:john-roe-9f8e7d')).toBe(true);
    expect(keys.length).toBeGreaterThan(2);
  });

  test('leaving profiles removes the host and tells the worker; every observer but the page watcher stops', async () => {
    showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
    script = runContentScript(link);
    await tick();
    expect(observers.size).toBeGreaterThan(1);
    showPage('https://www.linkedin.com/feed/', 'linkedin-feed.html');
    await tick();
    expect(hosts()).toBe(0);
    expect(sentOf('content:profileSeen').at(-1)?.payload).toEqual({ snapshot: null });
    // The page watcher only: the host's observers went with it.
    expect(observers.size).toBe(1);
  });
});

describe('when the extension is reloaded or updated under the page', () => {
  test('the script ends: the host leaves the page, every observer and listener stops, nothing more is sent', async () => {
    showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
    script = runContentScript(link);
    await tick();
    expect(hosts()).toBe(1);
    const sent = link.sent.length;
    link.invalidate();
    // The next thing the page does is when the orphaned script notices.
    document.body.append(document.createElement('span'));
    await tick();
    expect(script.signal.aborted).toBe(true);
    expect(hosts()).toBe(0);
    expect(observers.size).toBe(0);
    // No more work: a new profile, a notice, the tab coming back into view.
    const read = vi.spyOn(linkedin, 'read');
    history.pushState({}, '', '/in/john-roe-9f8e7d/');
    document.body.append(document.createElement('span'));
    document.dispatchEvent(new Event('visibilitychange'));
    link.notice({ type: 'worker:badgeStale', payload: {} });
    await tick();
    expect(read).not.toHaveBeenCalled();
    expect(link.sent.length).toBe(sent);
    expect(hosts()).toBe(0);
  });

  test('a request that finds the extension gone ends the script too', async () => {
    vi.useFakeTimers();
    link.answers['content:badge'] = () => null;
    showPage('https://www.linkedin.com/in/jane-doe-1a2b3c/', 'linkedin-profile.html');
    script = runContentScript(link);
    await vi.advanceTimersByTimeAsync(0);
    link.invalidate();
    // The badge retry is the next thing that runs: it finds the extension gone.
    await vi.advanceTimersByTimeAsync(2000);
    expect(script.signal.aborted).toBe(true);
    expect(hosts()).toBe(0);
  });
});

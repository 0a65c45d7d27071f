// The panel's user paths on a LinkedIn profile, written once and run in both browsers: Chromium (../panel.e2e.ts,
// Playwright over CDP) and Firefox (firefox/panel.e2e.ts, Puppeteer over WebDriver BiDi). Each browser gives a thin
// driver (below) for what differs: opening a page, reaching the badge in the closed shadow root and the panel's
// frame, clicking and typing, reading the database from an extension page. The steps and every assertion are this
// file's, so a check can no longer go missing from one browser's copy. What only one browser has (Chrome's keyboard
// shortcut, Firefox's panel without tabs or storage.session) stays in that browser's file.
import { describe, expect, test } from 'vitest';
import type { Stores } from './rawStores.ts';

/** Runs `fn(arg)` in a document; both drivers' frames and pages have this shape. */
export type Evaluate = <R>(fn: (arg: string) => R, arg: string) => Promise<unknown>;

/** What a test reads of a document: the panel's frame, the popup, the options page. */
export interface View {
  /** Runs `fn(arg)` in the document (its main world, for a web page). */
  evaluate: Evaluate;
  /** The text of the first match, null without one. */
  text(selector: string): Promise<string | null>;
  texts(selector: string): Promise<string[]>;
  count(selector: string): Promise<number>;
  /** The class of the focused element. */
  focusedClass(): Promise<string | null>;
  /** The href of the first link with exactly this text. */
  linkHref(name: string): Promise<string | null>;
  /** The size of the window's viewport. */
  viewport(): Promise<{ width: number; height: number }>;
}

/** A View over any document a driver can evaluate in: the same reads in both browsers. */
export function view(evaluate: Evaluate): View {
  return {
    evaluate,
    text: async (selector) =>
      (await evaluate((s) => document.querySelector(s)?.textContent ?? null, selector)) as string | null,
    texts: async (selector) =>
      (await evaluate(
        (s) => [...document.querySelectorAll(s)].map((el) => el.textContent ?? ''),
        selector,
      )) as string[],
    count: async (selector) =>
      (await evaluate((s) => document.querySelectorAll(s).length, selector)) as number,
    focusedClass: async () =>
      (await evaluate(() => document.activeElement?.className ?? null, '')) as string | null,
    linkHref: async (name) =>
      (await evaluate(
        (n) =>
          [...document.querySelectorAll('a')]
            .find((a) => a.textContent?.trim() === n)
            ?.getAttribute('href') ?? null,
        name,
      )) as string | null,
    viewport: async () =>
      (await evaluate(() => ({ width: innerWidth, height: innerHeight }), '')) as {
        width: number;
        height: number;
      },
  };
}

/** The panel's frame, opened. */
export interface PanelView extends View {
  /** Fills the quick-add form by its visible labels (typing, or choosing an option by its text), adds, and waits for
   * this add's own success. */
  quickAdd(fields: Record<string, string>): Promise<void>;
  /** Types a note in the note form, as a user, adds it, and waits for it in the list. */
  addNote(text: string): Promise<void>;
  /** The panel bar's Collapse button. */
  collapse(): Promise<void>;
}

/** The badge as a user and assistive technology have it (see panelHelpers.ts, firefox/browser.mjs readBadge). */
export interface Badge {
  words: string;
  pending: boolean;
  name: string;
  expanded: string | undefined;
}

/** A web page (a fixture at a real LinkedIn URL) in a tab. */
export interface ProfilePage extends View {
  /** Waits for the badge to show (these words, when given); returns what it shows. */
  badge(words?: string): Promise<Badge>;
  /** Whether focus is on the badge. */
  badgeFocused(): Promise<boolean>;
  /** Opens the panel with a click on the badge; resolves once it shows a person, with focus on the name. */
  expand(): Promise<PanelView>;
  /** How many of the extension's hosts are in the page. */
  hostCount(): Promise<number>;
  hostBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** Whether the panel's frame is loaded in the page (it is not until the user reaches for the badge). */
  panelLoaded(): Promise<boolean>;
  /** Whether the page itself can see into the host (it must not: the shadow root is closed). */
  pageSeesShadowRoot(): Promise<boolean>;
  /** What the worker remembers the tab shows (its storage.session entry), read from inside the extension. */
  profileKey(): Promise<string | null>;
  /** The same entry's key and the name the page gave (null before the page gave one). */
  remembered(): Promise<{ key: string; name: string | null } | null>;
  /** The badge's words right now, without waiting (null while there is no badge). */
  badgeWords(): Promise<string | null>;
  /** Once the content script has looked at the page as it is now (contentSettled.ts); fails if it never ran. */
  settled(): Promise<void>;
  /** Moves the pointer away from where the badge shows, so pointing at it does not load the frame. */
  pointerAway(): Promise<void>;
  close(): Promise<void>;
}

/** An extension page in a tab of its own. */
export interface ExtensionView extends View {
  close(): Promise<void>;
}

export interface PanelDriver {
  /** The extension's origin, e.g. chrome-extension://<id>. */
  origin: string;
  open(url: string): Promise<ProfilePage>;
  /** Every row of the extension's database, read from an extension page with the raw IndexedDB API. */
  readStores(): Promise<Stores>;
  /** The popup, in a tab of its own, about the tab showing `url`. */
  openPopupFor(url: string): Promise<ExtensionView>;
  /** The options page at `hash` (e.g. `#/person/<id>`). */
  openOptions(hash: string): Promise<ExtensionView>;
}

export const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const JANE_HEADLINE = 'Independent data engineer · helping NGOs build trustworthy pipelines';

/** An in-app navigation, as the SPA fixture's router does it (pushState and a re-render). */
const navigate = (page: View, path: string) =>
  page.evaluate((p) => (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate(p), path);

/** Appends `n` elements to the page's body, as a busy page does. */
const churn = (page: View, n: number) =>
  page.evaluate((n) => {
    for (let i = 0; i < Number(n); i++) document.body.append(document.createElement('span'));
  }, String(n));

/** Collapses the panel; the badge then shows the stage, and the number of open flags if any. */
async function collapse(page: ProfilePage, frame: PanelView, stage: string): Promise<void> {
  const flags = await frame.count('.tn-flag');
  await frame.collapse();
  await page.badge(flags ? `Trust Notes ${stage} ${flags}` : `Trust Notes ${stage}`);
}

/**
 * The shared scenarios, in order: a first visit records nobody, quick add and a note write the database, the popup
 * and the options page follow live, and in-app navigation moves the one panel along. `driver` is called inside the
 * tests, once the browser's beforeAll has launched it.
 */
export function panelScenarios(driver: () => PanelDriver): void {
  describe('on a LinkedIn profile', () => {
    test('the badge appears for the person the page shows, and the visit records nobody', async () => {
      const d = driver();
      const page = await d.open(JANE);
      expect(await page.badge('Trust Notes No notes yet')).toEqual({
        words: 'Trust Notes No notes yet',
        pending: false,
        name: 'Trust Notes: No notes yet. Open the panel',
        expanded: 'false',
      });
      // One size whatever the badge says: the page learns nothing from it.
      const box = await page.hostBox();
      expect([box?.width, box?.height]).toEqual([216, 34]);
      // At the page's end edge (right, for an English UI), near the bottom.
      const viewport = await page.viewport();
      expect(box!.x + box!.width).toBeGreaterThan(viewport.width - 40);
      expect(box!.y + box!.height).toBeGreaterThan(viewport.height - 40);
      expect(await page.hostCount()).toBe(1);
      // The page sees the host element, never into it.
      expect(await page.pageSeesShadowRoot()).toBe(false);
      // The panel's frame is not loaded until the user reaches for the badge.
      expect(await page.panelLoaded()).toBe(false);
      await expect.poll(() => page.profileKey()).toBe('linkedin:jane-doe-1a2b3c');
      const stores = await d.readStores();
      expect(stores.people).toEqual([]);
      expect(stores.profiles).toEqual([]);
      await page.close();
    });

    test('expanded, it shows the person from the page, the stage with its reason, vouch readiness and next step, at the panel’s width', async () => {
      const page = await driver().open(JANE);
      const frame = await page.expand();
      expect(await page.panelLoaded()).toBe(true);
      await expect.poll(async () => (await page.hostBox())?.width).toBe(400);
      expect(await frame.text('.tn-name')).toBe('Jane Doe');
      expect(await frame.text('.tn-headline')).toBe(JANE_HEADLINE);
      expect(await frame.text('.tn-summary .tn-stage')).toBe('Connected');
      expect(await frame.text('.tn-reason')).toBe('Only connected: nothing shared yet.');
      expect(await frame.text('.tn-vouch')).toContain('Not yet — You have never seen their work.');
      expect(await frame.text('.tn-vouch')).toContain('Next step: Propose a small joint task.');
      // Focus moved to the person's name, so the keyboard and screen readers start there.
      expect(await frame.focusedClass()).toBe('tn-name');
      await page.close();
    });

    test('quick add creates the person with this profile; the stage, trust, timeline and badge follow', async () => {
      const d = driver();
      const page = await d.open(JANE);
      const frame = await page.expand();
      await frame.quickAdd({
        Kind: 'Trial project',
        'Who delivered': 'They delivered for me',
        Date: '2024-05',
        Status: 'Done',
        'Quality (1–5)': '4',
        Delivery: 'Delivered on time',
        'Would work again': 'Would work again',
        Note: 'Clean handover, documented.',
      });
      await expect.poll(() => frame.text('.tn-summary .tn-stage')).toBe('Tested');
      expect(await frame.count('.tn-timeline li')).toBe(1);
      expect(await frame.text('.tn-timeline')).toContain('Trial project (May 2024)');
      expect(await frame.text('.tn-timeline')).toContain('Quality 4/5');
      expect(await frame.text('.tn-vouch')).toContain('Yes — One small shared work with a good outcome.');
      expect(await frame.text('.tn-directions')).toContain('My trust in themTested');

      const stores = await d.readStores();
      expect(stores.people.map((p) => [p.name, p.headline, p.stage])).toEqual([
        ['Jane Doe', JANE_HEADLINE, 'tested'],
      ]);
      expect(stores.profiles.map((p) => [p.key, p.personId])).toEqual([
        ['linkedin:jane-doe-1a2b3c', stores.people[0]!.id],
      ]);
      expect(stores.sharedWork).toEqual([
        expect.objectContaining({
          personId: stores.people[0]!.id,
          kind: 'trial',
          direction: 'theyDelivered',
          status: 'done',
          endDate: '2024-05',
          outcome: { quality: 4, reliability: 'onTime', wouldWorkAgain: 'yes' },
          note: 'Clean handover, documented.',
        }),
      ]);

      // Collapsed again: the badge carries the new stage and the panel's open flags, at its own size, and focus
      // returns to it.
      await collapse(page, frame, 'Tested');
      await expect.poll(() => page.badgeFocused()).toBe(true);
      await expect.poll(async () => (await page.hostBox())?.width).toBe(216);
      await page.close();
    });

    test('a note typed in the panel is saved, with a link to the full record; collapsed, the host is the badge’s size again', async () => {
      const d = driver();
      const page = await d.open(JANE);
      const frame = await page.expand();
      await frame.addNote('Prefers async updates on Thursdays.');
      const stores = await d.readStores();
      const jane = stores.people.find((p) => p.name === 'Jane Doe')!;
      expect(stores.notes).toEqual([
        expect.objectContaining({ personId: jane.id, text: 'Prefers async updates on Thursdays.' }),
      ]);
      expect(await frame.linkHref('Open full record')).toBe(
        `${d.origin}/src/options/index.html#/person/${jane.id}`,
      );
      await collapse(page, frame, 'Tested');
      await expect.poll(async () => (await page.hostBox())?.width).toBe(216);
      await page.close();
    });

    test('shared work added in the panel shows in the popup and the options page, live', async () => {
      const d = driver();
      const page = await d.open(JANE);
      const frame = await page.expand();
      await frame.quickAdd({
        Kind: 'Paid project',
        'Who delivered': 'They delivered for me',
        Date: '2025-02',
        Status: 'Done',
        Payment: 'Paid on time',
        Note: 'Survey dashboard',
      });
      const jane = (await d.readStores()).people.find((p) => p.name === 'Jane Doe')!;

      // The popup, about this tab: the same person, the new work at the top of the timeline and of recent work.
      const popup = await d.openPopupFor(JANE);
      await expect.poll(() => popup.text('#popup-profile-heading')).toContain('Jane Doe');
      await expect.poll(() => popup.text('.tn-timeline > li')).toContain('Paid project (February 2025)');
      expect(await popup.text('.tn-timeline > li')).toContain('Survey dashboard');
      expect(await popup.text('.tn-summary .tn-stage')).toBe('Proven');
      expect(await popup.text('#popup-recent-heading ~ ul li a')).toBe('Jane Doe');

      // The options page, at her full record.
      const options = await d.openOptions(`#/person/${jane.id}`);
      await expect
        .poll(() => options.texts('.timeline-item .timeline-what'))
        .toEqual(['Paid project', 'Trial project']);
      expect(await options.text('.timeline-item')).toContain('Survey dashboard');

      // Both follow what the panel writes next, without a reload.
      await frame.quickAdd({ Kind: 'Volunteer work', Status: 'Planned', Date: '2031' });
      await expect.poll(() => popup.count('.tn-timeline > li')).toBe(3);
      await expect.poll(() => options.count('.timeline-item')).toBe(3);
      await Promise.all([popup.close(), options.close(), page.close()]);
    });
  });

  describe('single-page navigation', () => {
    test('feed → profile → another profile → its sub-page → feed: one panel that follows, then none', async () => {
      const page = await driver().open('https://www.linkedin.com/feed/');
      await page.settled();
      expect(await page.hostCount()).toBe(0);

      await navigate(page, '/in/omar-haddad/');
      await page.badge('Trust Notes No notes yet');
      await expect.poll(() => page.profileKey()).toBe('linkedin:omar-haddad');
      const frame = await page.expand();
      await expect.poll(() => frame.text('.tn-name')).toBe('Omar Haddad');

      await navigate(page, '/in/nadia-spa-test/');
      await expect.poll(() => page.profileKey()).toBe('linkedin:nadia-spa-test');
      // The same frame follows (no remount), and never shows the previous person under the new key.
      await expect.poll(() => frame.text('.tn-name')).toBe('nadia-spa-test');
      expect(await page.hostCount()).toBe(1);
      expect(await page.panelLoaded()).toBe(true);

      await navigate(page, '/in/li-wei-88/details/experience/');
      await expect.poll(() => page.profileKey()).toBe('linkedin:li-wei-88');
      await expect.poll(() => frame.text('.tn-name')).toBe('Li Wei');

      await navigate(page, '/feed/');
      await expect.poll(() => page.hostCount()).toBe(0);
      await expect.poll(() => page.panelLoaded()).toBe(false);
      await expect.poll(() => page.profileKey()).toBe(null);

      // Back to a profile: a fresh badge, exactly one, no frame until it is opened (or pointed at: the pointer is
      // moved away from where the badge will be), and a fresh panel once opened.
      await page.pointerAway();
      await navigate(page, '/in/omar-haddad/');
      await page.badge('Trust Notes No notes yet');
      expect(await page.hostCount()).toBe(1);
      expect(await page.panelLoaded()).toBe(false);
      const again = await page.expand();
      await expect.poll(() => again.text('.tn-name')).toBe('Omar Haddad');
      await page.close();
    });

    test('DOM churn never mounts a second panel', async () => {
      const page = await driver().open(JANE);
      await page.expand();
      await churn(page, 50);
      await page.settled();
      expect(await page.hostCount()).toBe(1);
      expect(await page.panelLoaded()).toBe(true);
      await page.close();
    });
  });
}

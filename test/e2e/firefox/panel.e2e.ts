import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_FIXTURES } from '../../../scripts/demo.mjs';
import { contentScriptEvaluated, contentScriptSettled } from '../contentSettled.ts';
import { readAllStores, STORE_NAMES, type Stores } from '../rawStores.ts';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';

// The in-page panel on LinkedIn, in Firefox: the same fixtures and user paths as ../panel.e2e.ts. Firefox
// gives an extension frame embedded in a web page only the content-script API surface (runtime,
// storage.local, i18n): no `tabs`, no `storage.session` (w3c/webextensions#787), so the panel reaches its
// tab through the worker (src/panel/tabLink.ts). The collapsed badge is the content script's own, in its
// closed shadow root (read through WebDriver BiDi, ff.readBadge); the panel frame loads when it is opened,
// and WebDriver BiDi lists it as a child browsing context of the page.

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const SPA = 'pages/linkedin-spa.html';
const HOST = '[data-trust-notes-host]';
const routes = {
  ...DEMO_FIXTURES,
  'https://www.linkedin.com/jobs/': SPA,
  'https://www.linkedin.com/in/nadia-spa-test/': SPA,
};

let ff: Awaited<ReturnType<typeof launchFirefox>>;
let pages: ReturnType<typeof ff.servedPages>;

beforeAll(async () => {
  ff = await launchFirefox();
  pages = ff.servedPages(routes);
});
afterAll(async () => {
  await ff?.close();
});

async function open(url: string): Promise<Page> {
  const page = await pages.open(url);
  return page;
}

/** Once the content script has looked at the page as it is now (see ../contentSettled.ts), asked from an
 * extension page. */
async function settled(page: Page): Promise<void> {
  const inspector = await ff.openExtensionPage('src/options/index.html');
  try {
    await contentScriptSettled((url) => inspector.evaluate(contentScriptEvaluated, url), page.url());
  } finally {
    await inspector.close();
  }
}

const navigate = (page: Page, path: string) =>
  page.evaluate((p) => (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate(p), path);

/** Waits for the badge to show (these words, when given); returns what it shows. */
async function badge(page: Page, words?: string) {
  const read = async () => (await ff.readBadge(page))?.words ?? null;
  // Any words: the worker's, not the badge shown at its time before they came.
  const anyWords = async () => {
    const state = await ff.readBadge(page);
    return state !== null && !state.pending;
  };
  if (words === undefined) await expect.poll(anyWords, { timeout: 10_000 }).toBe(true);
  else await expect.poll(read, { timeout: 10_000 }).toBe(words);
  return (await ff.readBadge(page))!;
}

/** A click at the badge's place, as a user's; returns the panel frame once it shows the person. */
async function expand(page: Page): Promise<Frame> {
  await badge(page);
  await page.click(HOST);
  const frame: Frame = await ff.extensionFrame(page, 'src/panel/index.html');
  await frame.waitForSelector('main.tn-panel');
  // Opening moves focus to the person's name (in an effect); later clicks must not race it.
  await frame.waitForFunction(() => document.activeElement?.classList.contains('tn-name'));
  return frame;
}

/** Collapses the panel; the badge then shows the stage, and the number of open flags if any. */
async function collapse(page: Page, frame: Frame, stage: string): Promise<void> {
  const flags = await count(frame, '.tn-flag');
  await frame.click('.tn-panel-bar button');
  await badge(page, flags ? `Trust Notes ${stage} ${flags}` : `Trust Notes ${stage}`);
}

const text = (frame: Frame | Page, selector: string) => frame.$eval(selector, (el) => el.textContent);
const texts = (frame: Frame | Page, selector: string) =>
  frame.$$eval(selector, (els) => els.map((el) => el.textContent));
const count = (frame: Frame | Page, selector: string) => frame.$$eval(selector, (els) => els.length);
const hostWidth = (page: Page) => page.$eval(HOST, (host) => host.getBoundingClientRect().width);

/** Fills the quick-add form by its visible labels (typing, or choosing an option by its text), then adds. */
async function quickAdd(frame: Frame, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    // A label names its control either by `for` or by wrapping it (then its text is the <span> before it).
    const control = await frame.evaluateHandle((label) => {
      const labels = [...(document.querySelector('form.tn-quick-add')?.querySelectorAll('label') ?? [])];
      const text = (l: HTMLLabelElement) => (l.htmlFor ? l : l.querySelector('span'))?.textContent?.trim();
      return labels.find((l) => text(l) === label)?.control ?? null;
    }, label);
    const field = control.asElement() as ElementHandle<HTMLInputElement | HTMLSelectElement> | null;
    if (!field) throw new Error(`No field labelled ${label}`);
    const select = await field.evaluate((el, value) => {
      if (!(el instanceof HTMLSelectElement)) return undefined;
      return [...el.options].find((o) => o.textContent === value)?.value ?? null;
    }, value);
    if (select === null) throw new Error(`No option ${value} in ${label}`);
    if (select !== undefined) await field.select(select);
    else {
      // Clear what an earlier add left, as a user selecting the text and typing over it would.
      await field.evaluate((el) => (el as HTMLInputElement).select());
      await field.type(value);
    }
  }
  const typed = Object.values(fields);
  const buttons = await frame.$$('form.tn-quick-add button');
  const labels = await Promise.all(buttons.map((b) => b.evaluate((el) => el.textContent?.trim())));
  const add = buttons[labels.indexOf('Add')];
  if (!add) throw new Error('No Add button in the quick-add form');
  await add.click();
  // An earlier add leaves the same status text: this add's own success is the status with the form reset
  // (none of the typed values left in its text fields).
  await frame.waitForFunction(
    (typed) => {
      const form = document.querySelector('form.tn-quick-add');
      const fields = [...(form?.querySelectorAll('input, textarea') ?? [])] as HTMLInputElement[];
      return (
        form?.querySelector('[role="status"]')?.textContent === 'Shared work added.' &&
        !fields.some((f) => f.value !== '' && typed.includes(f.value))
      );
    },
    {},
    typed,
  );
}

/** The extension's database, read with the raw IndexedDB API from an extension page. */
async function readStores(): Promise<Stores> {
  const page = await ff.openExtensionPage('src/popup/index.html');
  try {
    return (await page.evaluate(readAllStores, STORE_NAMES)) as unknown as Stores;
  } finally {
    await page.close();
  }
}

describe('Firefox build', () => {
  test('exposes only the panel page, without use_dynamic_url (the per-install UUID already varies)', () => {
    const m = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8'));
    expect(m.web_accessible_resources).toHaveLength(1);
    expect(m.web_accessible_resources[0].resources).toEqual(['src/panel/index.html']);
    expect(m.web_accessible_resources[0].use_dynamic_url).toBeUndefined();
  });
});

describe('the panel frame on a LinkedIn profile in Firefox', () => {
  test('the badge shows for the person the page shows, at its fixed size, and the visit records nobody', async () => {
    const page = await open(JANE);
    expect(await badge(page, 'Trust Notes No notes yet')).toEqual({
      words: 'Trust Notes No notes yet',
      pending: false,
      name: 'Trust Notes: No notes yet. Open the panel',
      expanded: 'false',
    });
    expect(await hostWidth(page)).toBe(216);
    expect(await count(page, HOST)).toBe(1);
    // The page sees the host element, never into it.
    expect(await page.$eval(HOST, (host) => host.shadowRoot)).toBeNull();
    expect((await readStores()).people).toEqual([]);
    await page.close();
  });

  test('opened, the panel frame is from this install’s moz-extension origin', async () => {
    const page = await open(JANE);
    const frame = await expand(page);
    expect(await frame.evaluate(() => location.origin)).toBe(ff.origin);
    expect(await count(page, HOST)).toBe(1);
    await page.close();
  });

  test('has no tabs and no storage.session API, yet the background knows its tab and answers for it', async () => {
    const page = await open(JANE);
    const frame = await expand(page);
    const seen = await frame.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: Record<string, Record<string, unknown> | undefined> })
        .browser;
      // As the panel asks: with the nonce our content script put in its fragment and registered.
      const reply = (await chrome.runtime.sendMessage({
        type: 'page:tabProfile',
        payload: { nonce: location.hash.slice(1) },
      })) as {
        ok: boolean;
        value?: { snapshot: { key: string } | null };
      };
      return {
        tabs: typeof ext.tabs,
        session: typeof ext.storage?.session,
        local: typeof ext.storage?.local,
        database: (await indexedDB.databases()).some((d) => d.name === 'trust-notes'),
        profile: reply.value?.snapshot?.key ?? null,
      };
    });
    expect(seen).toEqual({
      tabs: 'undefined',
      session: 'undefined',
      local: 'object',
      // The extension's own database: the frame is on the extension origin.
      database: true,
      profile: 'linkedin:jane-doe-1a2b3c',
    });
    await page.close();
  });

  test('expanded, it shows the person from the page, the stage with its reason, vouch readiness and next step, at the panel’s width', async () => {
    const page = await open(JANE);
    const frame = await expand(page);
    expect(await text(frame, '.tn-name')).toBe('Jane Doe');
    expect(await text(frame, '.tn-headline')).toBe(
      'Independent data engineer · helping NGOs build trustworthy pipelines',
    );
    expect(await text(frame, '.tn-summary .tn-stage')).toBe('Connected');
    expect(await text(frame, '.tn-reason')).toBe('Only connected: nothing shared yet.');
    expect(await text(frame, '.tn-vouch')).toContain('Not yet — You have never seen their work.');
    expect(await text(frame, '.tn-vouch')).toContain('Next step: Propose a small joint task.');
    await expect.poll(() => hostWidth(page)).toBe(400);
    await page.close();
  });
});

describe('user paths in the panel in Firefox', () => {
  test('quick add creates the person with this profile; the stage, trust, timeline and badge follow', async () => {
    const page = await open(JANE);
    const frame = await expand(page);
    await quickAdd(frame, {
      Kind: 'Trial project',
      'Who delivered': 'They delivered for me',
      Date: '2024-05',
      Status: 'Done',
      'Quality (1–5)': '4',
      Delivery: 'Delivered on time',
      'Would work again': 'Would work again',
      Note: 'Clean handover, documented.',
    });
    await expect.poll(() => text(frame, '.tn-summary .tn-stage')).toBe('Tested');
    expect(await count(frame, '.tn-timeline li')).toBe(1);
    expect(await text(frame, '.tn-timeline')).toContain('Trial project (May 2024)');
    expect(await text(frame, '.tn-timeline')).toContain('Quality 4/5');
    expect(await text(frame, '.tn-vouch')).toContain('Yes — One small shared work with a good outcome.');
    expect(await text(frame, '.tn-directions')).toContain('My trust in themTested');

    const stores = await readStores();
    expect(stores.people.map((p) => [p.name, p.headline, p.stage])).toEqual([
      ['Jane Doe', 'Independent data engineer · helping NGOs build trustworthy pipelines', 'tested'],
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

    // Collapsed again, relayed by the worker (the frame has no tabs API in Firefox): the badge carries the
    // new stage, at its own size.
    await collapse(page, frame, 'Tested');
    await expect.poll(() => hostWidth(page)).toBe(216);
    await page.close();
  });

  test('a note typed in the panel lands in the database; collapsed, the host is the badge’s size again', async () => {
    const page = await open(JANE);
    const frame = await expand(page);
    await frame.type('.tn-note-form textarea', 'Met at the Cairo meetup.');
    await frame.click('.tn-note-form button[type=submit]');
    await frame.waitForSelector('.tn-note-text');
    expect((await readStores()).notes.map((n) => n.text)).toEqual(['Met at the Cairo meetup.']);
    await collapse(page, frame, 'Tested');
    await expect.poll(() => hostWidth(page)).toBe(216);
    await page.close();
  });

  test('shared work added in the panel shows in the popup and the options page, live', async () => {
    const page = await open(JANE);
    const frame = await expand(page);
    await quickAdd(frame, {
      Kind: 'Paid project',
      'Who delivered': 'They delivered for me',
      Date: '2025-02',
      Status: 'Done',
      Payment: 'Paid on time',
      Note: 'Survey dashboard',
    });
    const jane = (await readStores()).people.find((p) => p.name === 'Jane Doe')!;

    // The popup in a tab of its own, about the LinkedIn tab: the same person, the new work at the top of
    // the timeline and of recent work.
    const popup = await ff.openExtensionPage('src/popup/index.html');
    const tabId = await popup.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, JANE);
    expect(tabId).toEqual(expect.any(Number));
    await ff.navigateExtensionPage(popup, `src/popup/index.html?tab=${tabId}`);
    await popup.waitForFunction(() =>
      document.querySelector('#popup-profile-heading')?.textContent?.includes('Jane Doe'),
    );
    await expect.poll(() => text(popup, '.tn-timeline > li')).toContain('Paid project (February 2025)');
    expect(await text(popup, '.tn-timeline > li')).toContain('Survey dashboard');
    expect(await text(popup, '.tn-summary .tn-stage')).toBe('Proven');
    expect(await text(popup, '#popup-recent-heading ~ ul li a')).toBe('Jane Doe');

    // The options page, at her full record.
    const options = await ff.openExtensionPage(`src/options/index.html#/person/${jane.id}`);
    await expect
      .poll(() => texts(options, '.timeline-item .timeline-what'))
      .toEqual(['Paid project', 'Trial project']);
    expect(await text(options, '.timeline-item')).toContain('Survey dashboard');

    // Both follow what the panel writes next, without a reload.
    await quickAdd(frame, { Kind: 'Volunteer work', Status: 'Planned', Date: '2031' });
    await expect.poll(() => count(popup, '.tn-timeline > li')).toBe(3);
    await expect.poll(() => count(options, '.timeline-item')).toBe(3);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});

describe('single-page navigation in Firefox', () => {
  test('feed → profile → another profile → its sub-page → feed: one panel that follows, then none', async () => {
    const page = await open('https://www.linkedin.com/feed/');
    await settled(page);
    expect(await count(page, HOST)).toBe(0);

    await navigate(page, '/in/omar-haddad/');
    await badge(page, 'Trust Notes No notes yet');
    const frame = await expand(page);
    await expect.poll(() => text(frame, '.tn-name')).toBe('Omar Haddad');

    await navigate(page, '/in/nadia-spa-test/');
    // The same frame follows (no remount).
    await expect.poll(() => text(frame, '.tn-name')).toBe('nadia-spa-test');
    expect(await count(page, HOST)).toBe(1);

    await navigate(page, '/in/li-wei-88/details/experience/');
    await expect.poll(() => text(frame, '.tn-name')).toBe('Li Wei');

    await navigate(page, '/feed/');
    await expect.poll(() => count(page, HOST)).toBe(0);

    // Back to a profile: a fresh badge, exactly one, and a fresh panel once opened.
    await page.mouse.move(10, 10);
    await navigate(page, '/in/omar-haddad/');
    await badge(page, 'Trust Notes No notes yet');
    expect(await count(page, HOST)).toBe(1);
    const again = await expand(page);
    await expect.poll(() => text(again, '.tn-name')).toBe('Omar Haddad');
    await page.close();
  });
});

describe('network in Firefox', () => {
  test('pages reached for nothing but their fixtures, and the add-on made no request', async () => {
    expect(pages.refused).toEqual([]);
    expect(await ff.extensionRequests()).toEqual([]);
  });
});

describe('a frame of the panel page that the page made itself', () => {
  // Firefox ignores use_dynamic_url: the panel page is at this install's fixed moz-extension://<uuid>/ address,
  // and any page on a site that may embed it can frame it once it knows the UUID (here, the test tells it). The
  // worker gives a panel frame its tab's profile only with the nonce our content script registered.
  test.each([
    ['a forged nonce', '#ffffffff-ffff-4fff-8fff-ffffffffffff'],
    ['no nonce', ''],
  ])('with %s it gets no profile, and shows no one', async (_, fragment) => {
    const page = await open(JANE);
    await badge(page);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.style.cssText = 'width: 400px; height: 600px';
      document.body.append(frame);
    }, `${ff.origin}/src/panel/index.html${fragment}`);
    const frame = await ff.extensionFrame(page, 'src/panel/index.html');
    await frame.waitForFunction(() => document.readyState === 'complete' && document.body !== null);
    const reply = await frame.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'page:tabProfile',
        payload: { nonce: location.hash.slice(1) || undefined },
      }),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Given time to ask and render, the panel app shows nobody.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count(frame, 'main.tn-panel')).toBe(0);
    expect(await frame.evaluate(() => document.body.textContent?.includes('Jane'))).toBe(false);
    await page.close();
  });
});

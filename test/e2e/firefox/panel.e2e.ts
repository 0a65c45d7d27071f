import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_FIXTURES } from '../../../scripts/demo.mjs';
import { contentScriptEvaluated, contentScriptSettled } from '../contentSettled.ts';
import {
  JANE,
  type PanelDriver,
  type PanelView,
  type ProfilePage,
  panelScenarios,
  view,
} from '../panelScenarios.ts';
import { readAllStores, STORE_NAMES, type Stores } from '../rawStores.ts';
import { DIST_FIREFOX, launchFirefox } from './browser.mjs';

// The in-page panel on LinkedIn, in Firefox: the shared scenarios of ../panelScenarios.ts (the same code that runs
// in Chromium) through Puppeteer, then what is Firefox's own. Firefox
// gives an extension frame embedded in a web page only the content-script API surface (runtime,
// storage.local, i18n): no `tabs`, no `storage.session` (w3c/webextensions#787), so the panel reaches its
// tab through the worker (src/panel/tabLink.ts). The collapsed badge is the content script's own, in its
// closed shadow root (read through WebDriver BiDi, ff.readBadge); the panel frame loads when it is opened,
// and WebDriver BiDi lists it as a child browsing context of the page.

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

const count = (frame: Frame | Page, selector: string) => frame.$$eval(selector, (els) => els.length);

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

/** The panel's frame, driven through Puppeteer: fields found by their visible labels, typed into key by key. */
function panelView(frame: Frame): PanelView {
  return {
    ...view((fn, arg) => frame.evaluate(fn, arg)),
    quickAdd: (fields) => quickAdd(frame, fields),
    async addNote(note) {
      await frame.type('.tn-note-form textarea', note);
      await frame.click('.tn-note-form button[type=submit]');
      await frame.waitForFunction(
        (note) => [...document.querySelectorAll('.tn-note-text')].some((el) => el.textContent === note),
        {},
        note,
      );
    },
    collapse: () => frame.click('.tn-panel-bar button'),
  };
}

/** Runs `fn(url)` in an extension page (Firefox lets only those use tabs and storage.session). */
async function inExtension<R>(fn: (url: string) => Promise<R>, url: string): Promise<R> {
  const inspector = await ff.openExtensionPage('src/options/index.html');
  try {
    return (await inspector.evaluate(fn, url)) as R;
  } finally {
    await inspector.close();
  }
}

function profilePage(page: Page): ProfilePage {
  return {
    ...view((fn, arg) => page.evaluate(fn, arg)),
    badge: (words) => badge(page, words),
    // Focus inside a shadow root shows outside as focus on its host; collapsed, the badge is all the host holds.
    badgeFocused: () => page.evaluate((host) => document.activeElement?.matches(host) === true, HOST),
    expand: async () => panelView(await expand(page)),
    hostCount: () => count(page, HOST),
    hostBox: () =>
      page.$eval(HOST, (host) => {
        const { x, y, width, height } = host.getBoundingClientRect();
        return { x, y, width, height };
      }),
    panelLoaded: async () => (await ff.childFrames(page)) > 0,
    pageSeesShadowRoot: () => page.$eval(HOST, (host) => host.shadowRoot !== null),
    profileKey: () =>
      inExtension(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        const got = await chrome.storage.session.get(`tab:${tab?.id}`);
        return (got[`tab:${tab?.id}`] as { key: string } | undefined)?.key ?? null;
      }, page.url()),
    navigate: (path) => navigate(page, path),
    settled: () => settled(page),
    churn: (n) =>
      page.evaluate((n) => {
        for (let i = 0; i < n; i++) document.body.append(document.createElement('span'));
      }, n),
    pointerAway: () => page.mouse.move(10, 10),
    close: () => page.close(),
  };
}

async function extensionView(path: string) {
  const page = await ff.openExtensionPage(path);
  return { ...view((fn, arg) => page.evaluate(fn, arg)), close: () => page.close() };
}

const firefox: () => PanelDriver = () => ({
  origin: ff.origin,
  open: async (url) => profilePage(await open(url)),
  readStores,
  openPopupFor: async (url) =>
    extensionView(
      `src/popup/index.html?tab=${await inExtension(async (url) => (await chrome.tabs.query({ url }))[0]?.id, url)}`,
    ),
  openOptions: (hash) => extensionView(`src/options/index.html${hash}`),
});

panelScenarios(firefox);

describe('the panel frame on a LinkedIn profile in Firefox', () => {
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

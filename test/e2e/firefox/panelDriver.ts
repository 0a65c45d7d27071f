// The Firefox driver of the shared e2e scenarios (../panelScenarios.ts), over Puppeteer and WebDriver BiDi: the badge
// is read from its closed shadow root through BiDi (ff.readBadge), the moz-extension panel frame is found in BiDi's
// tree of browsing contexts (puppeteer sees it as about:blank), and what only extension pages may use in Firefox
// (tabs, storage.session) is asked from one.
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { contentScriptEvaluated, contentScriptSettled } from '../contentSettled.ts';
import { type PanelDriver, type PanelView, type ProfilePage, view } from '../panelScenarios.ts';
import { readAllStores, STORE_NAMES, type Stores } from '../rawStores.ts';
import type { launchFirefox } from './browser.mjs';

type Firefox = Awaited<ReturnType<typeof launchFirefox>>;

/** The extension's host (a page may plant look-alikes carrying the attribute; ours is always a popover). */
export const HOST = '[data-trust-notes-host][popover]';

/** The driver, and the steps Firefox's own tests use too, for `ff` serving its fixtures through `pages`. */
export function firefoxPanel(ff: Firefox, pages: ReturnType<Firefox['servedPages']>) {
  /** An extension page kept open for reads sampled in a loop (remembered). */
  let inspector: Promise<Page> | undefined;

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
      async remembered() {
        // Sampled every few tens of milliseconds (corpusScenarios.ts): one extension page kept open for it.
        inspector ??= ff.openExtensionPage('src/options/index.html');
        return (await inspector).evaluate(async (url: string) => {
          const [tab] = await chrome.tabs.query({ url });
          const got = (await chrome.storage.session.get(`tab:${tab?.id}`))[`tab:${tab?.id}`] as
            | { key: string; name?: string }
            | undefined;
          return got ? { key: got.key, name: got.name ?? null } : null;
        }, page.url());
      },
      badgeWords: async () => (await ff.readBadge(page))?.words ?? null,
      settled: () => settled(page),
      pointerAway: () => page.mouse.move(10, 10),
      close: () => page.close(),
    };
  }

  async function extensionView(path: string) {
    const page = await ff.openExtensionPage(path);
    return { ...view((fn, arg) => page.evaluate(fn, arg)), close: () => page.close() };
  }

  const driver: PanelDriver = {
    origin: ff.origin,
    open: async (url) => profilePage(await open(url)),
    readStores,
    openPopupFor: async (url) =>
      extensionView(
        `src/popup/index.html?tab=${await inExtension(async (url) => (await chrome.tabs.query({ url }))[0]?.id, url)}`,
      ),
    openOptions: (hash) => extensionView(`src/options/index.html${hash}`),
  };

  return { driver, open, badge, expand, count, readStores };
}

// The Chromium driver of the shared e2e scenarios (panelScenarios.ts), over Playwright: fields found by label and
// role as a user finds them, the badge read from its closed shadow root through CDP (panelHelpers.ts), and what the
// worker remembers asked of the worker itself.
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { type launchWithExtension, openExtensionPage } from './browser.mjs';
import { contentScriptEvaluated, contentScriptSettled } from './contentSettled.ts';
import {
  badge,
  expand,
  HOST,
  hostBox,
  readBadge,
  readStores,
  rememberedProfile,
  tabProfileKey,
} from './panelHelpers.ts';
import { type PanelDriver, type PanelView, type ProfilePage, view } from './panelScenarios.ts';

/** The driver, and the steps Chromium's own tests use too, for the launched extension `ext`. */
export function chromiumPanel(ext: Awaited<ReturnType<typeof launchWithExtension>>) {
  async function open(url: string): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(url);
    return page;
  }

  /** Once the content script has looked at the page as it is now (see contentSettled.ts). */
  const settled = (page: Page) =>
    contentScriptSettled((url) => ext.worker.evaluate(contentScriptEvaluated, url), page.url());

  const navigate = (page: Page, path: string) =>
    page.evaluate((p) => (window as unknown as { __tnNavigate(p: string): void }).__tnNavigate(p), path);

  /** The panel's frame, driven through Playwright's locators: by label and role, as a user finds things. */
  function panelView(frame: Frame): PanelView {
    return {
      ...view((fn, arg) => frame.evaluate(fn, arg)),
      async quickAdd(fields) {
        const form = frame.locator('form.tn-quick-add');
        for (const [label, value] of Object.entries(fields)) {
          const field = form.getByLabel(label, { exact: true });
          if ((await field.evaluate((el) => el.tagName)) === 'SELECT')
            await field.selectOption({ label: value });
          else await field.fill(value);
        }
        await form.getByRole('button', { name: 'Add', exact: true }).click();
        await expect.poll(() => form.getByRole('status').textContent()).toBe('Shared work added.');
      },
      async addNote(text) {
        await frame.getByLabel('New note').fill(text);
        await frame.getByRole('button', { name: 'Add note' }).click();
        await frame.locator('.tn-note-text', { hasText: text }).waitFor();
      },
      collapse: () => frame.getByRole('button', { name: 'Collapse' }).click(),
    };
  }

  function profilePage(page: Page): ProfilePage {
    return {
      ...view((fn, arg) => page.evaluate(fn, arg)),
      badge: (words) =>
        badge(page, words).then(({ words, pending, name, expanded }) => ({ words, pending, name, expanded })),
      badgeFocused: async () => (await readBadge(page))?.focused === true,
      expand: async () => panelView(await expand(page, ext.extensionId)),
      hostCount: () => page.locator(HOST).count(),
      hostBox: () => hostBox(page),
      panelLoaded: async () => page.frames().length > 1,
      pageSeesShadowRoot: () => page.locator(HOST).evaluate((host) => host.shadowRoot !== null),
      profileKey: () => tabProfileKey(ext.worker, page),
      remembered: () => rememberedProfile(ext.worker, page),
      badgeWords: async () => (await readBadge(page))?.words ?? null,
      settled: () => settled(page),
      pointerAway: () => page.mouse.move(10, 10),
      close: () => page.close(),
    };
  }

  const driver: PanelDriver = {
    origin: `chrome-extension://${ext.extensionId}`,
    open: async (url) => profilePage(await open(url)),
    readStores: () => readStores(ext.context, ext.extensionId),
    async openPopupFor(url) {
      const tabId = await ext.worker.evaluate(
        async (url: string) => (await chrome.tabs.query({ url }))[0]?.id,
        url,
      );
      const popup = await openExtensionPage(
        ext.context,
        ext.extensionId,
        `src/popup/index.html?tab=${tabId}`,
      );
      return { ...view((fn, arg) => popup.evaluate(fn, arg)), close: () => popup.close() };
    },
    async openOptions(hash) {
      const options = await openExtensionPage(ext.context, ext.extensionId, `src/options/index.html${hash}`);
      return { ...view((fn, arg) => options.evaluate(fn, arg)), close: () => options.close() };
    },
  };

  return { driver, open, settled, navigate };
}

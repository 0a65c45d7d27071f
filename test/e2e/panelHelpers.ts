// Shared steps of the panel e2e tests: finding the panel frame inside the page, reading the extension's
// database the way an extension page sees it, and what the worker remembers for a tab.
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { openExtensionPage } from './browser.mjs';

export const HOST = '[data-trust-notes-host]';

/** The panel's extension-origin frame in `page` (inside the closed shadow root, reached through CDP). */
export async function panelFrame(page: Page, extensionId: string, timeout = 10_000): Promise<Frame> {
  const prefix = `chrome-extension://${extensionId}/src/panel/index.html`;
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('No panel frame in the page');
    await page.waitForTimeout(25);
  }
}

/** The badge once it shows a profile (it stays hidden until the record is read). */
export async function badge(page: Page, extensionId: string) {
  const frame = await panelFrame(page, extensionId);
  const locator = frame.getByTestId('tn-badge');
  await locator.waitFor();
  return { frame, locator };
}

export async function expand(page: Page, extensionId: string): Promise<Frame> {
  const { frame, locator } = await badge(page, extensionId);
  await locator.click();
  await frame.locator('main.tn-panel').waitFor();
  // Opening moves focus to the person's name (in an effect); later clicks must not race it.
  await frame.waitForFunction(() => document.activeElement?.classList.contains('tn-name'));
  return frame;
}

export interface Stores {
  people: Array<Record<string, unknown> & { id: string; name: string; headline?: string; stage: string }>;
  profiles: Array<{ key: string; personId: string; seenName?: string }>;
  sharedWork: Array<Record<string, unknown> & { personId: string; kind: string; status: string }>;
  notes: Array<{ personId: string; text: string }>;
  flags: Array<{ id: string; personId: string; kind: string; state: string }>;
}

/** Every row of the extension's database, read from an extension page with the raw IndexedDB API. */
export async function readStores(context: BrowserContext, extensionId: string): Promise<Stores> {
  const page = await openExtensionPage(context, extensionId, 'src/popup/index.html');
  try {
    return (await page.evaluate(async () => {
      const exists = (await indexedDB.databases()).some((d) => d.name === 'trust-notes');
      const empty = { people: [], profiles: [], sharedWork: [], notes: [], flags: [] };
      if (!exists) return empty;
      return new Promise((resolve, reject) => {
        const req = indexedDB.open('trust-notes');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const names = Object.keys(empty).filter((n) => idb.objectStoreNames.contains(n));
          const out: Record<string, unknown[]> = { ...empty };
          const tx = idb.transaction(names, 'readonly');
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => {
              out[name] = all.result;
            };
          }
          tx.oncomplete = () => {
            idb.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    })) as Stores;
  } finally {
    await page.close();
  }
}

/** The profile key the worker remembers for the tab showing `page`. */
export async function tabProfileKey(worker: Worker, page: Page): Promise<string | null> {
  return worker.evaluate(async (url: string) => {
    const tabs = await chrome.tabs.query({ url });
    const id = tabs[0]?.id;
    const got = await chrome.storage.session.get(`tab:${id}`);
    return (got[`tab:${id}`] as { key: string } | undefined)?.key ?? null;
  }, page.url());
}

/** The host element's box in the page: what the user can see and click. */
export async function hostBox(page: Page) {
  return page.locator(HOST).boundingBox();
}

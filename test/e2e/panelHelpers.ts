// Shared steps of the panel e2e tests: finding the panel frame inside the page, reading the extension's
// database the way an extension page sees it, and what the worker remembers for a tab.
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { openExtensionPage } from './browser.mjs';
import { readAllStores, STORE_NAMES, type Stores } from './rawStores.ts';

/** The extension's host (a page may plant look-alikes carrying the attribute; ours is always a popover). */
export const HOST = '[data-trust-notes-host][popover]';

/** The panel's extension-origin frame in `page` (inside the closed shadow root, reached through CDP). */
export async function panelFrame(page: Page, extensionId: string, timeout = 10_000): Promise<Frame> {
  const prefix = `chrome-extension://${extensionId}/src/panel/index.html`;
  const find = () => page.frames().find((f) => f.url().startsWith(prefix));
  await expect
    .poll(() => find() !== undefined, { timeout, interval: 25, message: 'No panel frame in the page' })
    .toBe(true);
  return find()!;
}

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const attr = (node: DomNode, name: string): string | undefined => {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
};

function findNode(node: DomNode, match: (n: DomNode) => boolean): DomNode | undefined {
  return findNodes(node, match)[0];
}

function findNodes(node: DomNode, match: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (match(node)) out.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) findNodes(child, match, out);
  return out;
}

/** The badge's label while the worker's words are not in yet (src/content/host.ts). */
export const PENDING_LABEL = '…';

/** What the in-page badge shows: its visible words, its accessible name, and whether it has focus. */
export interface BadgeState {
  words: string;
  /** Shown at its time without the worker's words yet: they fill it in place. */
  pending: boolean;
  /** As assistive technology has it: the role, the accessible name, whether it can take and has focus. */
  role: string;
  name: string;
  focusable: boolean;
  focused: boolean;
  expanded: string | undefined;
}

/**
 * The badge lives in the host's closed shadow root, which no page script (and so no Playwright locator) can
 * enter; the DevTools protocol sees the flat tree, as assistive technology does. Null while it is hidden.
 */
export async function readBadge(page: Page): Promise<BadgeState | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    // The extension's host is the one with the badge inside: a page may plant look-alikes carrying the attribute.
    const button = findNodes(root, (n) => attr(n, 'data-trust-notes-host') !== undefined)
      .map((host) => findNode(host, (n) => n.nodeName === 'BUTTON' && attr(n, 'class') === 'tn-badge'))
      .find(Boolean);
    if (!button || attr(button, 'hidden') !== undefined) return null;
    const words = (button.children ?? [])
      .map((child) => attr(child, 'data-text') ?? '')
      .filter(Boolean)
      .join(' ');
    const label = (button.children ?? []).find((child) => attr(child, 'class') === 'tn-label');
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
      backendNodeId: button.backendNodeId,
      fetchRelatives: false,
    })) as {
      nodes: Array<{
        role?: { value: string };
        name?: { value: string };
        properties?: Array<{ name: string; value: { value: unknown } }>;
      }>;
    };
    const ax = nodes[0];
    const property = (name: string) => ax?.properties?.find((p) => p.name === name)?.value.value;
    return {
      words,
      pending: attr(label ?? ({} as DomNode), 'data-text') === PENDING_LABEL,
      role: ax?.role?.value ?? '',
      name: ax?.name?.value ?? '',
      focusable: property('focusable') === true,
      focused: property('focused') === true,
      expanded: attr(button, 'aria-expanded'),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits for the badge to show the worker's words (these, when given) and returns what it shows. */
export async function badge(page: Page, words?: string): Promise<BadgeState> {
  let state: BadgeState | null = null;
  const read = async () => {
    state = await readBadge(page);
    return state;
  };
  if (words === undefined) {
    await expect.poll(async () => (await read()) !== null && !state!.pending, POLL).toBe(true);
  }
  // Polled on the words, so that a wrong badge fails saying what it showed.
  else await expect.poll(async () => (await read())?.words ?? null, POLL).toBe(words);
  return state!;
}

const POLL = { timeout: 10_000 };

/** Clicks the badge as a user does: at its place on the page (the host is the badge's size while collapsed). */
export async function clickBadge(page: Page): Promise<void> {
  await badge(page);
  await page.locator(HOST).click();
}

/** Opens the panel with a click on the badge; returns its frame once focus is on the person's name. */
export async function expand(page: Page, extensionId: string): Promise<Frame> {
  await clickBadge(page);
  const frame = await panelFrame(page, extensionId);
  await frame.locator('main.tn-panel').waitFor();
  // Opening moves focus to the person's name (in an effect); later clicks must not race it.
  await frame.waitForFunction(() => document.activeElement?.classList.contains('tn-name'));
  return frame;
}

export type { Stores } from './rawStores.ts';

/** Every row of the extension's database, read from an extension page with the raw IndexedDB API. */
export async function readStores(context: BrowserContext, extensionId: string): Promise<Stores> {
  const page = await openExtensionPage(context, extensionId, 'src/popup/index.html');
  try {
    return (await page.evaluate(readAllStores, STORE_NAMES)) as unknown as Stores;
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

/** What the worker remembers for the tab showing `page`: the profile key and the name its page gave, if any. */
export async function rememberedProfile(
  worker: Worker,
  page: Page,
): Promise<{ key: string; name: string | null } | null> {
  const snapshot = await worker.evaluate(async (url: string) => {
    const [tab] = await chrome.tabs.query({ url });
    return (await chrome.storage.session.get(`tab:${tab?.id}`))[`tab:${tab?.id}`] as
      | { key: string; name?: string }
      | undefined;
  }, page.url());
  return snapshot ? { key: snapshot.key, name: snapshot.name ?? null } : null;
}

/** The host element's box in the page: what the user can see and click. */
export async function hostBox(page: Page) {
  return page.locator(HOST).boundingBox();
}

import browser from 'webextension-polyfill';
import type { ProfileSnapshot } from '../core/types.ts';
import { currentGrants } from './grants.ts';
import { isSupportedSiteUrl, keyMatchesPage } from './profilePages.ts';

// What the worker remembers for each tab lives in storage.session, not in a global: the worker is stopped after
// ~30 s idle (and Firefox unloads its event page), so globals do not survive between wakes.
// - `tab:<id>`: the profile the tab shows;
// - `frame:<id>`: the nonce of the panel frame its content script made (content/host.ts).
const keyFor = (tabId: number) => `tab:${tabId}`;
const frameKeyFor = (tabId: number) => `frame:${tabId}`;

// A tab's profile is written by its content script and cleared when the tab moves on (onUpdated); both read and
// write, so they take turns: a check that read the old profile must not remove the new one written meanwhile.
let turns: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = turns.then(work, work);
  turns = next.catch(() => undefined);
  return next;
}

export function rememberTabProfile(tabId: number, snapshot: ProfileSnapshot | null): Promise<void> {
  return inTurn(async () => {
    if (snapshot) await browser.storage.session.set({ [keyFor(tabId)]: snapshot });
    else await browser.storage.session.remove(keyFor(tabId));
  });
}

export async function tabProfile(tabId: number): Promise<ProfileSnapshot | null> {
  const got = await browser.storage.session.get(keyFor(tabId));
  return (got[keyFor(tabId)] as ProfileSnapshot | undefined) ?? null;
}

/**
 * tabs.onUpdated: a tab that starts loading a document, or moves to another address, no longer shows the profile
 * it showed unless its address still names it, so a page that follows (another site, or one that frames the panel
 * itself) never finds it. Chrome reports pushState as loading too, hence the check rather than a plain clear: the
 * same document's content script says what it shows next, before or after this. `tab.url` is there only on a
 * site we are granted; anywhere else the profile goes.
 */
export function tabUpdated(
  tabId: number,
  change: { status?: string; url?: string },
  tab: { url?: string },
): Promise<void> {
  if (change.status !== 'loading' && change.url === undefined) return Promise.resolve();
  return inTurn(async () => {
    const snapshot = await tabProfile(tabId);
    if (!snapshot) return;
    const url = tab.url ?? '';
    const instances = new Set((await currentGrants()).instances);
    if (isSupportedSiteUrl(url, instances) && keyMatchesPage(snapshot.key, url)) return;
    await browser.storage.session.remove(keyFor(tabId));
  });
}

export async function registerPanelFrame(tabId: number, nonce: string): Promise<void> {
  await browser.storage.session.set({ [frameKeyFor(tabId)]: nonce });
}

/** The nonce the tab's content script registered for its panel frame, if any. */
export async function panelFrameNonce(tabId: number): Promise<string | null> {
  const got = await browser.storage.session.get(frameKeyFor(tabId));
  const nonce = got[frameKeyFor(tabId)];
  return typeof nonce === 'string' ? nonce : null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await inTurn(() => browser.storage.session.remove([keyFor(tabId), frameKeyFor(tabId)]));
}

/** The tabs the worker knows to be showing a profile. */
export async function tabsWithProfiles(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith('tab:'))
    .map((key) => Number(key.slice(4)))
    .filter(Number.isInteger);
}

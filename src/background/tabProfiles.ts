import browser from 'webextension-polyfill';
import type { ProfileSnapshot } from '../core/types.ts';

// tab → profile lives in storage.session, not in a global: the worker is stopped after ~30 s idle
// (and Firefox unloads its event page), so globals do not survive between wakes.
const keyFor = (tabId: number) => `tab:${tabId}`;

export async function rememberTabProfile(tabId: number, snapshot: ProfileSnapshot | null): Promise<void> {
  if (snapshot) await browser.storage.session.set({ [keyFor(tabId)]: snapshot });
  else await browser.storage.session.remove(keyFor(tabId));
}

export async function tabProfile(tabId: number): Promise<ProfileSnapshot | null> {
  const got = await browser.storage.session.get(keyFor(tabId));
  return (got[keyFor(tabId)] as ProfileSnapshot | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyFor(tabId));
}

/** The tabs the worker knows to be showing a profile. */
export async function tabsWithProfiles(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith('tab:'))
    .map((key) => Number(key.slice(4)))
    .filter(Number.isInteger);
}

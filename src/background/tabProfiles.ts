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

/**
 * Calls `listener` whenever the profile remembered for `tabId` changes (the content script saw another profile,
 * or left profiles). For the panel frame, which follows its tab through single-page navigation without reloading.
 * Returns the function that stops listening.
 */
export function watchTabProfile(
  tabId: number,
  listener: (snapshot: ProfileSnapshot | null) => void,
): () => void {
  const key = keyFor(tabId);
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'session' || !(key in changes)) return;
    listener((changes[key]?.newValue as ProfileSnapshot | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

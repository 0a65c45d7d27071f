// The panel frame's link to the tab it is shown in: which profile the tab shows (as the worker records it in
// storage.session), how the content script should size the frame, and the keyboard shortcut.
import browser from 'webextension-polyfill';
import { tabProfile, watchTabProfile } from '../background/tabProfiles.ts';
import type { ProfileSnapshot } from '../core/types.ts';
import type { PanelLayout, PanelNotice } from '../messages/protocol.ts';

/** The tab this frame is embedded in. */
export async function currentTabId(): Promise<number | null> {
  const tab = await browser.tabs.getCurrent();
  return tab?.id ?? null;
}

/**
 * The tab's profile now, and on every change. Read where the worker keeps it (storage.session), so showing the
 * badge never waits for the worker to wake up. Returns the function that stops following.
 */
export function followTabProfile(
  tabId: number,
  onSnapshot: (snapshot: ProfileSnapshot | null) => void,
): () => void {
  let changed = false;
  const stop = watchTabProfile(tabId, (snapshot) => {
    changed = true;
    onSnapshot(snapshot);
  });
  // Read after listening, so a change in between is not missed; a change that arrives first wins.
  void tabProfile(tabId).then((snapshot) => {
    if (!changed) onSnapshot(snapshot);
  });
  return stop;
}

/** Tells the content script of our tab (top frame only) how to size this frame. */
export function sendLayout(tabId: number, layout: PanelLayout): void {
  const notice: PanelNotice = { type: 'panel:layout', payload: layout };
  void browser.tabs.sendMessage(tabId, notice, { frameId: 0 }).catch(() => undefined);
}

/** The keyboard shortcut, relayed by the worker to the panel frames; only this tab's frame acts on it. */
export function onToggleShortcut(tabId: number, toggle: () => void): () => void {
  const base = browser.runtime.getURL('');
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
    const notice = message as PanelNotice | undefined;
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(base)) return;
    if (notice?.type === 'worker:togglePanel' && notice.payload.tabId === tabId) toggle();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

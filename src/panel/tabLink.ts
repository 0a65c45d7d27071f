// The panel frame's link to the tab it is shown in: which profile the tab shows (asked of the worker, then
// followed through storage.session), how the content script should size the frame, and the keyboard shortcut.
import browser from 'webextension-polyfill';
import { tabProfile, watchTabProfile } from '../background/tabProfiles.ts';
import type { ProfileSnapshot } from '../core/types.ts';
import { sendMessage } from '../messages/client.ts';
import type { PanelLayout, PanelNotice } from '../messages/protocol.ts';

/** The tab this frame is embedded in. */
export async function currentTabId(): Promise<number | null> {
  const tab = await browser.tabs.getCurrent();
  return tab?.id ?? null;
}

/** The tab's profile now, and on every change. Returns the function that stops following. */
export function followTabProfile(
  tabId: number,
  onSnapshot: (snapshot: ProfileSnapshot | null) => void,
): () => void {
  const stop = watchTabProfile(tabId, onSnapshot);
  // Asked after listening, so a change in between is not missed; the worker answers from storage.session.
  void sendMessage('page:tabProfile', { tabId })
    .then(({ snapshot }) => snapshot)
    .catch(() => tabProfile(tabId))
    .then(onSnapshot);
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

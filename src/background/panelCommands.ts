import browser from 'webextension-polyfill';
import type { PanelLayout, PanelNotice } from '../messages/protocol.ts';

// Notices for a tab's content script (its top frame), which sizes the panel frame and passes the shortcut on.
// A tab without one (the shortcut pressed on a page with no panel) is not an error.
async function tellTab(tabId: number, notice: PanelNotice): Promise<void> {
  await browser.tabs.sendMessage(tabId, notice, { frameId: 0 }).catch(() => undefined);
}

/** The keyboard shortcut (manifest `commands`): the content script tells its panel frame to expand or collapse. */
export function togglePanelInTab(tabId: number): Promise<void> {
  return tellTab(tabId, { type: 'worker:togglePanel', payload: {} });
}

/** A size asked for by a panel frame that cannot reach its tab itself (Firefox). */
export function relayPanelLayout(tabId: number, layout: PanelLayout): Promise<void> {
  return tellTab(tabId, { type: 'panel:layout', payload: layout });
}

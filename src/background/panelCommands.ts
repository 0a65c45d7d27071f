import browser from 'webextension-polyfill';
import type { PanelNotice } from '../messages/protocol.ts';

/**
 * The keyboard shortcut (manifest `commands`): tells the panel frame of that tab to expand or collapse. The panel
 * owns its state, so the notice goes to extension frames; the one in `tabId` acts, the others ignore it.
 */
export async function togglePanelInTab(tabId: number): Promise<void> {
  const notice: PanelNotice = { type: 'worker:togglePanel', payload: { tabId } };
  // No panel open anywhere is not an error: the shortcut was pressed on a page without one.
  await browser.runtime.sendMessage(notice).catch(() => undefined);
}

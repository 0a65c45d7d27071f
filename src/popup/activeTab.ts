// Which tab the popup is about. Opened from the toolbar, it is the active tab of the current window.
// Opened in a tab of its own (the digest's "open the flag list", or a keyboard user), `?tab=<id>` can name
// the tab instead, since the active tab is then the popup itself.
import browser from 'webextension-polyfill';

export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  return Number(raw);
}

export async function targetTabId(): Promise<number | undefined> {
  const named = tabIdFromSearch(location.search);
  if (named !== undefined) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // In a tab of its own, the active tab is the popup page: it shows no profile.
  return tab?.url?.startsWith(browser.runtime.getURL('')) ? undefined : tab?.id;
}

// Opens the popup's list of open flags, e.g. from a click on the digest. The popup shows it at the
// `#/flags` route. action.openPopup() needs a focused browser window (and, in some browsers, a user
// gesture); when it can't, the popup page opens in a tab at the same route.
import browser from 'webextension-polyfill';

export const FLAG_LIST_ROUTE = '#/flags';

export async function openFlagList(): Promise<'popup' | 'tab'> {
  const popup = browser.runtime.getManifest().action?.default_popup ?? 'src/popup/index.html';
  try {
    await browser.action.setPopup({ popup: `${popup}${FLAG_LIST_ROUTE}` });
    await browser.action.openPopup();
    return 'popup';
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(`${popup}${FLAG_LIST_ROUTE}`) });
    return 'tab';
  } finally {
    // The toolbar button keeps opening the popup at its default view.
    await browser.action.setPopup({ popup });
  }
}

// The background worker (a service worker in Chrome, an event page in Firefox). Listeners are
// registered synchronously at top level so that a wake-up event finds them.
import browser from 'webextension-polyfill';
import { createMessageListener } from '../messages/router.ts';
import { handlers } from './handlers.ts';
import { registerScanLifecycle } from './lifecycle.ts';
import { togglePanelInTab } from './panelCommands.ts';
import { isSupportedSiteUrl } from './profilePages.ts';
import { injectIntoOpenTabs, syncSiteScripts } from './siteScripts.ts';
import { registerSyncLifecycle } from './syncJobs.ts';
import { forgetTab } from './tabProfiles.ts';

browser.runtime.onMessage.addListener(
  createMessageListener(handlers, () => ({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    isSupportedSiteUrl,
  })) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
);

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'toggle-panel' && tab?.id !== undefined) void togglePanelInTab(tab.id);
});

// Optional sites: the content script follows the host permissions the user grants or takes back.
browser.permissions.onAdded.addListener(() => {
  void syncSiteScripts().then(injectIntoOpenTabs);
});
browser.permissions.onRemoved.addListener(() => {
  void syncSiteScripts();
});
void syncSiteScripts();

void registerScanLifecycle();
registerSyncLifecycle();

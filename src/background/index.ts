// The background worker (a service worker in Chrome, an event page in Firefox). Listeners are
// registered synchronously at top level so that a wake-up event finds them.
import browser from 'webextension-polyfill';
import { createMessageListener } from '../messages/router.ts';
import { SYNC_SERVER_KEY } from '../sync/serverGrant.ts';
import { setBadgeColour } from '../ui/data/toolbarBadge.ts';
import { forgetAsks } from './askLimit.ts';
import { currentGrants, grantsChanged } from './grants.ts';
import { handlers } from './handlers.ts';
import { registerScanLifecycle } from './lifecycle.ts';
import { togglePanelInTab } from './panelCommands.ts';
import { isSupportedSiteUrl } from './profilePages.ts';
import { injectIntoOpenTabs, syncSiteScripts } from './siteScripts.ts';
import { registerSyncLifecycle } from './syncJobs.ts';
import { forgetTab, tabUpdated } from './tabProfiles.ts';

browser.runtime.onMessage.addListener(
  createMessageListener(handlers, async (sender) => {
    const extensionOrigin = browser.runtime.getURL('');
    const base = { extensionId: browser.runtime.id, extensionOrigin };
    // An extension page is told apart by its origin alone (classifySender), so it never waits for the grants: the
    // first message after a wake (the import's "scan now") is not held up reading the permissions.
    if (sender.url?.startsWith(extensionOrigin)) return { ...base, isSupportedSiteUrl: () => false };
    // A content script speaks for a page on a named site or on a Mastodon instance granted now.
    const instances = new Set((await currentGrants()).instances);
    return { ...base, isSupportedSiteUrl: (url: string) => isSupportedSiteUrl(url, instances) };
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
);

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetAsks(tabId);
});

browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  void tabUpdated(tabId, change, tab);
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'toggle-panel' && tab?.id !== undefined) void togglePanelInTab(tab.id);
});

// Optional sites and Mastodon instances: the content script follows the host permissions the user grants or
// takes back.
browser.permissions.onAdded.addListener(() => {
  grantsChanged();
  void syncSiteScripts().then(injectIntoOpenTabs);
});
browser.permissions.onRemoved.addListener(() => {
  grantsChanged();
  void syncSiteScripts();
});
// Sync's server recorded or forgotten (sync/serverGrant.ts): its grant is, or no longer is, left out of the instances.
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !(SYNC_SERVER_KEY in changes)) return;
  grantsChanged();
  void syncSiteScripts().then(injectIntoOpenTabs);
});
void syncSiteScripts();
void setBadgeColour();

void registerScanLifecycle();
registerSyncLifecycle();

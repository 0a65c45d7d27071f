// The background worker (a service worker in Chrome, an event page in Firefox). Listeners are
// registered synchronously at top level so that a wake-up event finds them.
import browser from 'webextension-polyfill';
import { createMessageListener } from '../messages/router.ts';
import { handlers } from './handlers.ts';
import { registerScanLifecycle } from './lifecycle.ts';
import { forgetTab } from './tabProfiles.ts';

const LINKEDIN = /^https:\/\/([a-z0-9-]+\.)*linkedin\.com\//;

browser.runtime.onMessage.addListener(
  createMessageListener(handlers, () => ({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    isSupportedSiteUrl: (url) => LINKEDIN.test(url),
  })) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
);

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});

void registerScanLifecycle();

// The panel frame's link to the tab it is shown in, the same in Chrome and Firefox (where an extension frame
// inside a web page has no `tabs` and no `storage.session`):
// - which profile the tab shows: asked of the worker, which knows the frame's tab (sender.tab) and answers only
//   with the nonce the tab's content script registered for this frame;
// - when that changes: a window message from the content script, carrying the secret it put in this frame's URL
//   fragment;
// - "collapse me": to the content script directly where this frame has the tabs API (Chrome), else relayed by
//   the worker.
import browser from 'webextension-polyfill';
import type { ProfileSnapshot } from '../core/types.ts';
import { sendMessage } from '../messages/client.ts';
import type { PanelFrameNotice, PanelLayout, PanelNotice } from '../messages/protocol.ts';

/** The secret the content script put in our fragment, read before anything could change it. */
const nonce = location.hash.slice(1);

/** Notices from our tab's content script; anything else posted to this frame is ignored. */
function onTabNotice(type: PanelFrameNotice['type'], listener: () => void): () => void {
  const onMessage = (event: MessageEvent) => {
    const notice = event.data as Partial<PanelFrameNotice> | null;
    if (event.source !== window.parent || !nonce || notice?.nonce !== nonce || notice.type !== type) return;
    listener();
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}

/** The tab's profile now, and again whenever the content script says it changed. Returns the stop function. */
export function followTabProfile(onSnapshot: (snapshot: ProfileSnapshot | null) => void): () => void {
  let asked = 0;
  let stopped = false;
  const ask = () => {
    const question = ++asked;
    void sendMessage('page:tabProfile', nonce ? { nonce } : {}).then(
      ({ snapshot }) => {
        // Only the latest question's answer counts: an older one may arrive last.
        if (!stopped && question === asked) onSnapshot(snapshot);
      },
      () => {
        if (!stopped && question === asked) onSnapshot(null);
      },
    );
  };
  const stop = onTabNotice('profileChanged', ask);
  ask();
  return () => {
    stopped = true;
    stop();
  };
}

let ownTab: Promise<number | null> | undefined;
/** Our tab's id where this frame may use the tabs API (Chrome), else null. */
function ownTabId(): Promise<number | null> {
  ownTab ??= browser.tabs?.getCurrent
    ? browser.tabs.getCurrent().then(
        (tab) => tab?.id ?? null,
        () => null,
      )
    : Promise.resolve(null);
  return ownTab;
}

/** Tells the content script of our tab (its top frame only) what to do with this frame. */
export function sendLayout(layout: PanelLayout): void {
  void ownTabId().then((tabId) => {
    if (tabId === null) return sendMessage('page:panelLayout', { ...layout, nonce }).catch(() => undefined);
    const notice: PanelNotice = { type: 'panel:layout', payload: layout };
    return browser.tabs.sendMessage(tabId, notice, { frameId: 0 }).catch(() => undefined);
  });
}

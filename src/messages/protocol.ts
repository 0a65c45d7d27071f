// The one typed protocol between contexts. Every message type is here, request → response, with the
// kinds of sender allowed to send it. Names say the direction: `content:` from the content script,
// `page:` from extension pages (panel, popup, options), `any:` from either.
import type { ProfileSnapshot } from '../core/types.ts';
import type { SyncErrorCode } from '../sync/errors.ts';
import type { SyncView } from '../sync/view.ts';

export type SenderKind = 'extensionPage' | 'contentScript';

interface Spec<Req, Res> {
  req: Req;
  res: Res;
}

export interface Protocol {
  'any:ping': Spec<Record<string, never>, { pong: true; version: string }>;
  /** The content script saw a profile (or left one: snapshot null) in its tab. */
  'content:profileSeen': Spec<{ snapshot: ProfileSnapshot | null }, { recorded: boolean }>;
  /**
   * What the in-page badge shows for the profile at `key`, which must be the profile of the sender's page:
   * a content script can ask about the person its page shows, and no one else.
   */
  'content:badge': Spec<{ key: string }, BadgeView>;
  /**
   * The content script made its panel frame's nonce (the secret in the frame's URL fragment): the worker
   * answers `page:tabProfile` for this tab only to a frame that carries it.
   */
  'content:panelFrame': Spec<{ nonce: string }, { registered: true }>;
  /**
   * Which profile a tab shows. The popup names the tab (`tabId`); a panel frame asks about its own tab, and
   * must carry the nonce its content script registered (a frame of the panel page that a page opened itself,
   * which Firefox allows whoever knows the install's address, gets nothing).
   */
  'page:tabProfile': Spec<{ tabId?: number; nonce?: string }, { snapshot: ProfileSnapshot | null }>;
  /**
   * A full flag scan from the first person, e.g. after an import; answers when it is done, with the toolbar
   * badge's number (the weekly queue plus the flags that need action).
   */
  'page:scanNow': Spec<Record<string, never>, { badge: number }>;
  /**
   * A person was edited, merged or deleted: rescan just them. Answers once their flags are up to date, with
   * how many changed; the badge follows right after.
   */
  'page:personChanged': Spec<{ personId: string }, { changed: number }>;
  /**
   * The user snoozed or dismissed a flag, or decided about someone in the weekly queue: move the queue on and
   * update the badge; answers with the badge's number.
   */
  'page:flagsChanged': Spec<Record<string, never>, { badge: number }>;
  /** Settings changed: re-create the scan alarm and rescan, since thresholds may have moved. */
  'page:settingsChanged': Spec<Record<string, never>, { scanPeriodMinutes: number }>;
  /**
   * The panel frame's size, for its tab's content script: relayed by the worker where the frame has no `tabs`
   * API of its own (Firefox gives an extension frame inside a web page only the content-script API surface).
   */
  'page:panelLayout': Spec<PanelLayout & { nonce: string }, { relayed: boolean }>;
  /**
   * Sync (options page): whether the server answers with this account, and whether it holds a ledger yet (the first
   * device types its passphrase twice). Writes nothing. The page asks for the server's host permission first.
   */
  'page:syncProbe': Spec<SyncAccount, SyncReply<{ fresh: boolean; databaseUrl: string }>>;
  /** Sync: joins (or starts) the ledger with the passphrase; a wrong one writes nothing on either side. */
  'page:syncConnect': Spec<
    SyncAccount & { passphrase: string; repeat?: string },
    SyncReply<{ view: SyncView }>
  >;
  /** Sync's state, for the options page and the popup's line; a page that just opened also asks for a sync. */
  'page:syncStatus': Spec<{ opened?: boolean }, SyncView>;
  /** "Sync now": answers when the sync is over. */
  'page:syncNow': Spec<Record<string, never>, SyncView>;
  /** "Stop syncing on this device": the ledger stays; the server settings, keys and replica go. */
  'page:syncStop': Spec<Record<string, never>, SyncView>;
  /** A record edited on two devices: keep this revision. */
  'page:syncResolve': Spec<{ docId: string; keepRev: string }, SyncReply<{ resolved: true }>>;
}

/** The server account typed into the options page. */
export interface SyncAccount {
  address: string;
  user: string;
  password: string;
}

/** Sync's answers carry its own error codes (each a sentence in the locales), not the router's. */
export type SyncReply<T> = ({ ok: true } & T) | { ok: false; code: SyncErrorCode };

export type MessageType = keyof Protocol;

/**
 * The collapsed badge, in the user's language (the content script only has the browser's). Everything here is
 * private: the content script shows it in its closed shadow root as CSS generated content, in a box of fixed
 * size, so the page can neither read the words nor infer them from the badge's size.
 */
export interface BadgeView {
  /** The extension's short name, the badge's mark. */
  mark: string;
  /** The stage's name, or the words for a profile with no record. */
  label: string;
  /** The open flag count in the language's digits; empty when none is open. */
  flags: string;
  /** The button's accessible name: the visible words, the flags spelled out, and what the button does. */
  name: string;
  lang: string;
  rtl: boolean;
}

/** The panel frame asks its tab's content script to collapse it back to the badge (its close button, Escape). */
export type PanelLayout = { mode: 'collapsed' };

/**
 * Notifications between the panel and its tab, outside the worker's request → response router. Each receiver
 * checks that the sender is this extension's own code:
 * - `panel:layout`: to the tab's content script (frame 0), from the panel frame (tabs.sendMessage, in Chrome)
 *   or relayed by the worker (`page:panelLayout`, where the frame has no tabs API);
 * - `worker:togglePanel`: the worker → the tab's content script, from the keyboard shortcut;
 * - `worker:badgeStale`: the worker → the content scripts of tabs showing a profile: the ledger changed (an
 *   edit, a flag, a scan), so ask for the badge again.
 */
export interface PanelNotices {
  'panel:layout': PanelLayout;
  'worker:togglePanel': Record<string, never>;
  'worker:badgeStale': Record<string, never>;
}

export type PanelNotice = {
  [K in keyof PanelNotices]: { type: K; payload: PanelNotices[K] };
}[keyof PanelNotices];

/**
 * The content script → its panel frame, by window.postMessage to the frame at the extension's origin: the tab
 * shows another profile (ask the worker again). `nonce` is the one the content
 * script put in the frame's URL fragment; the page never sees it (closed shadow root, cross-origin frame), so
 * it cannot forge these.
 */
export interface PanelFrameNotice {
  nonce: string;
  type: 'profileChanged';
}

export type RequestOf<K extends MessageType> = Protocol[K]['req'];
export type ResponseOf<K extends MessageType> = Protocol[K]['res'];

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: RequestOf<K>;
}

export type ErrorCode = 'forbidden' | 'malformed' | 'unknownType' | 'failed';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Which sender kinds each message accepts. Destructive operations only ever list 'extensionPage'. */
export const ALLOWED_SENDERS: { [K in MessageType]: readonly SenderKind[] } = {
  'any:ping': ['extensionPage', 'contentScript'],
  'content:profileSeen': ['contentScript'],
  'content:badge': ['contentScript'],
  'content:panelFrame': ['contentScript'],
  'page:tabProfile': ['extensionPage'],
  'page:scanNow': ['extensionPage'],
  'page:personChanged': ['extensionPage'],
  'page:flagsChanged': ['extensionPage'],
  'page:settingsChanged': ['extensionPage'],
  'page:panelLayout': ['extensionPage'],
  'page:syncProbe': ['extensionPage'],
  'page:syncConnect': ['extensionPage'],
  'page:syncStatus': ['extensionPage'],
  'page:syncNow': ['extensionPage'],
  'page:syncStop': ['extensionPage'],
  'page:syncResolve': ['extensionPage'],
};

export class ProtocolError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

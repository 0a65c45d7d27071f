// The one typed protocol between contexts. Every message type is here, request → response, with the
// kinds of sender allowed to send it. Names say the direction: `content:` from the content script,
// `page:` from extension pages (panel, popup, options), `any:` from either.
import type { ProfileSnapshot } from '../core/types.ts';

export type SenderKind = 'extensionPage' | 'contentScript';

interface Spec<Req, Res> {
  req: Req;
  res: Res;
}

export interface Protocol {
  'any:ping': Spec<Record<string, never>, { pong: true; version: string }>;
  /** The content script saw a profile (or left one: snapshot null) in its tab. */
  'content:profileSeen': Spec<{ snapshot: ProfileSnapshot | null }, { recorded: boolean }>;
  /** The panel or popup asks which profile its tab shows. */
  'page:tabProfile': Spec<{ tabId?: number }, { snapshot: ProfileSnapshot | null }>;
  /** A full flag scan from the first person, e.g. after an import; answers when it is done. */
  'page:scanNow': Spec<Record<string, never>, { openFlags: number }>;
  /**
   * A person was edited, merged or deleted: rescan just them. Answers once their flags are up to date, with
   * how many changed; the badge follows right after.
   */
  'page:personChanged': Spec<{ personId: string }, { changed: number }>;
  /** The user snoozed, dismissed or otherwise changed flags: update the badge. */
  'page:flagsChanged': Spec<Record<string, never>, { openFlags: number }>;
  /** Settings changed: re-create the scan alarm and rescan, since thresholds may have moved. */
  'page:settingsChanged': Spec<Record<string, never>, { scanPeriodMinutes: number }>;
  /**
   * The panel frame's size, for its tab's content script: relayed by the worker where the frame has no `tabs`
   * API of its own (Firefox gives an extension frame inside a web page only the content-script API surface).
   */
  'page:panelLayout': Spec<PanelLayout, { relayed: boolean }>;
}

export type MessageType = keyof Protocol;

/**
 * How the panel frame wants to be shown: nothing yet, the small badge (its measured size), or the expanded panel
 * (`focus` when the keyboard shortcut opened it, so the keyboard lands inside). `rtl`: the panel's language reads
 * right to left (the user's language setting), so the frame sits at the page's left edge.
 */
export type PanelLayout =
  | { mode: 'hidden' }
  | { mode: 'badge'; width: number; height: number; rtl: boolean }
  | { mode: 'expanded'; focus: boolean; rtl: boolean };

/**
 * Notifications between the panel and its tab, outside the worker's request → response router. Each receiver
 * checks that the sender is this extension's own code:
 * - `panel:layout`: to the tab's content script (frame 0), from the panel frame (tabs.sendMessage, in Chrome)
 *   or relayed by the worker (`page:panelLayout`, where the frame has no tabs API);
 * - `worker:togglePanel`: the worker → the tab's content script, from the keyboard shortcut.
 */
export interface PanelNotices {
  'panel:layout': PanelLayout;
  'worker:togglePanel': Record<string, never>;
}

export type PanelNotice = {
  [K in keyof PanelNotices]: { type: K; payload: PanelNotices[K] };
}[keyof PanelNotices];

/**
 * The content script → its panel frame, by window.postMessage to the frame at the extension's origin: the tab
 * shows another profile (ask the worker again), or the shortcut was pressed. `nonce` is the one the content
 * script put in the frame's URL fragment; the page never sees it (closed shadow root, cross-origin frame), so
 * it cannot forge these.
 */
export interface PanelFrameNotice {
  nonce: string;
  type: 'profileChanged' | 'toggle';
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
  'page:tabProfile': ['extensionPage'],
  'page:scanNow': ['extensionPage'],
  'page:personChanged': ['extensionPage'],
  'page:flagsChanged': ['extensionPage'],
  'page:settingsChanged': ['extensionPage'],
  'page:panelLayout': ['extensionPage'],
};

export class ProtocolError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

import type { PanelFrameNotice, PanelLayout } from '../messages/protocol.ts';
import { ext } from './runtime.ts';

/** Marker attribute: one host per page, whatever re-runs us. */
export const HOST_ATTR = 'data-trust-notes-host';
export const PANEL_PATH = 'src/panel/index.html';

// Inline !important declarations beat every page stylesheet rule (the style attribute wins the cascade within
// the author origin), so the page cannot hide, shrink or make the host click-through through CSS. The popover UA
// styles (inset: 0, margin: auto, a border and a canvas background) are overridden the same way.
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  top: 'auto',
  left: 'auto',
  right: 'auto',
  bottom: 'auto',
  'inset-block-end': '16px',
  'inset-inline-end': '16px',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  overflow: 'visible',
  width: 'auto',
  height: 'auto',
  'z-index': '2147483647',
  display: 'block',
  'pointer-events': 'auto',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
  'color-scheme': 'normal',
};

const FRAME_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  border: '0',
  margin: '0',
  padding: '0',
  width: '0',
  height: '0',
  'border-radius': '12px',
  'box-shadow': '0 2px 12px rgba(0,0,0,.28)',
  'pointer-events': 'auto',
  visibility: 'visible',
  'color-scheme': 'normal',
};

const EXPANDED = { width: 'min(400px, calc(100vw - 32px))', height: 'min(640px, calc(100vh - 32px))' };

/** Attributes of the host a page could use to hide it or take it out of the top layer. */
const GUARDED_ATTRS = ['style', 'popover', 'hidden', 'inert', 'class', 'dir'];

/** How often the host is put back after the page removes it, before we stop fighting a hostile page. */
const REATTACH_BUDGET = 20;

function applyStyle(el: HTMLElement, style: Record<string, string>): void {
  for (const [prop, value] of Object.entries(style)) el.style.setProperty(prop, value, 'important');
}

export interface PanelHost {
  host: HTMLElement;
  frame: HTMLIFrameElement;
  setLayout(layout: PanelLayout): void;
  /** Tells the panel frame something happened in its tab (postMessage to the extension origin only). */
  notify(type: PanelFrameNotice['type']): void;
}

/**
 * Mounts host > closed shadow root > iframe of the panel page, exactly once, and keeps it in the top layer
 * (a manual popover: above any z-index the page uses). The page sees that a host exists, never what the
 * extension-origin frame shows or what is typed in it. Removed when `signal` aborts.
 */
export function mountHost(signal: AbortSignal): PanelHost | null {
  if (signal.aborted || document.querySelector(`[${HOST_ATTR}]`)) return null;
  const host = document.createElement('div');
  // The browser's language until the panel says which one the user chose (its layout notices carry it).
  const style = { ...HOST_STYLE, direction: ext.i18n.getMessage('app_dir') === 'rtl' ? 'rtl' : 'ltr' };
  const guard = () => {
    host.setAttribute(HOST_ATTR, '');
    host.setAttribute('popover', 'manual');
    for (const attr of ['hidden', 'inert', 'class']) host.removeAttribute(attr);
    applyStyle(host, style);
  };
  guard();
  const root = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('iframe');
  applyStyle(frame, FRAME_STYLE);
  frame.setAttribute('title', ext.i18n.getMessage('content_host_label'));
  // The dynamic URL (use_dynamic_url): a page cannot probe a fixed chrome-extension:// address for it. The
  // fragment is a secret shared with the panel, which then accepts notices only when they carry it.
  const nonce = crypto.randomUUID();
  frame.src = `${ext.runtime.getURL(PANEL_PATH)}#${nonce}`;
  root.append(frame);
  // The frame ends up on the extension's own origin (Chrome resolves the dynamic URL to it).
  const base = new URL(ext.runtime.getURL(''));
  const frameOrigin = `${base.protocol}//${base.host}`;

  const show = () => {
    if (!host.isConnected || signal.aborted) return;
    try {
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // Older engines without the popover API: the inline z-index is the fallback.
    }
  };
  // Appended to <html>, not <body>: single-page apps re-render body content, and the host should not be
  // swept away with it.
  document.documentElement.append(host);
  show();

  let budget = REATTACH_BUDGET;
  const hostObserver = new MutationObserver(() => {
    hostObserver.takeRecords();
    guard();
    show();
    hostObserver.takeRecords();
  });
  hostObserver.observe(host, { attributes: true, attributeFilter: GUARDED_ATTRS });
  const rootObserver = new MutationObserver(() => {
    if (host.isConnected || budget <= 0) return;
    budget--;
    document.documentElement.append(host);
    show();
  });
  rootObserver.observe(document.documentElement, { childList: true });
  // A page calling hidePopover() on us: show again right away.
  host.addEventListener('toggle', (e) => {
    if ((e as ToggleEvent).newState === 'closed') queueMicrotask(show);
  });

  signal.addEventListener(
    'abort',
    () => {
      hostObserver.disconnect();
      rootObserver.disconnect();
      host.remove();
    },
    { once: true },
  );

  return {
    host,
    frame,
    notify(type) {
      const notice: PanelFrameNotice = { nonce, type };
      frame.contentWindow?.postMessage(notice, frameOrigin);
    },
    setLayout(layout) {
      if (layout.mode !== 'hidden') {
        // The inline end is the right in a left-to-right language and the left in Arabic.
        style.direction = layout.rtl ? 'rtl' : 'ltr';
        host.style.setProperty('direction', style.direction, 'important');
      }
      if (layout.mode === 'hidden') {
        frame.style.setProperty('width', '0', 'important');
        frame.style.setProperty('height', '0', 'important');
        return;
      }
      if (layout.mode === 'badge') {
        frame.style.setProperty('width', `${clamp(layout.width, 40, 360)}px`, 'important');
        frame.style.setProperty('height', `${clamp(layout.height, 24, 96)}px`, 'important');
        return;
      }
      frame.style.setProperty('width', EXPANDED.width, 'important');
      frame.style.setProperty('height', EXPANDED.height, 'important');
      // The keyboard shortcut opened it: move focus into the frame, where the panel focuses its heading.
      if (layout.focus) frame.focus();
    },
  };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.ceil(n)));
}

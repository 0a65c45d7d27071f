import type { BadgeView, PanelFrameNotice } from '../messages/protocol.ts';
import { createBadge } from './badge.ts';
import { page } from './page.ts';
import type { ExtensionLink } from './runtime.ts';

/**
 * Names the host for the page's stylesheet-free world and for tests. It is not the "already mounted" marker: a page
 * can plant an element carrying it, so that lives in the content script's own world (script.ts).
 */
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
  // Hidden (and so out of the focus order) until the user expands the panel.
  visibility: 'hidden',
  'color-scheme': 'normal',
};

const EXPANDED = { width: 'min(400px, calc(100vw - 32px))', height: 'min(640px, calc(100vh - 32px))' };

/** Attributes of the host a page could use to hide it or take it out of the top layer. */
const GUARDED_ATTRS = ['style', 'popover', 'hidden', 'inert', 'class', 'dir'];

/** How often the host is put back after the page removes it, before we stop fighting a hostile page. */
const REATTACH_BUDGET = 20;

/**
 * A page whose own observer answers each of our repairs with another change would keep both observers busy
 * forever, and the page's tab with them (mutation callbacks run before anything else gets a turn). Like
 * Bitwarden's inline menu, the host stops repairing after this many rounds; unlike it, only rounds that come
 * one after another with no task between them count. A page that hides the host again on every tick of a timer
 * never starves the tab, and is answered every time: counting its rounds over a stretch of time let it win after
 * a few seconds (100 rounds of a 30 ms timer). Once stopped, the host stays as the page left it until the page
 * has let it be for QUIET_MS; each of our own later changes would start another fight otherwise.
 */
export const REPAIR_ROUNDS = 100;
const QUIET_MS = 2000;

/** Counts observer rounds; true once a run of them with no task between them was too long (the loop breaker). */
function loopBreaker(signal: AbortSignal): () => boolean {
  let run = 0;
  let runEnd: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(runEnd);
      clearTimeout(quiet);
    },
    { once: true },
  );
  const stayStopped = () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      stopped = false;
    }, QUIET_MS);
  };
  return () => {
    if (stopped) {
      stayStopped();
      return true;
    }
    // A timer runs only once the microtasks are done: when it does, the tab got its turn, and the run is over.
    if (run++ === 0)
      runEnd = setTimeout(() => {
        run = 0;
      }, 0);
    if (run <= REPAIR_ROUNDS) return false;
    stopped = true;
    run = 0;
    clearTimeout(runEnd);
    stayStopped();
    return true;
  };
}

function applyStyle(el: HTMLElement, style: Record<string, string>): void {
  for (const [prop, value] of Object.entries(style)) el.style.setProperty(prop, value, 'important');
}

export interface PanelHost {
  host: HTMLElement;
  /** Shows the collapsed badge with these words (and the host on the side the language reads towards). */
  showBadge(view: BadgeView): void;
  /**
   * Shows the badge without words (the mark, and an accessible name saying it is reading), at the moment a visit's
   * badge is due when the worker's answer is not in yet; showBadge fills it in place.
   */
  showPending(): void;
  /** Hides the badge while the tab moves on to another profile, whose words are not in yet. */
  hideBadge(): void;
  /** Swaps the badge for the panel frame, loading it the first time, and moves focus into it. */
  expand(): void;
  /** Back to the badge, with focus on it. */
  collapse(): void;
  readonly expanded: boolean;
  /** The panel frame, once the user has expanded it (or pointed at the badge); null before. */
  readonly frame: HTMLIFrameElement | null;
  /** Tells the panel frame something happened in its tab (postMessage to the extension origin only). */
  notify(type: PanelFrameNotice['type']): void;
}

/**
 * Mounts host > closed shadow root > the badge, and later the panel page's frame, exactly once, and keeps the
 * host in the top layer (a manual popover: above any z-index the page uses). The page sees that a host exists,
 * never what the badge or the extension-origin frame shows or what is typed in it. Removed when `signal`
 * aborts.
 */
export function mountHost(link: ExtensionLink, signal: AbortSignal): PanelHost | null {
  if (signal.aborted) return null;
  const host = page.createElement('div');
  // The browser's language until the worker says which one the user chose (the badge's view carries it).
  const style = { ...HOST_STYLE, direction: link.message('app_dir') === 'rtl' ? 'rtl' : 'ltr' };
  const guard = () => {
    host.setAttribute(HOST_ATTR, '');
    host.setAttribute('popover', 'manual');
    for (const attr of ['hidden', 'inert', 'class']) host.removeAttribute(attr);
    applyStyle(host, style);
  };
  guard();
  const root = host.attachShadow({ mode: 'closed' });
  let expanded = false;
  let view: BadgeView | null = null;
  const badge = createBadge(root, () => panel.expand());
  // The badge before the worker's words are in: in the browser's language, the only one the script knows.
  const pendingView = (): BadgeView => ({
    mark: link.message('ext_short_name'),
    label: '…',
    flags: '',
    name: link.message('content_badge_pending'),
    lang: link.message('@@ui_locale').replace('_', '-'),
    rtl: style.direction === 'rtl',
  });

  // The panel frame is loaded when first needed: a pointer on the badge starts it, so that it is usually ready
  // by the click. The dynamic URL (use_dynamic_url) keeps a page from probing a fixed chrome-extension://
  // address for it (Firefox ignores it: there the install's UUID is the only secret). The fragment is a secret
  // shared with the panel, which accepts notices only when they carry it, and with the worker, which tells a
  // panel frame its tab's profile only when it carries it: registered now, and again as the frame is made.
  const nonce = crypto.randomUUID();
  const register = () => void link.send('content:panelFrame', { nonce });
  register();
  let frame: HTMLIFrameElement | null = null;
  const ensureFrame = (): HTMLIFrameElement => {
    if (frame) return frame;
    register();
    frame = page.createElement('iframe');
    applyStyle(frame, FRAME_STYLE);
    frame.setAttribute('title', link.message('content_host_label'));
    frame.src = `${link.getURL(PANEL_PATH)}#${nonce}`;
    root.append(frame);
    return frame;
  };
  badge.button.addEventListener('pointerenter', ensureFrame);
  // The frame ends up on the extension's own origin (Chrome resolves the dynamic URL to it).
  const base = new URL(link.getURL(''));
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
  // swept away with it. While the page shows a modal dialog, everything outside it is inert: the host then lives
  // inside the newest one (rendered in the top layer all the same), and goes back to <html> when it closes.
  const modals: HTMLDialogElement[] = [];
  const home = (): Element => modals.at(-1) ?? page.documentElement;
  const moveHome = () => {
    const to = home();
    if (host.parentNode === to) return;
    // moveBefore keeps the panel's frame loaded (a plain append would reload it, losing what is being typed).
    const mover = (to as Element & { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
    if (typeof mover === 'function' && host.isConnected) mover.call(to, host, null);
    else to.append(host);
  };
  page.documentElement.append(host);
  show();

  let budget = REATTACH_BUDGET;
  const tooBusy = loopBreaker(signal);
  const hostObserver = new MutationObserver(() => {
    if (tooBusy()) return;
    hostObserver.takeRecords();
    guard();
    show();
    hostObserver.takeRecords();
  });
  hostObserver.observe(host, { attributes: true, attributeFilter: GUARDED_ATTRS });
  const rootObserver = new MutationObserver(() => {
    if (host.isConnected || budget <= 0 || tooBusy()) return;
    budget--;
    home().append(host);
    show();
  });
  rootObserver.observe(page.documentElement, { childList: true });
  // A page calling hidePopover() on us: show again right away.
  host.addEventListener('toggle', (e) => {
    if ((e as ToggleEvent).newState === 'closed') queueMicrotask(show);
  });

  // The top layer stacks in the order things were shown: a popover or modal dialog the page opens later goes above
  // the host. So when one of the page's own top-layer elements opens (or a dialog closes), the host is shown again,
  // which puts it on top, keeping focus where it was.
  const raise = () => {
    if (signal.aborted || !host.isConnected) return;
    const focused = page.activeElement === host;
    moveHome();
    try {
      if (host.matches(':popover-open')) host.hidePopover();
      host.showPopover();
    } catch {
      // No popover API: nothing to raise.
    }
    if (focused) (expanded ? frame : badge.button)?.focus();
  };
  const onPageTopLayer = (event: Event) => {
    const target = event.target;
    if (target === host || !(target instanceof Element)) return;
    const opened = event.type === 'toggle' && (event as ToggleEvent).newState === 'open';
    if (target instanceof HTMLDialogElement) {
      const at = modals.indexOf(target);
      if (at >= 0) modals.splice(at, 1);
      if (opened && target.matches(':modal')) modals.push(target);
    }
    if ((opened || host.parentNode !== home()) && !tooBusy()) raise();
  };
  // `toggle` and `close` do not bubble: listened for in the capture phase, for every popover and dialog.
  page.addEventListener('toggle', onPageTopLayer, { capture: true, signal });
  page.addEventListener('close', onPageTopLayer, { capture: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      hostObserver.disconnect();
      rootObserver.disconnect();
      host.remove();
    },
    { once: true },
  );

  const sizeFrame = (size: { width: string; height: string } | null) => {
    if (!frame) return;
    frame.style.setProperty('width', size?.width ?? '0', 'important');
    frame.style.setProperty('height', size?.height ?? '0', 'important');
    frame.style.setProperty('visibility', size ? 'visible' : 'hidden', 'important');
  };

  const panel: PanelHost = {
    host,
    get expanded() {
      return expanded;
    },
    get frame() {
      return frame;
    },
    showBadge(next) {
      view = next;
      // The inline end is the right in a left-to-right language and the left in Arabic.
      style.direction = next.rtl ? 'rtl' : 'ltr';
      host.style.setProperty('direction', style.direction, 'important');
      badge.update(view, !expanded);
    },
    showPending() {
      view = null;
      badge.update(pendingView(), !expanded);
    },
    hideBadge() {
      view = null;
      badge.update(null, false);
    },
    expand() {
      if (expanded || signal.aborted) return;
      expanded = true;
      const target = ensureFrame();
      badge.update(view, false);
      sizeFrame(EXPANDED);
      // The panel focuses the person's name when its frame gets focus (or when it renders, if later).
      target.focus();
    },
    collapse() {
      if (!expanded) return;
      expanded = false;
      sizeFrame(null);
      badge.update(view, true);
      badge.button.focus();
    },
    notify(type) {
      const notice: PanelFrameNotice = { nonce, type };
      frame?.contentWindow?.postMessage(notice, frameOrigin);
    },
  };
  return panel;
}

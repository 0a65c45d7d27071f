// Content script: finds the profile on the page (through the sites registry), shows the badge, mounts the panel
// frame when the user opens it, and tells the worker what the tab shows. It never touches IndexedDB (that would
// be the page's database) and never sees notes. The badge's few private words (stage, flag count) come from the
// worker and are shown so the page cannot read them (see badge.ts); everything else lives in the
// extension-origin frame.
import { makeProfileKey } from '../core/identity.ts';
import type { ProfileSnapshot } from '../core/types.ts';
import { parsePanelLayout } from '../messages/panelLayout.ts';
import type { BadgeView } from '../messages/protocol.ts';
import { detectProfile } from '../sites/index.ts';
import { mountHost, type PanelHost } from './host.ts';
import { watchPage } from './navigation.ts';
import { onExtensionNotice, send } from './runtime.ts';

/** After an in-app navigation, how long a profile that reads exactly like the previous one is taken as stale. */
const STALE_MS = 1000;
/** Asking again after a refusal (the worker may not have seen the tab's new URL yet), at most this often. */
const BADGE_ASKS = 3;

interface ProfileState {
  key: string;
  /** The page the snapshot was read on; sub-pages of the same profile (details, activity) are not re-read. */
  href: string | null;
  sent: string | null;
  /** The previous profile's snapshot: the page may still show it for a moment after the URL changed. */
  previous: ProfileSnapshot | null;
  /**
   * After an in-app navigation, the element the page showed where a profile's name goes, and its text: the
   * previous page's (a feed's heading, another profile's name) until the page renders the new profile.
   */
  staleNode: Element | null;
  staleText: string | null;
  staleUntil: number;
  /** The badge's words, asked for as soon as the URL names the profile, before the page has rendered it. */
  badge: BadgeView | null;
  asks: number;
  asking: boolean;
}

let mounted: { controller: AbortController; panel: PanelHost } | null = null;
let profile: ProfileState | null = null;
let lastSnapshot: ProfileSnapshot | null = null;
/** Whether a page was seen before: only then can what is on screen belong to a page the tab has left. */
let seenAPage = false;

function unmount(): void {
  mounted?.controller.abort();
  mounted = null;
}

function leaveProfile(): void {
  if (!profile) return;
  const reported = profile.sent !== null;
  profile = null;
  lastSnapshot = null;
  unmount();
  if (reported) void send('content:profileSeen', { snapshot: null });
}

function ensureMounted(): void {
  if (mounted) return;
  const controller = new AbortController();
  const panel = mountHost(controller.signal);
  if (!panel) return;
  mounted = { controller, panel };
}

/** The badge shows once the page shows the profile and its words are in, whichever comes last. */
function showBadgeIfReady(): void {
  if (profile?.badge && profile.sent !== null) mounted?.panel.showBadge(profile.badge);
}

function askBadge(state: ProfileState): void {
  if (state.asking || state.asks >= BADGE_ASKS) return;
  state.asking = true;
  state.asks++;
  void send('content:badge', { key: state.key }).then((view) => {
    state.asking = false;
    if (profile !== state) return;
    if (view) {
      state.badge = view;
      state.asks = 0;
      showBadgeIfReady();
    }
  });
}

/** The ledger changed (the worker says so, or the tab comes back into view): ask for the badge's words again. */
function refreshBadge(): void {
  if (profile) askBadge(profile);
}

function sameText(a: ProfileSnapshot, b: ProfileSnapshot): boolean {
  return a.name === b.name && a.headline === b.headline;
}

function onPageChange(): void {
  const href = location.href;
  const url = new URL(href);
  const found = detectProfile(url, document);
  const first = !seenAPage;
  seenAPage = true;
  if (!found) {
    leaveProfile();
    return;
  }
  const key = makeProfileKey(found.adapter.site, found.handle);
  if (profile?.key !== key) {
    const onScreen = first ? null : document.querySelector(found.adapter.readySelector);
    profile = {
      key,
      href: null,
      sent: null,
      previous: lastSnapshot,
      staleUntil: Date.now() + STALE_MS,
      staleNode: onScreen,
      staleText: onScreen?.textContent ?? null,
      badge: null,
      asks: 0,
      asking: false,
    };
    mounted?.panel.hideBadge();
  }
  // Mount and ask as soon as the URL is a profile: the answer comes while the page renders the profile.
  ensureMounted();
  if (!profile.badge) askBadge(profile);
  if (profile.href !== null && profile.href !== href) return;
  const ready = document.querySelector(found.adapter.readySelector);
  if (!ready) return;
  if (
    ready === profile.staleNode &&
    ready.textContent === profile.staleText &&
    Date.now() < profile.staleUntil
  ) {
    // Still the page the tab came from; look again when the page changes, or once the wait is over.
    setTimeout(onPageChange, profile.staleUntil - Date.now() + 1);
    return;
  }
  const snapshot = found.adapter.read(url, document);
  if (!snapshot) return;
  if (profile.previous && sameText(snapshot, profile.previous) && Date.now() < profile.staleUntil) {
    // The old profile's name is still on screen; look again when the page changes, or once the wait is over.
    setTimeout(onPageChange, profile.staleUntil - Date.now() + 1);
    return;
  }
  const text = JSON.stringify(snapshot);
  if (text === profile.sent) return;
  profile.sent = text;
  profile.href = href;
  lastSnapshot = snapshot;
  showBadgeIfReady();
  // Once the worker has it, the panel asks for it (a frame still loading asks when it starts anyway).
  void send('content:profileSeen', { snapshot }).then(() => mounted?.panel.notify('profileChanged'));
}

function collapse(panel: PanelHost): void {
  panel.collapse();
  // What was done in the panel may have moved the stage or the flags.
  refreshBadge();
}

function start(): void {
  const lifetime = new AbortController().signal;
  onExtensionNotice((message) => {
    const notice = message as { type?: unknown; payload?: unknown } | null;
    const panel = mounted?.panel;
    if (notice?.type === 'worker:badgeStale') refreshBadge();
    if (!panel || !profile?.badge) return;
    if (notice?.type === 'worker:togglePanel') {
      if (panel.expanded) collapse(panel);
      else panel.expand();
    }
    if (notice?.type === 'panel:layout' && parsePanelLayout(notice.payload)) collapse(panel);
  }, lifetime);
  // Edits made in another tab or window show when this one is looked at again.
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'visible') refreshBadge();
    },
    { signal: lifetime },
  );
  watchPage(onPageChange, lifetime);
}

// One instance per page: the manifest entry and a registered script (for a site granted later) can both match,
// and they would share this isolated world.
const world = globalThis as { __trustNotesContent?: boolean };
if (!world.__trustNotesContent) {
  world.__trustNotesContent = true;
  start();
}

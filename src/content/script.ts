// The content script's life: it starts on a supported page, follows the tab from profile to profile (one
// visit each, ./visit.ts), keeps one host while the tab shows a profile, and ends with everything it started
// when the extension is reloaded, updated or removed under the page.
import type { ProfileSnapshot } from '../core/types.ts';
import { parsePanelLayout } from '../messages/panelLayout.ts';
import { detectProfile } from '../sites/index.ts';
import { mountHost, type PanelHost } from './host.ts';
import { watchPage } from './navigation.ts';
import { page } from './page.ts';
import type { ExtensionLink } from './runtime.ts';
import { startVisit, type Visit } from './visit.ts';

export interface ContentScript {
  /** Ends the script: every observer, listener and timer stops, and the host leaves the page. */
  stop(): void;
  readonly signal: AbortSignal;
}

export function runContentScript(link: ExtensionLink): ContentScript {
  const script = new AbortController();
  const lifetime = script.signal;
  let mounted: { controller: AbortController; panel: PanelHost } | null = null;
  let visit: Visit | null = null;
  let lastSnapshot: ProfileSnapshot | null = null;
  let seenAPage = false;

  const unmount = () => {
    mounted?.controller.abort();
    mounted = null;
  };
  const ensureMounted = () => {
    if (mounted || lifetime.aborted) return;
    const controller = new AbortController();
    const panel = mountHost(link, controller.signal);
    if (panel) mounted = { controller, panel };
  };
  lifetime.addEventListener(
    'abort',
    () => {
      visit?.end();
      visit = null;
      unmount();
    },
    { once: true },
  );

  /** False, and the script ended, once the extension is gone: an orphaned script must not go on working. */
  const alive = () => {
    if (!lifetime.aborted && !link.alive()) script.abort();
    return !lifetime.aborted;
  };

  const leaveProfile = () => {
    if (!visit) return;
    const reported = visit.reported;
    visit.end();
    visit = null;
    lastSnapshot = null;
    unmount();
    if (reported) void link.send('content:profileSeen', { snapshot: null });
  };

  const onPageChange = () => {
    if (!alive()) return;
    const found = detectProfile(new URL(location.href), page);
    const first = !seenAPage;
    seenAPage = true;
    if (!found) {
      leaveProfile();
      return;
    }
    const key = `${found.adapter.site}:${found.handle}`;
    if (visit?.key !== key) {
      visit?.end();
      mounted?.panel.hideBadge();
      ensureMounted();
      visit = startVisit(
        {
          link,
          adapter: found.adapter,
          key,
          urlSnapshot: {
            site: found.adapter.site,
            key,
            handle: found.handle,
            url: found.adapter.descriptor.profileUrl(found.handle) ?? location.href,
          },
          previous: lastSnapshot,
          cameFromAnotherPage: !first,
          panel: () => mounted?.panel ?? null,
          onSent: (snapshot) => {
            lastSnapshot = snapshot;
          },
          alive,
        },
        lifetime,
      );
    }
    visit.pageChanged();
  };

  const refreshBadge = () => {
    if (alive()) visit?.refreshBadge();
  };

  link.onNotice((message) => {
    if (!alive()) return;
    const notice = message as { type?: unknown; payload?: unknown } | null;
    const panel = mounted?.panel;
    if (notice?.type === 'worker:badgeStale') refreshBadge();
    if (!panel || !visit?.hasBadge) return;
    if (notice?.type === 'worker:togglePanel') {
      if (panel.expanded) collapse(panel);
      else panel.expand();
    }
    if (notice?.type === 'panel:layout' && parsePanelLayout(notice.payload)) collapse(panel);
  }, lifetime);

  const collapse = (panel: PanelHost) => {
    panel.collapse();
    // What was done in the panel may have moved the stage or the flags.
    refreshBadge();
  };

  // Edits made in another tab or window show when this one is looked at again.
  page.addEventListener(
    'visibilitychange',
    () => {
      if (page.visibilityState === 'visible') refreshBadge();
    },
    { signal: lifetime },
  );
  watchPage(onPageChange, lifetime);
  return { stop: () => script.abort(), signal: lifetime };
}

// Content script: finds the profile on the page, mounts the panel host, and tells the worker what the
// tab shows. It never touches IndexedDB (that would be the page's database) and never sees notes.
import { mountHost } from './host.ts';
import { detectLinkedInProfile } from './linkedin.ts';
import { watchPage } from './navigation.ts';
import { send } from './runtime.ts';

interface PageState {
  href: string;
  controller: AbortController;
  key: string | null;
  mounted: boolean;
}

let state: PageState | null = null;

function onPageChange(): void {
  const href = location.href;
  if (state?.href !== href) {
    // A new page: tear down everything the previous one set up (refined-github's per-page signal).
    const hadProfile = state?.key != null;
    state?.controller.abort();
    state = { href, controller: new AbortController(), key: null, mounted: false };
    const found = detectLinkedInProfile(new URL(href));
    state.key = found?.key ?? null;
    if (!found && hadProfile) void send('content:profileSeen', { snapshot: null });
  }
  if (!state.key || state.mounted) return;
  // Mount once the profile has rendered its name: before that the page is a skeleton.
  if (!document.querySelector('main h1, h1')) return;
  state.mounted = mountHost(state.controller.signal) !== null;
  const found = detectLinkedInProfile(new URL(href));
  if (state.mounted && found) {
    void send('content:profileSeen', {
      snapshot: { site: 'linkedin', key: found.key, handle: found.handle, url: href },
    });
  }
}

watchPage(onPageChange, new AbortController().signal);

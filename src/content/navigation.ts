import { page } from './page.ts';

/**
 * Follows single-page-app navigation without patching the page's history (which lives in another world).
 * LinkedIn, GitHub and X change the URL with pushState and then re-render:
 * - the Navigation API (where the engine has it) reports the URL change itself, before the new view renders,
 *   so the panel frame can start loading while the page is still rendering;
 * - a DOM mutation batch is the moment the new content is there to read.
 * `onChange` runs at most once per microtask; it is cheap when nothing changed.
 */
export function watchPage(onChange: () => void, signal: AbortSignal): void {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    if (!signal.aborted) onChange();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(run);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(page.documentElement, { childList: true, subtree: true, characterData: true });
  window.addEventListener('popstate', schedule, { signal });
  // Only the engine's own Navigation object: where the engine has none, an element with id="navigation" would
  // show through as that global.
  const scope = globalThis as { navigation?: unknown; Navigation?: unknown };
  const navigation = scope.navigation;
  if (
    typeof scope.Navigation === 'function' &&
    navigation instanceof (scope.Navigation as typeof EventTarget)
  ) {
    navigation.addEventListener('currententrychange', schedule, { signal });
  }
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  schedule();
}

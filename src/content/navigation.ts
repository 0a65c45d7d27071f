/**
 * Follows single-page-app navigation without patching the page's history (which lives in another
 * world): LinkedIn, GitHub and X change the URL with pushState and then re-render, so a DOM mutation
 * batch is the earliest moment we can observe both the new URL and the new content.
 * `onChange` runs once per batch; it is cheap when nothing changed.
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
  observer.observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('popstate', schedule, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  schedule();
}

import { ext } from './runtime.ts';

/** Marker attribute: one host per page, whatever re-runs us. */
export const HOST_ATTR = 'data-trust-notes-host';

// Inline !important declarations beat any page stylesheet rule, so the page cannot hide, shrink or
// make the host click-through through CSS.
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  'inset-block-end': '16px',
  'inset-inline-end': '16px',
  'z-index': '2147483647',
  display: 'block',
  'pointer-events': 'auto',
  visibility: 'visible',
  opacity: '1',
};

export interface MountedHost {
  host: HTMLElement;
  root: ShadowRoot;
}

/**
 * Mounts the host element with a closed shadow root, exactly once. The page can see the host exists,
 * but not into it; private content lives in the extension-origin frame the panel adds inside.
 */
export function mountHost(signal: AbortSignal): MountedHost | null {
  if (signal.aborted || document.querySelector(`[${HOST_ATTR}]`)) return null;
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTR, '');
  for (const [prop, value] of Object.entries(HOST_STYLE)) host.style.setProperty(prop, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const badge = document.createElement('div');
  badge.setAttribute('role', 'status');
  badge.textContent = ext.i18n.getMessage('ext_name');
  badge.setAttribute('aria-label', ext.i18n.getMessage('content_host_label'));
  badge.style.cssText =
    'font:600 12px/1.2 system-ui,sans-serif;padding:6px 10px;border-radius:14px;background:#0b5e4a;color:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3)';
  root.append(badge);
  // Appended to <html>, not <body>: single-page apps re-render body content, and the host should not
  // be swept away with it.
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, root };
}

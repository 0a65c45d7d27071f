import type { SenderKind } from './protocol.ts';

/** The subset of runtime.MessageSender we rely on; kept structural so tests can build senders. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface SenderContext {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionOrigin: string;
  /** Is this URL on a site where the content script is allowed to run? */
  isSupportedSiteUrl: (url: string) => boolean;
}

/**
 * Tells extension pages, content scripts on supported sites and anything else apart.
 * Returns null for anything else, which every handler refuses.
 */
export function classifySender(sender: SenderLike, ctx: SenderContext): SenderKind | null {
  if (sender.id !== ctx.extensionId || !sender.url) return null;
  if (sender.url.startsWith(ctx.extensionOrigin)) return 'extensionPage';
  // Content scripts: only from a tab's top frame, on a supported https site.
  if (sender.tab?.id === undefined || sender.frameId !== 0) return null;
  if (!sender.url.startsWith('https://') || !ctx.isSupportedSiteUrl(sender.url)) return null;
  return 'contentScript';
}

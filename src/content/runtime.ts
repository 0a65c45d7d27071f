// The content script talks to the extension through the native promise-based API (`browser` in Firefox
// and Chromium ≥ 1xx, `chrome` otherwise) rather than bundling webextension-polyfill: it must stay a
// tiny self-contained file, since it runs on every LinkedIn page.
import type { MessageType, Reply, RequestOf, ResponseOf } from '../messages/protocol.ts';

interface MinimalSender {
  id?: string;
  url?: string;
}

interface MinimalRuntime {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
    onMessage: {
      addListener(listener: (message: unknown, sender: MinimalSender) => void): void;
      removeListener(listener: (message: unknown, sender: MinimalSender) => void): void;
    };
  };
  i18n: { getMessage(key: string, subs?: string | string[]): string };
}

const g = globalThis as unknown as { browser?: MinimalRuntime; chrome?: MinimalRuntime };
export const ext: MinimalRuntime = (g.browser ?? g.chrome) as MinimalRuntime;

export async function send<K extends MessageType>(
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K> | null> {
  try {
    const reply = (await ext.runtime.sendMessage({ type, payload })) as Reply<ResponseOf<K>> | undefined;
    return reply?.ok ? reply.value : null;
  } catch {
    // The extension was reloaded or updated under this page: this script is orphaned and stays quiet.
    return null;
  }
}

/**
 * Listens to notices from this extension's own pages only (the panel frame), never from a web page or
 * another extension. Stops when `signal` aborts.
 */
export function onExtensionNotice(listener: (message: unknown) => void, signal: AbortSignal): void {
  // chrome-extension://<id>/ or moz-extension://<uuid>/: the base of this extension's own pages.
  const base = ext.runtime.getURL('');
  const wrapped = (message: unknown, sender: MinimalSender) => {
    if (sender.id === ext.runtime.id && sender.url?.startsWith(base)) listener(message);
  };
  ext.runtime.onMessage.addListener(wrapped);
  signal.addEventListener('abort', () => ext.runtime.onMessage.removeListener(wrapped), { once: true });
}

// The content script talks to the extension through the native promise-based API (`browser` in Firefox
// and Chromium ≥ 1xx, `chrome` otherwise) rather than bundling webextension-polyfill: it must stay a
// tiny self-contained file, since it runs on every LinkedIn page.
import type { MessageType, Reply, RequestOf, ResponseOf } from '../messages/protocol.ts';

interface MinimalRuntime {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
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

// The content script's link to the extension, through the browser's native promise-based API (`browser` in
// Firefox and recent Chromium, `chrome` otherwise) rather than webextension-polyfill: it must stay a tiny
// self-contained file, since it runs on every LinkedIn page.
//
// The page can shadow globals: named elements (`<form id="browser"><input name="runtime"></form>`) appear on
// `window` in the content script's world too, so `globalThis.browser` may be the page's form. A candidate is
// taken only once it looks like the real API (a string id, callable methods).
import type { MessageType, Reply, RequestOf, ResponseOf } from '../messages/protocol.ts';
import type { MessageKey } from '../ui/i18n/catalog.ts';

interface MinimalSender {
  id?: string;
  url?: string;
}

type Listener = (message: unknown, sender: MinimalSender) => void;

interface MinimalApi {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
    onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
  };
  i18n: { getMessage(key: string, subs?: string | string[]): string };
}

export interface ExtensionLink {
  /** One request of the protocol; null when refused, failed or the extension is gone. */
  send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K> | null>;
  /** Notices from this extension's own pages and worker only, until `signal` aborts. */
  onNotice(listener: (message: unknown) => void, signal: AbortSignal): void;
  getURL(path: string): string;
  /**
   * The browser's own catalog: the content script reads no setting. `@@ui_locale` is the browser's predefined
   * message for its language (the badge's before the worker's words are in).
   */
  message(key: MessageKey | '@@ui_locale'): string;
  /**
   * False once the extension was reloaded, updated or removed under this page: the browser then takes the
   * API's id away (and every call throws "Extension context invalidated"). The script must end itself.
   */
  alive(): boolean;
}

const isFunction = (value: unknown): boolean => typeof value === 'function';

/** Is `candidate` the extension API, not something the page named `browser` or `chrome`? */
function isRealApi(candidate: unknown): candidate is MinimalApi {
  try {
    const api = candidate as MinimalApi | undefined;
    const runtime = api?.runtime;
    return (
      typeof runtime?.id === 'string' &&
      runtime.id.length > 0 &&
      isFunction(runtime.getURL) &&
      isFunction(runtime.sendMessage) &&
      isFunction(runtime.onMessage?.addListener) &&
      isFunction(api?.i18n?.getMessage)
    );
  } catch {
    return false;
  }
}

/** The extension API of this world, or null when there is none (the script then does nothing). */
export function connect(
  scope: { browser?: unknown; chrome?: unknown } = globalThis as { browser?: unknown; chrome?: unknown },
): ExtensionLink | null {
  const api = [scope.browser, scope.chrome].find(isRealApi);
  if (!api) return null;
  const { runtime } = api;
  // Bound now: the API's own methods, whatever later happens to the objects they hang on.
  const sendMessage = runtime.sendMessage.bind(runtime);
  const getURL = runtime.getURL.bind(runtime);
  const getMessage = api.i18n.getMessage.bind(api.i18n);
  const id = runtime.id;
  const alive = (): boolean => {
    try {
      return runtime.id === id;
    } catch {
      return false;
    }
  };
  return {
    alive,
    getURL,
    message: (key) => getMessage(key),
    async send(type, payload) {
      if (!alive()) return null;
      try {
        const reply = (await sendMessage({ type, payload })) as Reply<ResponseOf<typeof type>> | undefined;
        return reply?.ok ? reply.value : null;
      } catch {
        // Refused, the worker failed, or the extension went away meanwhile (alive() says which).
        return null;
      }
    },
    onNotice(listener, signal) {
      // chrome-extension://<id>/ or moz-extension://<uuid>/: the base of this extension's own pages.
      const base = getURL('');
      const wrapped: Listener = (message, sender) => {
        if (sender.id === id && sender.url?.startsWith(base)) listener(message);
      };
      runtime.onMessage.addListener(wrapped);
      signal.addEventListener(
        'abort',
        () => {
          try {
            runtime.onMessage.removeListener(wrapped);
          } catch {
            // The extension is gone: so is the listener.
          }
        },
        { once: true },
      );
    },
  };
}

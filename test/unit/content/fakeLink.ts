// A stand-in for the content script's link to the extension (src/content/runtime.ts).
import { vi } from 'vitest';
import type { ExtensionLink } from '../../../src/content/runtime.ts';

export interface FakeLink extends ExtensionLink {
  /** The requests sent, in order. */
  sent: Array<{ type: string; payload: unknown }>;
  /** What the worker answers, by message type (a function of the payload); unanswered types get null. */
  answers: Record<string, (payload: unknown) => unknown>;
  /** The extension is reloaded under the page: the API's id goes away. */
  invalidate(): void;
  /** Delivers a notice as this extension's worker would. */
  notice(message: unknown): void;
}

export function fakeLink(): FakeLink {
  let alive = true;
  const listeners = new Set<(message: unknown) => void>();
  const link: FakeLink = {
    sent: [],
    answers: {},
    alive: () => alive,
    getURL: (path) => `chrome-extension://dynamic-uuid/${path}`,
    message: (key) => (key === 'app_dir' ? 'ltr' : `msg:${key}`),
    send: vi.fn(async (type, payload) => {
      if (!alive) return null;
      link.sent.push({ type, payload });
      const answer = link.answers[type];
      return (answer ? answer(payload) : null) as never;
    }),
    onNotice(listener, signal) {
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
    invalidate() {
      alive = false;
    },
    notice(message) {
      for (const listener of listeners) listener(message);
    },
  };
  return link;
}

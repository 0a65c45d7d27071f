// A stand-in for the WebExtension APIs the worker uses, recording calls. Tests install it with
//   vi.mock('webextension-polyfill', () => ({ default: fake }))
// The i18n and catalog lookups read the real public/_locales files, so strings are the shipped ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { type Catalog, messageIn } from '../../../src/core/messageFormat.ts';

const LOCALES = join(__dirname, '../../../public/_locales');
export const EXTENSION_URL = 'chrome-extension://test-id/';

export function catalog(lang: string): Catalog {
  return JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'));
}

export interface FakeEvent<A extends unknown[]> {
  addListener: (listener: (...args: A) => unknown) => void;
  listeners: ((...args: A) => unknown)[];
  fire: (...args: A) => void;
}

function event<A extends unknown[]>(): FakeEvent<A> {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    listeners,
    addListener: (listener) => listeners.push(listener),
    fire: (...args) => {
      for (const listener of listeners) listener(...args);
    },
  };
}

export function createFakeBrowser() {
  const en = catalog('en');
  const granted = new Set<string>();
  const grantedOrigins = new Set<string>(['https://*.linkedin.com/*']);
  return {
    granted,
    grantedOrigins,
    action: {
      setBadgeText: vi.fn(async (_: { text: string }) => {}),
      setBadgeBackgroundColor: vi.fn(async (_: { color: string }) => {}),
      setTitle: vi.fn(async (_: { title: string }) => {}),
      setPopup: vi.fn(async (_: { popup: string }) => {}),
      openPopup: vi.fn(async () => {}),
    },
    alarms: {
      create: vi.fn(async (_name: string, _info: { when: number; periodInMinutes: number }) => {}),
      onAlarm: event<[{ name: string }]>(),
    },
    runtime: {
      id: 'test-id',
      getURL: (path: string) => `${EXTENSION_URL}${path}`,
      getManifest: () => ({ version: '0.1.0', action: { default_popup: 'src/popup/index.html' } }),
      getPlatformInfo: vi.fn(async () => ({ os: 'linux', arch: 'x86-64' })),
      onInstalled: event<[{ reason: string }]>(),
      onStartup: event<[]>(),
      onMessage: event<[unknown, unknown]>(),
    },
    i18n: {
      getUILanguage: () => 'en',
      // As browser.i18n.getMessage: '' for a key the catalog lacks.
      getMessage: (key: string, subs: string[] = []) => messageIn([en], key, subs) ?? '',
    },
    permissions: {
      contains: vi.fn(async ({ permissions }: { permissions: string[] }) =>
        permissions.every((p) => granted.has(p)),
      ),
      /** Host permissions granted: LinkedIn's, as installed, and whatever a test adds. */
      getAll: vi.fn(async () => ({ permissions: [...granted], origins: [...grantedOrigins] })),
      onAdded: event<[{ permissions: string[] }]>(),
      onRemoved: event<[{ permissions: string[] }]>(),
    },
    commands: { onCommand: event<[string, { id?: number } | undefined]>() },
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => [] as Array<{ id: string; matches?: string[] }>),
      registerContentScripts: vi.fn(async (_: unknown[]) => {}),
      unregisterContentScripts: vi.fn(async (_: { ids: string[] }) => {}),
    },
    notifications: {
      create: vi.fn(async (id: string, _options: { title: string; message: string }) => id),
      clear: vi.fn(async (_id: string) => true),
      onClicked: event<[string]>(),
    } as
      | {
          create: ReturnType<typeof vi.fn>;
          clear: ReturnType<typeof vi.fn>;
          onClicked: FakeEvent<[string]>;
        }
      | undefined,
    tabs: {
      create: vi.fn(async (_: { url: string }) => ({ id: 1 })),
      sendMessage: vi.fn(
        async (_tabId: number, _message: unknown, _options?: { frameId: number }) => undefined,
      ),
      onRemoved: event<[number]>(),
      onUpdated: event<[number, { status?: string; url?: string }, { url?: string }]>(),
    },
    storage: {
      session: memoryArea(),
      local: memoryArea(),
      onChanged: event<[Record<string, unknown>, string]>(),
    },
  };
}

/** A storage area that keeps what is set, as structured copies. */
function memoryArea() {
  const items = new Map<string, unknown>();
  const keysOf = (keys: string | string[]) => (Array.isArray(keys) ? keys : [keys]);
  return {
    items,
    get: vi.fn(async (keys: string | string[] | null) => {
      const wanted = keys === null ? [...items.keys()] : keysOf(keys);
      return Object.fromEntries(
        wanted.filter((key) => items.has(key)).map((key) => [key, structuredClone(items.get(key))]),
      );
    }),
    set: vi.fn(async (values: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      for (const key of keysOf(keys)) items.delete(key);
    }),
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** Serves the extension's locale files to fetch(), as the extension package would. */
export function serveLocales() {
  const fetch = vi.fn(async (url: string) => {
    const match = new RegExp(`^${EXTENSION_URL}_locales/(\\w+)/messages\\.json$`).exec(url);
    if (!match) throw new TypeError(`Unexpected fetch: ${url}`);
    const body = catalog(match[1]!);
    return { json: async () => body };
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

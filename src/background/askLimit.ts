// How many distinct profiles one tab may ask the worker about in a minute. A page can change its URL with
// pushState as often as it likes, and each profile it names is a question about the ledger (the badge, a visit):
// timing enough of them could tell it who is recorded. A person browsing never names this many in a minute.
// Kept in storage.session by tab, so a worker stopped and woken (Chrome stops it after ~30 s idle) still counts.
import browser from 'webextension-polyfill';

export const ASK_WINDOW_MS = 60_000;
export const DISTINCT_KEYS_PER_WINDOW = 30;

type Asked = Array<[key: string, at: number]>;

const storageKey = (tabId: number) => `asks:${tabId}`;

// The worker's copy of each tab's list, read from storage.session once per wake: the badge waits on this, so a
// question about a profile already asked about costs no storage round trip, and a new one writes behind.
const lists = new Map<number, Asked>();
const loading = new Map<number, Promise<void>>();

function load(tabId: number): Promise<void> {
  if (lists.has(tabId)) return Promise.resolve();
  let loaded = loading.get(tabId);
  if (!loaded) {
    loaded = browser.storage.session.get(storageKey(tabId)).then(
      (got) => {
        const stored = got[storageKey(tabId)];
        if (!lists.has(tabId)) lists.set(tabId, Array.isArray(stored) ? (stored as Asked) : []);
        loading.delete(tabId);
      },
      (error: unknown) => {
        loading.delete(tabId);
        throw error;
      },
    );
    loading.set(tabId, loaded);
  }
  return loaded;
}

/**
 * Whether tab `tabId` may ask about `key` now: a key it asked about within the window always may; a new one only
 * while fewer than DISTINCT_KEYS_PER_WINDOW distinct keys were asked about in it.
 */
export async function mayAsk(tabId: number, key: string, now = Date.now()): Promise<boolean> {
  await load(tabId);
  // From here on synchronous, on the worker's one copy: two questions at once cannot both take the last place.
  const recent = (lists.get(tabId) ?? []).filter(
    ([, at]) => typeof at === 'number' && at > now - ASK_WINDOW_MS && at <= now,
  );
  if (recent.some(([k]) => k === key)) return true;
  if (recent.length >= DISTINCT_KEYS_PER_WINDOW) return false;
  const next: Asked = [...recent, [key, now]];
  lists.set(tabId, next);
  void browser.storage.session.set({ [storageKey(tabId)]: next }).catch(() => undefined);
  return true;
}

/** The tab is gone: so is its count. */
export async function forgetAsks(tabId: number): Promise<void> {
  lists.delete(tabId);
  await browser.storage.session.remove(storageKey(tabId));
}

import browser from 'webextension-polyfill';

// Durable storage for the extension's database. The manifest asks for `unlimitedStorage`; pages also
// ask for persistence, because browsers treat the two differently:
// - Chromium exempts an extension holding unlimitedStorage from quota and eviction, yet answers
//   navigator.storage.persist() with false for extension origins.
// - Firefox turns unlimitedStorage into the persistent-storage permission, so persist() is granted
//   without a prompt and persisted() then says true.
// So storage counts as durable when either holds.

export interface StorageStatus {
  /** The browser promised not to clear this origin's storage under pressure (persisted()). */
  persisted: boolean;
  /** The extension holds unlimitedStorage: no quota, and no eviction in Chromium. */
  unlimited: boolean;
  /** persisted or unlimited: only the user (or an uninstall) can remove the data. */
  durable: boolean;
  /** Bytes used by the extension's origin, when the browser reports it. */
  usage: number | null;
  /** Bytes the origin may use, when the browser reports it. */
  quota: number | null;
}

type Storage = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

export interface StorageDeps {
  storage?: Storage | undefined;
  hasUnlimitedStorage?: () => Promise<boolean>;
}

const storageOf = (deps: StorageDeps): Storage | undefined =>
  'storage' in deps ? deps.storage : globalThis.navigator?.storage;
const hasUnlimitedStorage = () => browser.permissions.contains({ permissions: ['unlimitedStorage'] });

/**
 * Asks the browser to keep this origin's storage. Idempotent and silent: browsers grant or refuse it
 * without a prompt for an extension holding unlimitedStorage. persist() exists only in windows, so
 * call it from a page.
 */
export async function requestDurableStorage(deps: StorageDeps = {}): Promise<boolean> {
  const storage = storageOf(deps);
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}

export async function readStorageStatus(deps: StorageDeps = {}): Promise<StorageStatus> {
  const storage = storageOf(deps);
  const hasUnlimited = deps.hasUnlimitedStorage ?? hasUnlimitedStorage;
  const [persisted, estimate, unlimited] = await Promise.all([
    storage?.persisted ? storage.persisted() : Promise.resolve(false),
    storage?.estimate ? storage.estimate() : Promise.resolve({} as StorageEstimate),
    hasUnlimited().catch(() => false),
  ]);
  return {
    persisted,
    unlimited,
    durable: persisted || unlimited,
    usage: estimate.usage ?? null,
    quota: estimate.quota ?? null,
  };
}

/**
 * Whether a failed write ran out of storage space: the browser's QuotaExceededError, whether thrown
 * as is or wrapped by Dexie in the AbortError of the transaction it rolled back (as `inner`). Import
 * and restore use it to say "not enough space, nothing was changed" rather than a generic failure.
 */
export function isQuotaExceeded(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if ((e as { name?: unknown }).name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

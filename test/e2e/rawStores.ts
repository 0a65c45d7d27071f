// Every row of the extension's database, read with the raw IndexedDB API inside an extension page, for the
// Chromium (Playwright) and Firefox (Puppeteer over BiDi) tests alike: both serialise `readAllStores` into
// the page, so it must use nothing from outside its own body.

export interface Stores {
  people: Array<Record<string, unknown> & { id: string; name: string; headline?: string; stage: string }>;
  profiles: Array<{
    key: string;
    personId: string;
    seenName?: string;
    proposed?: Record<string, string>;
    declined?: Record<string, string>;
  }>;
  sharedWork: Array<Record<string, unknown> & { personId: string; kind: string; status: string }>;
  notes: Array<{ personId: string; text: string }>;
  flags: Array<{ id: string; personId: string; kind: string; state: string }>;
  /** Absent before schema version 2 (a database of an older build). */
  queue?: Array<{ id: string; personId: string; state: string; startedAt?: number }>;
}

export const STORE_NAMES = ['people', 'profiles', 'sharedWork', 'notes', 'flags', 'queue'];

/** Runs in the page: `names` → all their rows; empty lists when the database does not exist yet. */
export async function readAllStores(names: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = Object.fromEntries(names.map((name) => [name, []]));
  if (!(await indexedDB.databases()).some((d) => d.name === 'trust-notes')) return out;
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('trust-notes');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const idb = req.result;
      const present = names.filter((name) => idb.objectStoreNames.contains(name));
      const tx = idb.transaction(present, 'readonly');
      for (const name of present) {
        const all = tx.objectStore(name).getAll();
        all.onsuccess = () => {
          out[name] = all.result;
        };
      }
      tx.oncomplete = () => {
        idb.close();
        resolve(out);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

// The object stores and indexes of every shipped schema version, written out as raw IndexedDB
// definitions, independent of Dexie and of the current TrustDb class. When a version ships, add its
// entry here (never edit an old one) and a fixture test/fixtures/db/v<N>.json.

export interface RawIndex {
  name: string;
  keyPath: string | string[];
  multiEntry?: boolean;
}

export interface RawStore {
  keyPath: string;
  indexes: RawIndex[];
}

export type RawSchema = Record<string, RawStore>;

/** Dexie opens IndexedDB at ten times its declared version number. */
export function idbVersion(schemaVersion: number): number {
  return schemaVersion * 10;
}

export const LEGACY_SCHEMAS: Record<number, RawSchema> = {
  1: {
    people: {
      keyPath: 'id',
      indexes: [
        { name: 'stage', keyPath: 'stage' },
        { name: 'connectedSort', keyPath: 'connectedSort' },
        { name: 'nameWords', keyPath: 'nameWords', multiEntry: true },
        { name: 'tags', keyPath: 'tags', multiEntry: true },
        { name: 'lastWorkDate', keyPath: 'lastWorkDate' },
        { name: 'updatedAt', keyPath: 'updatedAt' },
        { name: 'fromImportKey', keyPath: 'fromImportKey' },
        { name: 'nameSort', keyPath: 'nameSort' },
        { name: '[stage+nameSort]', keyPath: ['stage', 'nameSort'] },
        { name: 'introducedBy', keyPath: 'introducedBy' },
      ],
    },
    profiles: {
      keyPath: 'key',
      indexes: [
        { name: 'personId', keyPath: 'personId' },
        { name: 'site', keyPath: 'site' },
      ],
    },
    sharedWork: {
      keyPath: 'id',
      indexes: [
        { name: 'personId', keyPath: 'personId' },
        { name: 'startDate', keyPath: 'startDate' },
        { name: 'endDate', keyPath: 'endDate' },
        { name: 'kind', keyPath: 'kind' },
        { name: 'status', keyPath: 'status' },
        { name: 'updatedAt', keyPath: 'updatedAt' },
      ],
    },
    notes: {
      keyPath: 'id',
      indexes: [
        { name: 'personId', keyPath: 'personId' },
        { name: 'updatedAt', keyPath: 'updatedAt' },
      ],
    },
    flags: {
      keyPath: 'id',
      indexes: [
        { name: 'personId', keyPath: 'personId' },
        { name: 'kind', keyPath: 'kind' },
        { name: 'state', keyPath: 'state' },
        { name: '[state+kind]', keyPath: ['state', 'kind'] },
        { name: '[state+raisedAt]', keyPath: ['state', 'raisedAt'] },
      ],
    },
    meta: { keyPath: 'key', indexes: [] },
  },
};
// Version 2: people gain untestedSince and queueRank; the queue and messages stores are new.
LEGACY_SCHEMAS[2] = {
  ...LEGACY_SCHEMAS[1]!,
  people: {
    keyPath: 'id',
    indexes: [
      ...LEGACY_SCHEMAS[1]!.people!.indexes,
      { name: 'untestedSince', keyPath: 'untestedSince' },
      { name: 'queueRank', keyPath: 'queueRank' },
    ],
  },
  queue: { keyPath: 'id', indexes: [{ name: 'state', keyPath: 'state' }] },
  messages: {
    keyPath: 'id',
    indexes: [
      { name: 'personId', keyPath: 'personId' },
      { name: 'date', keyPath: 'date' },
    ],
  },
};

// Version 3 adds sync's outbox to version 2.
LEGACY_SCHEMAS[3] = { ...LEGACY_SCHEMAS[2]!, syncOutbox: { keyPath: 'key', indexes: [] } };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Creates a database exactly as schema `version` shipped, holding `tables`, with raw IndexedDB. */
export async function buildRawDatabase(
  name: string,
  version: number,
  tables: Record<string, Record<string, unknown>[]>,
): Promise<void> {
  const schema = LEGACY_SCHEMAS[version];
  if (!schema) throw new Error(`No legacy schema for version ${version}`);
  const open = indexedDB.open(name, idbVersion(version));
  open.onupgradeneeded = () => {
    for (const [storeName, store] of Object.entries(schema)) {
      const objectStore = open.result.createObjectStore(storeName, { keyPath: store.keyPath });
      for (const index of store.indexes) {
        objectStore.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry ?? false });
      }
    }
  };
  const database = await request(open);
  const tx = database.transaction(Object.keys(tables), 'readwrite');
  for (const [storeName, rows] of Object.entries(tables)) {
    for (const row of rows) tx.objectStore(storeName).put(row);
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  database.close();
}

/** The stores and indexes a database really has, in the same shape as LEGACY_SCHEMAS. */
export async function readRawSchema(name: string): Promise<{ version: number; schema: RawSchema }> {
  const database = await request(indexedDB.open(name));
  const storeNames = [...database.objectStoreNames];
  const schema: RawSchema = {};
  if (storeNames.length > 0) {
    const tx = database.transaction(storeNames, 'readonly');
    for (const storeName of storeNames) {
      const store = tx.objectStore(storeName);
      schema[storeName] = {
        keyPath: store.keyPath as string,
        indexes: [...store.indexNames].map((indexName) => {
          const index = store.index(indexName);
          return {
            name: index.name,
            keyPath: Array.isArray(index.keyPath) ? [...index.keyPath] : index.keyPath,
            ...(index.multiEntry ? { multiEntry: true } : {}),
          };
        }),
      };
    }
  }
  const version = database.version;
  database.close();
  return { version, schema };
}

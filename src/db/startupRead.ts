// The popup's first screen, read with the browser's own IndexedDB API while Dexie is still loading.
//
// Dexie is most of the popup's code; loading and starting it took the popup from ~90 ms (an empty
// extension page) to over 200 ms, against a target of 150 ms. So the first screen (this week's queue, the
// newest open flags, the latest shared work, the language setting) is read here with the same indexes and order as
// `openFlags` and `recentWork` in queries.ts, and Dexie loads after the first render for everything live.
//
// It only ever reads, and only a database exactly at the schema version this code was built for (see
// SCHEMA_VERSION): a missing, older or newer database answers `undefined`, and the page falls back to
// Dexie, which creates, upgrades or refuses it as usual. It never holds the database open: a version
// change waits on no connection of this module's.
import {
  DEFAULT_SETTINGS,
  type Flag,
  type QueueEntry,
  type Settings,
  type SharedWork,
} from '../core/types.ts';
import type { MetaRow } from './meta.ts';
import type { PersonRow } from './personRow.ts';
import type { FlagItem, QueueItem, WorkItem } from './queries.ts';
import { DB_NAME, IDB_VERSION } from './schema.ts';

export interface StartupData {
  /** This week's queue, best first (as queries.ts's queuedPeople). */
  queue: QueueItem[];
  flags: FlagItem[];
  recent: WorkItem[];
  settings: Settings;
}

const STORES = ['queue', 'flags', 'sharedWork', 'people', 'meta'] as const;

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Opens the database without creating or upgrading it; undefined when it is not exactly this code's schema. */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    // Only a database that does not exist yet gets here (no version was asked for): leave creating it to Dexie.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const connection = request.result;
      const current =
        connection.version === IDB_VERSION &&
        STORES.every((store) => connection.objectStoreNames.contains(store));
      if (current) {
        connection.onversionchange = () => connection.close();
        resolve(connection);
      } else {
        connection.close();
        resolve(undefined);
      }
    };
    request.onerror = (event) => {
      // An aborted creation is the normal "no database yet"; keep it from surfacing as an uncaught error.
      event.preventDefault();
      if (request.error?.name === 'AbortError') resolve(undefined);
      else reject(request.error);
    };
    request.onblocked = () => resolve(undefined);
  });
}

/** `IDBIndex.getAllRecords` (Chromium 141+): the newest records in one request; not in TypeScript's DOM yet. */
type GetAllRecords = (options: {
  query?: IDBKeyRange | null;
  count?: number;
  direction?: IDBCursorDirection;
}) => IDBRequest<{ value: unknown }[]>;

/** The first `limit` values of `source`, newest key first. */
function newest<T>(source: IDBIndex, range: IDBKeyRange | null, limit: number): Promise<T[]> {
  if (limit <= 0) return Promise.resolve([]);
  // One request where the browser has it; a cursor takes one round trip to the browser per value.
  const getAllRecords = (source as IDBIndex & { getAllRecords?: GetAllRecords }).getAllRecords;
  if (typeof getAllRecords === 'function') {
    const request = getAllRecords.call(source, { query: range, count: limit, direction: 'prev' });
    return done(request).then((records) => records.map((record) => record.value as T));
  }
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    const request = source.openCursor(range, 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        resolve(out);
        return;
      }
      out.push(cursor.value as T);
      if (out.length < limit) cursor.continue();
      else resolve(out);
    };
    request.onerror = () => reject(request.error);
  });
}

async function withPeople<T extends { personId: string }, K extends string>(
  people: IDBObjectStore,
  items: T[],
  key: K,
): Promise<({ [P in K]: T } & { person: PersonRow })[]> {
  const rows = await Promise.all(items.map((item) => done<PersonRow | undefined>(people.get(item.personId))));
  return items.flatMap((item, i) => {
    const person = rows[i];
    return person ? [{ [key]: item, person } as { [P in K]: T } & { person: PersonRow }] : [];
  });
}

/**
 * The newest `limits.flags` open flags and `limits.recent` latest shared works with their people, and the
 * settings, in one read-only transaction. Undefined when the database is missing or not at this schema
 * version; rejects only on a read error.
 */
export async function readStartup(
  limits: { flags: number; recent: number },
  factory: IDBFactory = indexedDB,
  name: string = DB_NAME,
): Promise<StartupData | undefined> {
  const connection = await openExisting(factory, name);
  if (!connection) return undefined;
  try {
    const tx = connection.transaction([...STORES], 'readonly');
    const people = tx.objectStore('people');
    // ['open'] sorts before every ['open', raisedAt], and [] after every number: all open flags.
    const openRange = IDBKeyRange.bound(['open'], ['open', []]);
    const [entries, flags, works, settingsRow] = await Promise.all([
      done<QueueEntry[]>(tx.objectStore('queue').index('state').getAll('queued')),
      newest<Flag>(tx.objectStore('flags').index('[state+raisedAt]'), openRange, limits.flags),
      newest<SharedWork>(tx.objectStore('sharedWork').index('updatedAt'), null, limits.recent),
      done<MetaRow | undefined>(tx.objectStore('meta').get('settings')),
    ]);
    const [queue, flagItems, recent] = await Promise.all([
      withPeople(people, entries, 'entry'),
      withPeople(people, flags, 'flag'),
      withPeople(people, works, 'work'),
    ]);
    // Best first, ties by id: the order queuedPeople gives.
    queue.sort(
      (a, b) =>
        (b.person.queueRank ?? 0) - (a.person.queueRank ?? 0) ||
        (a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0),
    );
    const stored = settingsRow?.value as Partial<Settings> | undefined;
    return { queue, flags: flagItems, recent, settings: { ...DEFAULT_SETTINGS, ...stored } };
  } finally {
    connection.close();
  }
}

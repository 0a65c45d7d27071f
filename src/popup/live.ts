// The popup's Dexie side, loaded just after the first render (main.tsx reads the first screen without
// Dexie, see db/startupRead.ts): live queries that keep the popup current, the search, and the writes.
import { liveQuery, type Subscription } from 'dexie';
import type { Settings } from '../core/types.ts';
import { db } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { openFlags, queuedPeople, recentWork, searchPeopleByPrefix } from '../db/queries.ts';
import type { StartupData } from '../db/startupRead.ts';
import { reloadOnVersionChange } from '../db/versionChange.ts';

export {
  dismissFlagForGood,
  dismissQueuedForGood,
  planQueuedTask,
  snoozeFlagUntil,
  snoozeQueuedUntil,
} from '../ui/data/personActions.ts';

// The popup holds the database through Dexie from here on: an upgrade must not wait on it.
reloadOnVersionChange(db());

export const queue = () => queuedPeople(db());
export const flags = (limit: number) => openFlags(db(), limit);
export const recent = (limit: number) => recentWork(db(), limit);
export const search = (text: string, limit: number) => searchPeopleByPrefix(db(), text, limit);

/** Re-runs `query` whenever what it read changes, here, in another extension page, or in the worker. */
export function watch<T>(
  query: () => Promise<T>,
  next: (value: T) => void,
  error: (error: unknown) => void,
): Subscription {
  // A live query on a database whose open failed can wait for good without an error (db/useLiveQuery.ts's
  // useDatabaseOpen): the open's own failure is reported instead, for the section's error boundary.
  db().open().catch(error);
  return liveQuery(query).subscribe({ next, error });
}

/**
 * The first screen through Dexie, for when the direct read could not serve it: no database yet (Dexie
 * creates it), or one at another schema version (Dexie upgrades it, or refuses a newer one).
 */
export async function readStartup(limits: { flags: number; recent: number }): Promise<StartupData> {
  const [queueItems, flagItems, recentItems, settings]: [
    StartupData['queue'],
    StartupData['flags'],
    StartupData['recent'],
    Settings,
  ] = await Promise.all([queue(), flags(limits.flags), recent(limits.recent), getSettings(db())]);
  return { queue: queueItems, flags: flagItems, recent: recentItems, settings };
}

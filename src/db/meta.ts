import { DEFAULT_SETTINGS, type Millis, type Settings } from '../core/types.ts';
import type { Aggregates } from './aggregates.ts';
import type { TrustDb } from './database.ts';

/** The typed values of the key-value meta table. Add a key here before using it. */
export interface MetaValues {
  settings: Settings;
  /** When the worker's flag scan last completed; the worker keeps no state between wakes. */
  lastScanAt: Millis;
  /**
   * Where the worker's full flag scan stands; absent when none is under way. `now` is the scan's reference
   * time, so a resumed scan writes what an uninterrupted one would; `after` is the last person id done.
   */
  scanCheckpoint: { now: Millis; after: string };
  lastDigestAt: Millis;
  lastBackupAt: Millis;
  lastImportAt: Millis;
  /**
   * Me, as LinkedIn's export shows me (Profile.csv's name, and the profile in every message row): tells my
   * messages from theirs when a later import reads messages.csv alone.
   */
  archiveOwner: { name: string; key?: string };
  /** Kept by aggregates.ts in the same transaction as every people and flags write; never set elsewhere. */
  aggregates: Aggregates;
}

export type MetaKey = keyof MetaValues;

export interface MetaRow {
  key: MetaKey;
  value: MetaValues[MetaKey];
}

export async function getMeta<K extends MetaKey>(tdb: TrustDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await tdb.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(tdb: TrustDb, key: K, value: MetaValues[K]): Promise<void> {
  await tdb.meta.put({ key, value });
}

/** Stored settings over the defaults, so a setting added in a later release has its default value. */
export async function getSettings(tdb: TrustDb): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await getMeta(tdb, 'settings')) };
}

export async function saveSettings(tdb: TrustDb, changes: Partial<Settings>): Promise<Settings> {
  return tdb.transaction('rw', tdb.meta, async () => {
    const settings = { ...(await getSettings(tdb)), ...changes };
    await setMeta(tdb, 'settings', settings);
    return settings;
  });
}

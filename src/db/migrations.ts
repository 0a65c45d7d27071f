import type { Dexie } from 'dexie';
import { SCHEMA_V1 } from './schema';

/** Declares every schema version in order; the newest declared version is the one opened. */
export function declareVersions(database: Dexie): void {
  database.version(1).stores(SCHEMA_V1);
}

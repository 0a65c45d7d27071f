import type { Dexie } from 'dexie';
import { SCHEMA_V1, SCHEMA_V2 } from './schema';
import { declareTestSchemaUpgrade } from './testSchemaUpgrade';

/** Declares every schema version in order; the newest declared version is the one opened. */
export function declareVersions(database: Dexie): void {
  database.version(1).stores(SCHEMA_V1);
  // A new, empty table: nothing to upgrade.
  database.version(2).stores(SCHEMA_V2);
  // Test builds only (see testSchemaUpgrade.ts); keep this the last line.
  if (import.meta.env.VITE_TRUST_NOTES_TEST_SCHEMA_UPGRADE === '1') declareTestSchemaUpgrade(database);
}

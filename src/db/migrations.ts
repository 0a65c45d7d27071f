import type { Dexie } from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './schema.ts';
import { declareTestSchemaUpgrade } from './testSchemaUpgrade.ts';
import { upgradeToV2, type V1Rows } from './upgrades.ts';

/** Declares every schema version in order; the newest declared version is the one opened. */
export function declareVersions(database: Dexie): void {
  database.version(1).stores(SCHEMA_V1);
  database
    .version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      const [people, sharedWork, flags] = await Promise.all([
        tx.table('people').toArray(),
        tx.table('sharedWork').toArray(),
        tx.table('flags').where('kind').equals('dormant').toArray(),
      ]);
      const changes = upgradeToV2({ people, sharedWork, flags } as V1Rows, Date.now());
      await tx.table('people').bulkPut(changes.people);
      await tx.table('flags').bulkDelete(changes.removedFlagIds);
      await tx.table('queue').bulkAdd(changes.queue);
    });
  // Sync's outbox: a new, empty table, nothing to upgrade. (Its middleware records nothing during the version 2
  // upgrade above: that runs on version 2's stores, which have no outbox.)
  database.version(3).stores(SCHEMA_V3);
  // Test builds only (see testSchemaUpgrade.ts); keep this the last line.
  if (import.meta.env.VITE_TRUST_NOTES_TEST_SCHEMA_UPGRADE === '1') declareTestSchemaUpgrade(database);
}

import type { Dexie } from 'dexie';

/**
 * One more schema version on top of the newest real one, declared only in builds made with
 * VITE_TRUST_NOTES_TEST_SCHEMA_UPGRADE=1 (never in `npm run build`). The upgrade-while-open e2e test
 * builds the extension both ways and runs a real IndexedDB upgrade over data written by the older
 * build, with the older build's pages still open.
 *
 * It adds a table and records in it what the upgrade saw, so the test can tell the upgrade ran, and
 * ran over all the data.
 */
export function declareTestSchemaUpgrade(database: Dexie): void {
  const from = database.verno;
  database
    .version(from + 1)
    .stores({ testSchemaUpgrade: 'id' })
    .upgrade(async (tx) => {
      const people = await tx.table('people').count();
      await tx.table('testSchemaUpgrade').put({ id: 'upgrade', from, to: from + 1, people });
    });
}

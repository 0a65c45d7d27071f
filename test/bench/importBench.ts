// The import bench's page side, bundled by seedBundle.mjs and evaluated in an extension page: the real io
// path (parse → plan → commit) and backups against Chromium's IndexedDB, and the raw IndexedDB baseline
// that writes the very rows the import wrote, into the same object stores and indexes.
import { db } from '../../src/db/database.ts';
import { commitArchive } from '../../src/io/archiveCommit.ts';
import { parseArchiveFile } from '../../src/io/archiveParse.ts';
import { planArchive } from '../../src/io/archivePlan.ts';
import { exportBackup, restoreBackup, validateBackup } from '../../src/io/backup.ts';
import { generateConnectionsCsv } from '../fixtures/csv/generate.ts';
import { done, request } from './rawIdb.ts';

export interface ImportTimings {
  parse: number;
  plan: number;
  commit: number;
  total: number;
  created: number;
  rejected: number;
  fileBytes: number;
}

export interface BackupTimings {
  export: number;
  validate: number;
  restore: number;
  backupBytes: number;
}

let file: { key: string; blob: Blob } | undefined;

// The file is generated once per (n, seed) and kept: building it is not part of what an import costs.
function connectionsFile(n: number, seed: number): Blob {
  const key = `${n}:${seed}`;
  if (file?.key !== key) {
    file = { key, blob: new Blob([generateConnectionsCsv(n, seed)], { type: 'text/csv' }) };
  }
  return file.blob;
}

/** Empties every table, so each sample starts from an empty database with the real schema. */
export async function emptyDatabase(): Promise<void> {
  const tdb = db();
  await tdb.transaction('rw', tdb.tables, () => Promise.all(tdb.tables.map((table) => table.clear())));
}

/** Imports `n` generated connections into the (empty) database as the options page does. */
export async function timeImport(n: number, seed: number): Promise<ImportTimings> {
  const blob = connectionsFile(n, seed);
  const tdb = db();
  const t0 = performance.now();
  const parsed = await parseArchiveFile(blob, 'Connections.csv', { keepMessageText: false });
  if (!parsed.ok) throw new Error(`parse: ${JSON.stringify(parsed.error)}`);
  const t1 = performance.now();
  const plan = await planArchive(tdb, parsed.value);
  const t2 = performance.now();
  const committed = await commitArchive(tdb, plan, new Map());
  if (!committed.ok) throw new Error(`commit: ${JSON.stringify(committed.error)}`);
  const t3 = performance.now();
  return {
    parse: t1 - t0,
    plan: t2 - t1,
    commit: t3 - t2,
    total: t3 - t0,
    created: committed.value.created,
    rejected: committed.value.rejected,
    fileBytes: blob.size,
  };
}

/** Exports the database, validates that file and restores it, each timed. */
export async function timeBackup(): Promise<BackupTimings> {
  const tdb = db();
  const t0 = performance.now();
  const backup = await exportBackup(tdb);
  const t1 = performance.now();
  const valid = await validateBackup(tdb, backup);
  if (!valid.ok) throw new Error(`validate: ${JSON.stringify(valid.error)}`);
  const t2 = performance.now();
  const restored = await restoreBackup(tdb, valid.value);
  if (!restored.ok) throw new Error(`restore: ${JSON.stringify(restored.error)}`);
  const t3 = performance.now();
  return { export: t1 - t0, validate: t2 - t1, restore: t3 - t2, backupBytes: backup.size };
}

const IMPORTED_STORES = ['people', 'profiles'] as const;

/**
 * The baseline: takes the person and profile rows the import just wrote, empties the database, then
 * times plain `indexedDB` puts of those same rows in one transaction on the extension's own database
 * (same stores, same indexes). Returns milliseconds and the number of rows written.
 */
export async function timeRawInsert(): Promise<{ ms: number; rows: number }> {
  const tdb = db();
  await tdb.open();
  const idb = tdb.backendDB();
  const read = idb.transaction([...IMPORTED_STORES], 'readonly');
  const [people, profiles] = await Promise.all([
    request(read.objectStore('people').getAll()),
    request(read.objectStore('profiles').getAll()),
  ]);
  await done(read);
  await emptyDatabase();
  const start = performance.now();
  const tx = idb.transaction([...IMPORTED_STORES], 'readwrite');
  const peopleStore = tx.objectStore('people');
  const profileStore = tx.objectStore('profiles');
  for (const row of people) peopleStore.put(row);
  for (const row of profiles) profileStore.put(row);
  await done(tx);
  return { ms: performance.now() - start, rows: people.length + profiles.length };
}

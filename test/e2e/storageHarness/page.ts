// A test-only extension page, built from the same src/ modules as the extension and added to a copy of
// its build, so e2e tests can drive the real database code in the extension's own origin (same
// IndexedDB as the app's pages) without going through a UI that may not exist yet. It starts as the
// options page and the panel do: reloadOnVersionChange on its database, then boot().
import { db } from '../../../src/db/database.ts';
import * as mutations from '../../../src/db/mutations.ts';
import { isQuotaExceeded } from '../../../src/db/persistence.ts';
import { reloadOnVersionChange } from '../../../src/db/versionChange.ts';
import { commitArchive } from '../../../src/io/archiveCommit.ts';
import { parseArchiveFile } from '../../../src/io/archiveParse.ts';
import { planArchive } from '../../../src/io/archivePlan.ts';
import { exportBackup, restoreBackup, validateBackup } from '../../../src/io/backup.ts';
import { boot } from '../../../src/ui/components/boot.tsx';
import { generateConnectionsCsv } from '../../fixtures/csv/generate.ts';

/** Every row of every table, keyed by table name, in primary-key order: equal snapshots, equal data. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const tdb = db();
  const tables = await Promise.all(tdb.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(tables.sort(([a], [b]) => a.localeCompare(b)));
}

/** Text that IndexedDB cannot compress (Chromium compresses large values), so it really takes space. */
function incompressibleText(chars: number): string {
  const bytes = new Uint8Array(Math.ceil(chars / 2));
  for (let i = 0; i < bytes.length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, chars);
}

/** Parse → plan → commit, as the options page runs an import of a picked file. */
async function importConnections(file: File) {
  const parsed = await parseArchiveFile(file, file.name, { keepMessageText: false });
  if (!parsed.ok) return parsed;
  return commitArchive(db(), await planArchive(db(), parsed.value), new Map());
}

/** A generated LinkedIn Connections.csv of `n` rows, as a picked file. */
const connectionsFile = (n: number, seed = 1) =>
  new File([generateConnectionsCsv(n, seed)], 'Connections.csv', { type: 'text/csv' });

/** Validate → restore, as the options page restores a picked backup file. */
async function restore(text: string) {
  const valid = await validateBackup(db(), new Blob([text], { type: 'application/json' }));
  if (!valid.ok) return valid;
  const restored = await restoreBackup(db(), valid.value);
  return restored.ok ? { ok: true as const, counts: restored.value.counts } : restored;
}

const backupText = async () => (await exportBackup(db())).text();

const api = {
  db,
  mutations,
  snapshot,
  incompressibleText,
  isQuotaExceeded,
  importConnections,
  connectionsFile,
  restore,
  backupText,
};
export type StorageHarness = typeof api;

(globalThis as unknown as { tn: StorageHarness }).tn = api;
// Started like the extension pages that use Dexie, so it reacts to a schema upgrade exactly as they do.
reloadOnVersionChange(db());
void boot('ext_name', () => null).then(() => {
  document.documentElement.dataset.harness = 'ready';
});

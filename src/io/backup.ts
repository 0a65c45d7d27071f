import { type DexieExportJsonMeta, exportDB, importInto } from 'dexie-export-import';
import type { Millis } from '../core/types.ts';
import { recountAggregates } from '../db/aggregates.ts';
import type { TrustDb } from '../db/database.ts';
import type { PersonRow } from '../db/personRow.ts';
import { OUTBOX_TABLE } from '../db/syncOutbox.ts';
import { upgradeToV2, type V1Rows } from '../db/upgrades.ts';
import { BACKUP_VERSIONS, normaliseRow, REFERENCES, rowProblem } from './backupSchema.ts';
import { fail, ok, type Result } from './result.ts';

// The backup file is a small envelope around dexie-export-import's own export, so the format marker,
// schema version and per-table counts can be checked before anything is parsed further:
//
//   {"trustNotesBackup":1,"exportedAt":1767225600000,"schemaVersion":1,
//    "counts":{"people":2,"profiles":2,"sharedWork":1,"notes":0,"flags":0,"meta":3},
//    "dexie":{"formatName":"dexie","formatVersion":1,"data":{"databaseName":"trust-notes",
//      "databaseVersion":1,"tables":[{"name":"people","schema":"id,stage,...","rowCount":2},...],
//      "data":[{"tableName":"people","inbound":true,"rows":[{...},...]},...]}}}
//
// The envelope is written as text around the export's Blob, so exporting never re-parses the data.

export const BACKUP_FORMAT = 1;

/** Each has a `backup_error_<code>` locale key. Every refusal leaves the database untouched. */
export type BackupErrorCode =
  | 'readFailed'
  | 'tooLarge'
  | 'empty'
  /** Not JSON at all (a CSV, a zip, a document). */
  | 'notJson'
  /** A Trust Notes backup that stops part-way or was damaged: an interrupted download or copy. */
  | 'truncated'
  /** JSON, but not a Trust Notes backup (another app's export, a settings file). */
  | 'foreign'
  /** A backup format this version does not know: made by a newer Trust Notes. */
  | 'formatNewer'
  /** Made by a newer Trust Notes whose database this version cannot read. */
  | 'versionNewer'
  /** From an older database schema this version has no migration for (none yet: every version since 1 has one). */
  | 'versionOlder'
  /** A table missing, unknown or listed twice. */
  | 'tables'
  /** Row counts in the file disagree with its rows: the file was edited or damaged. */
  | 'countMismatch'
  /** The envelope or a table export malformed, a row without its key, or a key used twice. */
  | 'structure'
  /** A row with a value this version cannot show (backupSchema.ts), or naming a record the backup lacks. */
  | 'values'
  /** The database refused the restore; it was rolled back and nothing changed. */
  | 'restoreFailed';

export interface BackupError {
  code: BackupErrorCode;
  detail?: string;
  /** For `values`: the table, the record's key and the field, shown to the user so the file can be fixed. */
  where?: string;
}

export type TableCounts = Record<string, number>;

/** dexie-export-import's file structure (its package exports only the header part's type). */
export type DexieExport = DexieExportJsonMeta & {
  data: DexieExportJsonMeta['data'] & { data: { tableName: string; inbound: boolean; rows: unknown[] }[] };
};

/** A parsed backup that passed every check, ready for the confirmation dialog and restoreBackup. */
export interface ValidBackup {
  exportedAt: Millis;
  /** Always this version's: an older backup is upgraded while it is validated (see `upgradedFrom`). */
  schemaVersion: number;
  /** The schema version the file was made with, when it was older than this version's. */
  upgradedFrom?: number;
  counts: TableCounts;
  dexie: DexieExport;
}

export interface RestoreProgress {
  completedRows: number;
  totalRows: number;
}

export interface RestoreResult {
  /**
   * A full backup of the database as it was just before the restore, taken in the same transaction.
   * It is not stored anywhere: the UI offers it for download (see the decision in the io README).
   */
  safetyBackup: Blob;
  counts: TableCounts;
}

// Real ledgers are a few MB per 10,000 people; this leaves room while refusing absurd files early.
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

/**
 * The device's own bookkeeping stays out of backups: sync's outbox is what this device has yet to send, which a
 * backup restored elsewhere (or later) must not replay. A restore leaves it alone, and records its own changes in it.
 */
const NOT_BACKED_UP = [OUTBOX_TABLE];

function backedUpTables(tdb: TrustDb) {
  return tdb.tables.filter((table) => !NOT_BACKED_UP.includes(table.name));
}

async function tableCounts(tdb: TrustDb): Promise<TableCounts> {
  const entries = await Promise.all(backedUpTables(tdb).map(async (t) => [t.name, await t.count()] as const));
  return Object.fromEntries(entries);
}

/**
 * The backup of the whole database as one consistent snapshot. Runs in a read transaction of its
 * own, or inside the caller's when there is one (restore takes its safety backup that way).
 */
async function buildBackup(tdb: TrustDb, now: Millis): Promise<Blob> {
  return tdb.transaction('r', tdb.tables, async () => {
    const counts = await tableCounts(tdb);
    const dexie = await exportDB(tdb, { noTransaction: true, skipTables: NOT_BACKED_UP });
    const head = JSON.stringify({
      trustNotesBackup: BACKUP_FORMAT,
      exportedAt: now,
      schemaVersion: tdb.verno,
      counts,
    });
    return new Blob([head.slice(0, -1), ',"dexie":', dexie, '}'], { type: 'application/json' });
  });
}

export function backupFileName(now: Millis): string {
  return `trust-notes-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** Exports the whole database as a backup file and records the time for the backup reminder. */
export async function exportBackup(tdb: TrustDb, now: Millis = Date.now()): Promise<Blob> {
  const blob = await buildBackup(tdb, now);
  await tdb.meta.put({ key: 'lastBackupAt', value: now });
  return blob;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const keyPathOf = (tdb: TrustDb, table: string) => tdb.table(table).schema.primKey.keyPath as string;

function rowsOf(data: Record<string, unknown>, table: string): Record<string, unknown>[] {
  const tableExport = (data.data as { tableName: string; rows: Record<string, unknown>[] }[]).find(
    (t) => t.tableName === table,
  );
  return tableExport?.rows ?? [];
}

/** Checks tables, counts and every row against schema `version` (this build's, or an older one it can upgrade). */
function checkStructure(
  tdb: TrustDb,
  envelope: Record<string, unknown>,
  version: number,
): Result<ValidBackup, BackupError> {
  const { exportedAt, counts, dexie } = envelope;
  // exportedAt becomes meta.lastBackupAt, shown as a date: it must be one.
  if (
    rowProblem('meta', { key: 'lastBackupAt', value: exportedAt }) ||
    !isObject(counts) ||
    !isObject(dexie)
  ) {
    return fail({ code: 'structure', detail: 'envelope fields' });
  }
  if (dexie.formatName !== 'dexie' || dexie.formatVersion !== 1 || !isObject(dexie.data)) {
    return fail({ code: 'structure', detail: 'dexie export header' });
  }
  const data = dexie.data;
  if (data.databaseVersion !== envelope.schemaVersion)
    return fail({ code: 'structure', detail: 'version mismatch' });
  if (!Array.isArray(data.tables) || !Array.isArray(data.data))
    return fail({ code: 'structure', detail: 'tables' });

  const expected = new Set(Object.keys(BACKUP_VERSIONS[version]?.shapes ?? {}));
  const listed = data.tables.map((t: unknown) => (isObject(t) ? t.name : undefined));
  const dataTables = data.data.map((t: unknown) => (isObject(t) ? t.tableName : undefined));
  for (const names of [listed, dataTables, Object.keys(counts)]) {
    const unique = new Set(names);
    if (
      unique.size !== names.length ||
      unique.size !== expected.size ||
      ![...unique].every((n) => expected.has(n as string))
    ) {
      return fail({ code: 'tables', detail: `expected ${[...expected].join(',')}, got ${names.join(',')}` });
    }
  }

  const keysOf = new Map<string, Set<string>>();
  for (const tableExport of data.data as Record<string, unknown>[]) {
    const name = tableExport.tableName as string;
    const rows = tableExport.rows;
    const listedCount = (data.tables as Record<string, unknown>[]).find((t) => t.name === name)?.rowCount;
    if (tableExport.inbound !== true || !Array.isArray(rows))
      return fail({ code: 'structure', detail: `${name} rows` });
    if (rows.length !== counts[name] || rows.length !== listedCount) {
      return fail({
        code: 'countMismatch',
        detail: `${name}: ${rows.length} rows, counts ${counts[name]}/${listedCount}`,
      });
    }
    const keyPath = keyPathOf(tdb, name);
    const keys = new Set<string>();
    for (const [i, marked] of rows.entries()) {
      if (!isObject(marked)) return fail({ code: 'structure', detail: `${name}: not an object` });
      const key = marked[keyPath];
      if (typeof key !== 'string' || key === '' || keys.has(key)) {
        return fail({ code: 'structure', detail: `${name}: bad or repeated key ${String(key)}` });
      }
      keys.add(key);
      const normal = normaliseRow(marked);
      const wrong = 'problem' in normal ? normal.problem : rowProblem(name, normal.row, version);
      if (wrong || 'problem' in normal) {
        return fail({ code: 'values', detail: wrong, where: `${name} ${key}: ${wrong}` });
      }
      // The restore writes the row as checked, with no type marks left for the import to revive.
      rows[i] = normal.row;
    }
    keysOf.set(name, keys);
  }
  for (const { table, field, target } of REFERENCES) {
    if (!expected.has(table)) continue;
    const targets = keysOf.get(target);
    for (const row of rowsOf(data, table)) {
      const ref = row[field];
      if (ref !== undefined && !targets?.has(ref as string)) {
        const where = `${table} ${String(row[keyPathOf(tdb, table)])}: ${field}: no ${target} record ${String(ref)}`;
        return fail({ code: 'values', detail: where, where });
      }
    }
  }
  return ok({
    exportedAt: exportedAt as Millis,
    schemaVersion: envelope.schemaVersion as number,
    counts: counts as TableCounts,
    dexie: dexie as unknown as DexieExport,
  });
}

/**
 * Reads and checks a backup file without touching the database: format marker, versions, tables,
 * counts against rows, keys and required fields. Any failure is a typed code for the UI.
 */
export async function validateBackup(tdb: TrustDb, file: Blob): Promise<Result<ValidBackup, BackupError>> {
  if (file.size > MAX_BACKUP_BYTES) return fail({ code: 'tooLarge', detail: `${file.size} bytes` });
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (e) {
    return fail({ code: 'readFailed', detail: String(e) });
  }
  // Our files start with the marker, so a file that does but won't decode or parse was cut short or damaged
  // (a download cut short can end in the middle of a character: Arabic names are several bytes each).
  const ours = (text: string) => /^\{\s*"trustNotesBackup"/.test(text);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    const lenient = new TextDecoder('utf-8').decode(bytes).trim();
    return fail({ code: ours(lenient) ? 'truncated' : 'notJson', detail: String(e) });
  }
  const trimmed = text.trim();
  if (trimmed === '') return fail({ code: 'empty' });
  let envelope: unknown;
  try {
    envelope = JSON.parse(trimmed);
  } catch (e) {
    return fail({ code: ours(trimmed) ? 'truncated' : 'notJson', detail: String(e) });
  }
  if (!isObject(envelope) || !('trustNotesBackup' in envelope)) return fail({ code: 'foreign' });
  const format = envelope.trustNotesBackup;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) return fail({ code: 'foreign' });
  if (format > BACKUP_FORMAT) return fail({ code: 'formatNewer', detail: `format ${format}` });
  const version = envelope.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version))
    return fail({ code: 'structure', detail: 'schemaVersion' });
  if (version > tdb.verno) return fail({ code: 'versionNewer', detail: `schema ${version} > ${tdb.verno}` });
  if (!BACKUP_VERSIONS[version])
    return fail({ code: 'versionOlder', detail: `schema ${version} < ${tdb.verno}` });
  const checked = checkStructure(tdb, envelope, version);
  if (!checked.ok || version === tdb.verno) return checked;
  return upgradeBackup(tdb, checked.value);
}

type TableExport = { tableName: string; inbound: boolean; rows: unknown[] };

/**
 * An older backup, already checked against its own version, brought to this version by the very upgrade functions
 * Dexie runs on an older database (db/upgrades.ts), then checked again as a backup of this version: restoring
 * an old file gives exactly what upgrading the old database would have.
 */
function upgradeBackup(tdb: TrustDb, valid: ValidBackup): Result<ValidBackup, BackupError> {
  const dexie = structuredClone(valid.dexie);
  const data = dexie.data;
  const table = (name: string) => data.data.find((t) => t.tableName === name) as TableExport | undefined;
  const rowsOf = (name: string) => (table(name)?.rows ?? []) as never[];
  let version = valid.schemaVersion;
  if (version === 1) {
    const changes = upgradeToV2(
      { people: rowsOf('people'), sharedWork: rowsOf('sharedWork'), flags: rowsOf('flags') } as V1Rows,
      Date.now(),
    );
    const removed = new Set(changes.removedFlagIds);
    (table('people') as TableExport).rows = changes.people as PersonRow[];
    (table('flags') as TableExport).rows = rowsOf('flags').filter(
      (flag: { id: string }) => !removed.has(flag.id),
    );
    data.data.push({ tableName: 'queue', inbound: true, rows: changes.queue });
    data.data.push({ tableName: 'messages', inbound: true, rows: [] });
    version = 2;
  }
  // Version 3 added only sync's outbox, which backups leave out: a version-2 backup holds version 3's tables.
  if (version === 2) version = 3;
  const counts: TableCounts = {};
  data.tables = backedUpTables(tdb).map((t) => {
    const rowCount = table(t.name)?.rows.length ?? 0;
    counts[t.name] = rowCount;
    const { primKey, indexes } = tdb.table(t.name).schema;
    return { name: t.name, schema: [primKey, ...indexes].map((index) => index.src).join(','), rowCount };
  });
  data.databaseVersion = version;
  const envelope = { exportedAt: valid.exportedAt, schemaVersion: version, counts, dexie };
  const checked = checkStructure(tdb, envelope, version);
  if (!checked.ok) return checked;
  return ok({ ...checked.value, upgradedFrom: valid.schemaVersion });
}

/**
 * Replaces the whole database with a validated backup, all or nothing. One read-write transaction
 * over every table takes the safety backup, then runs dexie-export-import's importInto with
 * `clearTablesBeforeImport` and `noTransaction`, so its clear and its writes join our transaction.
 * (Called on its own, importInto clears each table in a separate transaction before importing,
 * and a failure would leave the tables empty.) The validated data is handed over as an already
 * complete JsonStream, because reading a Blob inside the transaction would let it commit early.
 */
export async function restoreBackup(
  tdb: TrustDb,
  valid: ValidBackup,
  onProgress?: (progress: RestoreProgress) => void,
): Promise<Result<RestoreResult, BackupError>> {
  // importInto consumes the rows it writes; the caller's ValidBackup stays intact for a retry.
  const dexie = structuredClone(valid.dexie);
  const stream = {
    result: dexie,
    pullAsync: async () => dexie,
    pullSync: () => dexie,
    done: () => true,
    eof: () => true,
  };
  try {
    const safetyBackup = await tdb.transaction('rw', tdb.tables, async () => {
      const safety = await buildBackup(tdb, Date.now());
      await importInto(tdb, stream, {
        clearTablesBeforeImport: true,
        skipTables: NOT_BACKED_UP,
        noTransaction: true,
        // The backup may come from a differently named database (a test or a renamed profile); the
        // envelope's marker, version and tables were checked instead.
        acceptNameDiff: true,
        progressCallback: (p) => {
          onProgress?.({ completedRows: p.completedRows, totalRows: p.totalRows ?? 0 });
          return true;
        },
      });
      // The restored data was last backed up when this file was made.
      await tdb.meta.put({ key: 'lastBackupAt', value: valid.exportedAt });
      // Clearing meta dropped the stored counts; counted once here, the restored pages open fast.
      await recountAggregates(tdb);
      return safety;
    });
    return ok({ safetyBackup, counts: valid.counts });
  } catch (e) {
    return fail({
      code: 'restoreFailed',
      detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    });
  }
}

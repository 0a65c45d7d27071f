import type { ImportError } from './importErrors';
import { MAX_CSV_BYTES } from './linkedinCsv';
import { fail, ok, type Result } from './result';
import { listEntries, readEntry } from './zipArchive';

// The archive is read with zipArchive.ts: its directory first, nothing inflated, then Connections.csv
// alone, after its declared size and compression ratio are checked. (fflate's unzipSync allocated and
// inflated every matching entry before any cap applied; its async `unzip` inflates in blob: workers,
// which MV3's CSP blocks; its streaming `Unzip` finds the end of an entry written with a data descriptor
// by scanning for a signature, which compressed bytes can contain by chance.)

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];

// LinkedIn's "Complete" export is mostly CSVs too; this is far above any real one.
export const MAX_ZIP_BYTES = 1024 * 1024 * 1024;

export function looksLikeZip(head: Uint8Array): boolean {
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  return starts(ZIP_LOCAL_HEADER) || starts(ZIP_EMPTY_ARCHIVE);
}

/** `Connections.csv` at any depth, any case; not macOS's `__MACOSX/._Connections.csv` resource forks. */
export function isConnectionsEntry(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1] ?? '';
  return base.toLowerCase() === 'connections.csv' && !parts.includes('__MACOSX');
}

/**
 * Extracts Connections.csv from LinkedIn's data export zip
 * (`Basic_LinkedInDataExport_*.zip` or `Complete_LinkedInDataExport_*.zip`).
 * When several match, the one nearest the root wins; only that one is inflated.
 */
export async function connectionsCsvFromZip(zip: Blob): Promise<Result<Blob, ImportError>> {
  if (zip.size > MAX_ZIP_BYTES) return fail({ code: 'tooLarge', detail: `${zip.size} bytes` });
  let head: Uint8Array;
  try {
    head = new Uint8Array(await zip.slice(0, 4).arrayBuffer());
  } catch (e) {
    return fail({ code: 'readFailed', detail: String(e) });
  }
  if (!looksLikeZip(head)) return fail({ code: 'notZip' });
  const archive = await listEntries(zip);
  if (!archive.ok) return archive;
  const depth = (path: string) => path.split('/').length;
  const [entry] = archive.value.entries
    .filter((e) => isConnectionsEntry(e.name))
    .sort((a, b) => depth(a.name) - depth(b.name) || a.name.localeCompare(b.name));
  if (entry === undefined) return fail({ code: 'noConnectionsCsv' });
  const bytes = await readEntry(archive.value, entry, { maxBytes: MAX_CSV_BYTES });
  return bytes.ok ? ok(new Blob([bytes.value], { type: 'text/csv' })) : bytes;
}

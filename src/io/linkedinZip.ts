import { unzipSync } from 'fflate';
import type { ImportError } from './importErrors';
import { fail, ok, type Result } from './result';

// fflate offers three ways in; only unzipSync fits an extension page:
// - async `unzip` inflates files over 320 KB in workers built from blob: URLs, which MV3's CSP
//   blocks (and which amount to evaluating generated code);
// - the streaming `Unzip` finds the end of an entry written with a data descriptor by scanning for
//   its signature, which compressed bytes can contain by chance;
// - `unzipSync` reads the central directory and, with a filter, inflates only Connections.csv
//   (a few MB, milliseconds), whatever else a "Complete" export holds.

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
 * When several match, the one nearest the root wins.
 */
export async function connectionsCsvFromZip(zip: Blob): Promise<Result<Blob, ImportError>> {
  if (zip.size > MAX_ZIP_BYTES) return fail({ code: 'tooLarge', detail: `${zip.size} bytes` });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await zip.arrayBuffer());
  } catch (e) {
    return fail({ code: 'readFailed', detail: String(e) });
  }
  if (!looksLikeZip(bytes)) return fail({ code: 'notZip' });

  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => isConnectionsEntry(entry.name) });
  } catch (e) {
    return fail({ code: 'zipCorrupt', detail: String(e) });
  }
  const depth = (path: string) => path.split('/').length;
  const [path] = Object.keys(entries).sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  if (path === undefined) return fail({ code: 'noConnectionsCsv' });
  return ok(new Blob([entries[path] as Uint8Array<ArrayBuffer>], { type: 'text/csv' }));
}

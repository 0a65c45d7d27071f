import type { ImportError } from './importErrors';
import { type ParsedImport, type ParseProgress, parseConnectionsCsv } from './linkedinCsv';
import { connectionsCsvFromZip, looksLikeZip } from './linkedinZip';
import type { Result } from './result';

/**
 * The import's one entry point for a picked file: LinkedIn's export zip or its Connections.csv,
 * told apart by content rather than by name, since browsers and users rename downloads.
 */
export async function parseConnectionsFile(
  file: Blob,
  onProgress?: (progress: ParseProgress) => void,
): Promise<Result<ParsedImport, ImportError>> {
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  } catch (e) {
    return { ok: false, error: { code: 'readFailed', detail: String(e) } };
  }
  if (!looksLikeZip(head)) return parseConnectionsCsv(file, onProgress);
  const csv = await connectionsCsvFromZip(file);
  return csv.ok ? parseConnectionsCsv(csv.value, onProgress) : csv;
}

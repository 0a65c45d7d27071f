import type { ImportErrorCode } from './importErrors.ts';

// Papa Parse's own FileStreamer decodes each byte slice on its own, so a UTF-8 character cut by a
// chunk boundary becomes two U+FFFD (mholt/PapaParse#751, #1132): Arabic and CJK names would be
// silently damaged. We decode here with one streaming TextDecoder and hand Papa whole characters.

export type TextEncodingLabel = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface TextChunk {
  text: string;
  /** Bytes of the source consumed so far, for the progress bar. */
  bytesRead: number;
}

/** Reads the first bytes to choose a decoder, refusing what cannot be a text CSV. */
export function sniffEncoding(
  head: Uint8Array,
): { encoding: TextEncodingLabel } | { error: ImportErrorCode } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be' };
  // "PK\x03\x04": a zip (an .xlsx too) picked with the CSV picker.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    return { error: 'notCsv' };
  // NUL bytes never occur in UTF-8 text; without a byte-order mark we cannot tell UTF-16's byte order.
  if (head.includes(0)) return { error: 'unsupportedEncoding' };
  return { encoding: 'utf-8' };
}

export const CHUNK_BYTES = 256 * 1024;

/** Yields decoded text chunk by chunk; the decoder drops a leading byte-order mark. */
export async function* blobTextChunks(
  blob: Blob,
  encoding: TextEncodingLabel,
  chunkBytes = CHUNK_BYTES,
): AsyncGenerator<TextChunk> {
  const decoder = new TextDecoder(encoding);
  for (let start = 0; start < blob.size; start += chunkBytes) {
    const end = Math.min(start + chunkBytes, blob.size);
    const bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
    yield { text: decoder.decode(bytes, { stream: end < blob.size }), bytesRead: end };
  }
  if (blob.size === 0) yield { text: '', bytesRead: 0 };
}

/** Strings are chunked too, so a large pasted text still reports progress and yields to the UI. */
export async function* stringTextChunks(text: string, chunkChars = CHUNK_BYTES): AsyncGenerator<TextChunk> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Papa joins a chunk's unfinished last line to the next chunk, so any cut point is safe,
  // even inside a surrogate pair.
  for (let start = 0; start < body.length; start += chunkChars) {
    const end = Math.min(start + chunkChars, body.length);
    yield { text: body.slice(start, end), bytesRead: end };
  }
  if (body.length === 0) yield { text: '', bytesRead: 0 };
}

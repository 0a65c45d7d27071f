// A zip reader that decides before it inflates. fflate's unzipSync allocates every matching entry's declared
// size up front and inflates each of them, so one crafted archive (a huge declared size, or a thousand small
// entries that each inflate to hundreds of MB) freezes or crashes the page before any cap applies. Here:
// - listEntries reads only the end of the file and the central directory (Blob.slice, never the whole zip):
//   names, methods and declared sizes, nothing inflated;
// - checkEntry refuses an entry larger than the caller's cap, or compressed more than a real file can be;
// - the chosen entry alone is inflated, from its own byte range, in small pieces, counting what comes out: more
//   than it declared stops it at once.
// Reading the directory records is plain byte layout (APPNOTE.TXT). Inflating is the browser's own zlib
// (DecompressionStream), which is native code, or fflate's streaming Inflate where a browser has none.
import { Inflate } from 'fflate';
import type { ImportError } from './importErrors.ts';
import { fail, ok, type Result } from './result.ts';

export interface ZipEntry {
  /** The path inside the archive, `/`-separated. */
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  encrypted: boolean;
  /** Declared in the central directory. */
  compressedSize: number;
  /** Declared in the central directory; inflating produces exactly this many bytes or fails. */
  size: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

export interface ZipArchive {
  source: Blob;
  entries: ZipEntry[];
}

export interface EntryLimits {
  /** The most bytes the caller will accept from this entry, as declared and as inflated. */
  maxBytes: number;
  /** Declared size over compressed size; above it an entry is a bomb, not a file. */
  maxRatio?: number;
}

// LinkedIn's exports hold tens of files; a real one never comes near this.
export const MAX_ZIP_ENTRIES = 10_000;
// CSV text deflates 5 to 20 times; a run of one repeated byte deflates up to 1,032 times. Apache POI's
// ZipSecureFile refuses above 100 too. Entries under 1 MB are exempt: inflated, they cost nothing.
export const MAX_RATIO = 100;
const RATIO_EXEMPT_BYTES = 1024 * 1024;
// Compressed bytes read from the file at once, and handed to Inflate at once: one push of 16 KB can
// produce at most ~16 MB, so a lying entry is stopped before it can allocate much more than its cap.
const READ_BYTES = 1024 * 1024;
const PUSH_BYTES = 16 * 1024;

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

class ZipFailure extends Error {
  constructor(readonly error: ImportError) {
    super(error.code);
  }
}

const corrupt = (detail: string) => new ZipFailure({ code: 'zipCorrupt', detail });

async function bytesAt(source: Blob, start: number, end: number): Promise<DataView> {
  if (start < 0 || end > source.size || start > end) throw corrupt(`range ${start}-${end} outside the file`);
  let buffer: ArrayBuffer;
  try {
    buffer = await source.slice(start, end).arrayBuffer();
  } catch (e) {
    throw new ZipFailure({ code: 'readFailed', detail: String(e) });
  }
  return new DataView(buffer);
}

const u64 = (view: DataView, at: number) => view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;

interface Directory {
  count: number;
  size: number;
  offset: number;
}

/** The end-of-central-directory record, searched for from the end (a comment may follow it). */
async function findDirectory(source: Blob): Promise<Directory> {
  const tailStart = Math.max(0, source.size - EOCD_SIZE - MAX_COMMENT);
  const tail = await bytesAt(source, tailStart, source.size);
  for (let at = tail.byteLength - EOCD_SIZE; at >= 0; at--) {
    if (tail.getUint32(at, true) !== SIG_EOCD) continue;
    // The comment length must reach exactly the end of the file, or these bytes are not the record.
    if (at + EOCD_SIZE + tail.getUint16(at + 20, true) !== tail.byteLength) continue;
    const dir = {
      count: tail.getUint16(at + 10, true),
      size: tail.getUint32(at + 12, true),
      offset: tail.getUint32(at + 16, true),
    };
    if (dir.count !== 0xffff && dir.size !== 0xffffffff && dir.offset !== 0xffffffff) return dir;
    return findZip64Directory(source, tailStart + at);
  }
  throw corrupt('no end of central directory');
}

async function findZip64Directory(source: Blob, eocdAt: number): Promise<Directory> {
  const locator = await bytesAt(source, eocdAt - 20, eocdAt);
  if (locator.getUint32(0, true) !== SIG_ZIP64_LOCATOR) throw corrupt('no zip64 locator');
  const recordAt = u64(locator, 8);
  const record = await bytesAt(source, recordAt, recordAt + 56);
  if (record.getUint32(0, true) !== SIG_ZIP64_EOCD) throw corrupt('no zip64 end of directory');
  return { count: u64(record, 32), size: u64(record, 40), offset: u64(record, 48) };
}

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  // Without the UTF-8 flag the name is in the writer's code page; LinkedIn's names are ASCII either way.
  return new TextDecoder(utf8 ? 'utf-8' : 'windows-1252').decode(bytes);
}

/** The zip64 extra field replaces the 32-bit values that are all ones, in this order. */
function applyZip64(extra: DataView, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const id = extra.getUint16(at, true);
    const length = extra.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw corrupt(`${entry.name}: short zip64 field`);
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.headerOffset === 0xffffffff) entry.headerOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/**
 * The archive's entries as its central directory declares them, reading only the end of the file and the
 * directory itself. Directories (names ending in `/`) are left out.
 */
export async function listEntries(source: Blob): Promise<Result<ZipArchive, ImportError>> {
  try {
    const dir = await findDirectory(source);
    if (dir.count > MAX_ZIP_ENTRIES) {
      return fail({ code: 'zipTooManyEntries', detail: `${dir.count} entries` });
    }
    // Each record is at least 46 bytes: a directory larger than that allows is not a directory.
    if (dir.offset + dir.size > source.size || dir.size < dir.count * 46) {
      throw corrupt(`central directory ${dir.offset}+${dir.size} of ${source.size}`);
    }
    const view = await bytesAt(source, dir.offset, dir.offset + dir.size);
    const bytes = new Uint8Array(view.buffer);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < dir.count; i++) {
      if (at + 46 > view.byteLength || view.getUint32(at, true) !== SIG_CENTRAL) {
        throw corrupt(`central record ${i}`);
      }
      const flags = view.getUint16(at + 8, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const end = at + 46 + nameLength + extraLength + commentLength;
      if (end > view.byteLength) throw corrupt(`central record ${i} runs past the directory`);
      const entry: ZipEntry = {
        name: decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0),
        method: view.getUint16(at + 10, true),
        encrypted: (flags & 1) !== 0,
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        headerOffset: view.getUint32(at + 42, true),
      };
      applyZip64(new DataView(view.buffer, at + 46 + nameLength, extraLength), entry);
      if (!entry.name.endsWith('/')) entries.push(entry);
      at = end;
    }
    return ok({ source, entries });
  } catch (e) {
    if (e instanceof ZipFailure) return fail(e.error);
    return fail({ code: 'zipCorrupt', detail: String(e) });
  }
}

/** Refuses, before anything is inflated, an entry the caller could not take or no real file could be. */
export function checkEntry(entry: ZipEntry, limits: EntryLimits): Result<ZipEntry, ImportError> {
  if (entry.encrypted) return fail({ code: 'zipCorrupt', detail: `${entry.name}: encrypted` });
  if (entry.method !== 0 && entry.method !== 8) {
    return fail({ code: 'zipCorrupt', detail: `${entry.name}: compression method ${entry.method}` });
  }
  if (entry.size > limits.maxBytes) {
    return fail({ code: 'zipEntryTooLarge', detail: `${entry.name}: ${entry.size} bytes` });
  }
  if (entry.method === 0 && entry.size !== entry.compressedSize) {
    return fail({ code: 'zipCorrupt', detail: `${entry.name}: stored sizes differ` });
  }
  const ratio = entry.size / Math.max(1, entry.compressedSize);
  if (entry.size > RATIO_EXEMPT_BYTES && ratio > (limits.maxRatio ?? MAX_RATIO)) {
    return fail({ code: 'zipTooCompressed', detail: `${entry.name}: ${entry.size}/${entry.compressedSize}` });
  }
  return ok(entry);
}

/** Where the entry's compressed bytes start: after its local header, whose name and extra lengths may differ. */
async function dataStart(archive: ZipArchive, entry: ZipEntry): Promise<number> {
  const header = await bytesAt(archive.source, entry.headerOffset, entry.headerOffset + 30);
  if (header.getUint32(0, true) !== SIG_LOCAL) throw corrupt(`${entry.name}: no local header`);
  return entry.headerOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
}

export interface EntryProgress {
  /** Compressed bytes read from the file so far. */
  bytesIn: number;
  /** Bytes inflated so far. */
  bytesOut: number;
}

/** Where `streamEntry` gets an entry's compressed bytes, a piece of at most PUSH_BYTES at a time. */
async function* compressedPieces(
  source: Blob,
  start: number,
  end: number,
): AsyncGenerator<{ piece: Uint8Array<ArrayBuffer>; bytesIn: number }> {
  // One pass at least, so an empty entry still ends its stream.
  let at = start;
  do {
    const readEnd = Math.min(end, at + READ_BYTES);
    const slice = new Uint8Array((await bytesAt(source, at, readEnd)).buffer as ArrayBuffer);
    let piece = 0;
    do {
      const part = slice.subarray(piece, piece + PUSH_BYTES);
      piece = Math.min(slice.length, piece + PUSH_BYTES);
      yield { piece: part, bytesIn: at - start + piece };
    } while (piece < slice.length);
    at = readEnd;
  } while (at < end);
}

/**
 * The browser's own inflate (zlib, in native code), where it has one: in Chromium about 4× fflate's on LinkedIn's
 * messages.csv (46 MB: 0.21 s against 0.85 s), which was a third of a large export's parse. Undefined where the
 * format is not supported (DecompressionStream's constructor throws): fflate's Inflate then does the work.
 */
function nativeInflater(): DecompressionStream | undefined {
  if (typeof DecompressionStream !== 'function') return undefined;
  try {
    return new DecompressionStream('deflate-raw');
  } catch {
    return undefined;
  }
}

/**
 * A deflated entry through the native inflater. The compressed pieces are written one at a time (PUSH_BYTES),
 * and the next is written only once the inflater has taken the last, which it does as its output is read: what
 * one piece inflates to is all that can wait unread, as with fflate, however much the entry lies.
 */
async function inflateNatively(
  inflater: DecompressionStream,
  pieces: AsyncGenerator<{ piece: Uint8Array<ArrayBuffer>; bytesIn: number }>,
  progress: EntryProgress,
  take: (chunk: Uint8Array) => void,
  onChunk: (chunk: Uint8Array, progress: EntryProgress) => void | Promise<void>,
): Promise<void> {
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  let bytesIn = 0;
  const writing = (async () => {
    try {
      for await (const { piece, bytesIn: read } of pieces) {
        await writer.write(piece);
        bytesIn = read;
      }
      await writer.close();
    } catch (e) {
      // The reading side then fails with this same reason (a file that could not be read, say).
      await writer.abort(e).catch(() => {});
    }
  })();
  // Handed on as they come (64 KB each, in Chromium): gathering them into larger pieces cost a copy, and measured
  // no quicker to parse.
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      take(value);
      progress.bytesIn = bytesIn;
      await onChunk(value, progress);
    }
  } catch (e) {
    await reader.cancel(e).catch(() => {});
    throw e;
  } finally {
    await writing;
  }
}

/**
 * Inflates one entry in chunks, after checkEntry: each chunk goes to `onChunk` (awaited, so a consumer such as
 * Papa Parse sets the pace) before more is inflated. Only the entry's own byte range is read, a slice at a time,
 * so a zip of any size costs memory in proportion to one chunk. Output beyond the declared size, or short of
 * it, is a damaged (or lying) zip.
 */
export async function streamEntry(
  archive: ZipArchive,
  entry: ZipEntry,
  limits: EntryLimits,
  onChunk: (chunk: Uint8Array, progress: EntryProgress) => void | Promise<void>,
): Promise<Result<void, ImportError>> {
  const checked = checkEntry(entry, limits);
  if (!checked.ok) return checked;
  try {
    const start = await dataStart(archive, entry);
    const end = start + entry.compressedSize;
    if (end > archive.source.size) throw corrupt(`${entry.name}: data runs past the file`);
    const progress: EntryProgress = { bytesIn: 0, bytesOut: 0 };
    const counted = (chunk: Uint8Array) => {
      progress.bytesOut += chunk.length;
      if (progress.bytesOut > entry.size)
        throw corrupt(`${entry.name}: more than the declared ${entry.size}`);
    };
    const pieces = compressedPieces(archive.source, start, end);
    const native = entry.method === 8 ? nativeInflater() : undefined;
    if (native) {
      await inflateNatively(native, pieces, progress, counted, onChunk);
    } else {
      let ready: Uint8Array[] = [];
      const take = (chunk: Uint8Array) => {
        counted(chunk);
        if (chunk.length > 0) ready.push(chunk);
      };
      const inflate = entry.method === 8 ? new Inflate((chunk) => take(chunk)) : undefined;
      for await (const { piece, bytesIn } of pieces) {
        const final = bytesIn === end - start;
        if (inflate) inflate.push(piece, final);
        else take(piece.slice());
        progress.bytesIn = bytesIn;
        for (const chunk of ready) await onChunk(chunk, progress);
        ready = [];
      }
    }
    if (progress.bytesOut !== entry.size) {
      throw corrupt(`${entry.name}: ${progress.bytesOut} bytes, declared ${entry.size}`);
    }
    return ok(undefined);
  } catch (e) {
    if (e instanceof ZipFailure) return fail(e.error);
    // The inflater's own errors: fflate's "invalid block type", "unexpected end of data", ...; the browser's
    // TypeError for data it cannot inflate, or that ends too soon.
    return fail({ code: 'zipCorrupt', detail: `${entry.name}: ${String(e)}` });
  }
}

/** The whole entry in memory: for files of a few MB, such as Connections.csv. */
export async function readEntry(
  archive: ZipArchive,
  entry: ZipEntry,
  limits: EntryLimits,
): Promise<Result<Uint8Array<ArrayBuffer>, ImportError>> {
  const checked = checkEntry(entry, limits);
  if (!checked.ok) return checked;
  // Declared and checked above, and never exceeded while inflating: the buffer is allocated once.
  const whole = new Uint8Array(entry.size);
  let at = 0;
  const streamed = await streamEntry(archive, entry, limits, (chunk) => {
    whole.set(chunk, at);
    at += chunk.length;
  });
  return streamed.ok ? ok(whole) : streamed;
}

/** The whole entry as UTF-8 text (a byte-order mark dropped). */
export async function readEntryText(
  archive: ZipArchive,
  entry: ZipEntry,
  limits: EntryLimits,
): Promise<Result<string, ImportError>> {
  const bytes = await readEntry(archive, entry, limits);
  return bytes.ok ? ok(new TextDecoder('utf-8').decode(bytes.value)) : bytes;
}

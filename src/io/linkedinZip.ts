// Telling a zip from a CSV by its first bytes, and the zip size no LinkedIn export reaches. The archive is read
// with zipArchive.ts: its directory first, nothing inflated, then each file the import reads alone, after its
// declared size and compression ratio are checked, inflated piece by piece (archiveParse.ts). (fflate's unzipSync
// allocated and inflated every matching entry before any cap applied; its async `unzip` inflates in blob:
// workers, which MV3's CSP blocks; its streaming `Unzip` finds the end of an entry written with a data descriptor
// by scanning for a signature, which compressed bytes can contain by chance.)

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];

// LinkedIn's "Complete" export is mostly CSVs too; this is far above any real one.
export const MAX_ZIP_BYTES = 1024 * 1024 * 1024;

export function looksLikeZip(head: Uint8Array): boolean {
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  return starts(ZIP_LOCAL_HEADER) || starts(ZIP_EMPTY_ARCHIVE);
}

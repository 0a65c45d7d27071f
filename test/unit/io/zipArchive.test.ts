import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseArchiveFile } from '../../../src/io/archiveParse.ts';
import {
  listEntries,
  MAX_ZIP_ENTRIES,
  readEntry,
  readEntryText,
  streamEntry,
  type ZipArchive,
} from '../../../src/io/zipArchive.ts';
import { generateConnectionsCsv } from '../../fixtures/csv/generate.ts';
import { craftZip, deflatedEntry, storedEntry, zerosEntry } from '../../fixtures/zip/craft.ts';

const MB = 1024 * 1024;
const csv = generateConnectionsCsv(50, 3);

/** A Blob that counts the bytes read through it, to show what was (not) read. */
class CountingBlob extends Blob {
  read = 0;
  override slice(start?: number, end?: number, type?: string): Blob {
    const part = super.slice(start, end, type);
    this.read += part.size;
    return part;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.read += this.size;
    return super.arrayBuffer();
  }
}

async function archiveOf(bytes: Uint8Array<ArrayBuffer>): Promise<ZipArchive> {
  const listed = await listEntries(new Blob([bytes]));
  if (!listed.ok) throw new Error(listed.error.code);
  return listed.value;
}

describe('listEntries', () => {
  test('names and declared sizes from the directory alone, nothing inflated', async () => {
    const big = new Uint8Array(6 * MB).map((_, i) => (i * 7919) % 251);
    const blob = new CountingBlob([
      zipSync({
        'export/Connections.csv': strToU8(csv),
        'export/big.bin': [big, { level: 0 }],
        'empty/': {},
      }),
    ]);
    const listed = await listEntries(blob);
    if (!listed.ok) throw new Error(listed.error.code);
    expect(listed.value.entries.map((e) => [e.name, e.size, e.method])).toEqual([
      ['export/Connections.csv', strToU8(csv).length, 8],
      ['export/big.bin', big.length, 0],
    ]);
    // The end of the file and the directory: well under 100 KB of a 6 MB zip.
    expect(blob.read).toBeLessThan(100 * 1024);
  });

  test('refuses what is not a zip, or a cut one', async () => {
    expect(await listEntries(new Blob([csv]))).toMatchObject({ ok: false, error: { code: 'zipCorrupt' } });
    const whole = zipSync({ 'Connections.csv': strToU8(csv) });
    expect(await listEntries(new Blob([whole.slice(0, -10)]))).toMatchObject({
      ok: false,
      error: { code: 'zipCorrupt' },
    });
  });

  test(`refuses a directory of more than ${MAX_ZIP_ENTRIES} entries before reading it`, async () => {
    const entries = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) =>
      storedEntry(`f${i}.txt`, strToU8('x')),
    );
    expect(await listEntries(new Blob([craftZip(entries)]))).toMatchObject({
      ok: false,
      error: { code: 'zipTooManyEntries' },
    });
  });
});

// Where the browser has a native inflater (DecompressionStream's 'deflate-raw': Chromium, Firefox, and Node here),
// it inflates; fflate's Inflate does where it has none. Every reading test runs against both.
describe.each([
  { inflater: 'the native inflater', native: true },
  { inflater: "fflate's Inflate", native: false },
])('reading one entry, with $inflater', ({ native }) => {
  beforeEach(() => {
    if (!native) vi.stubGlobal('DecompressionStream', undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('the inflater is the one this group names', async () => {
    const made = vi.fn();
    if (native) {
      const Native = globalThis.DecompressionStream;
      vi.stubGlobal(
        'DecompressionStream',
        class extends Native {
          constructor(format: CompressionFormat) {
            super(format);
            made(format);
          }
        },
      );
    }
    const archive = await archiveOf(craftZip([deflatedEntry('Connections.csv', strToU8(csv))]));
    expect(await readEntryText(archive, archive.entries[0]!, { maxBytes: MB })).toEqual({
      ok: true,
      value: csv,
    });
    if (native) expect(made.mock.calls).toEqual([['deflate-raw']]);
    else expect(globalThis.DecompressionStream).toBeUndefined();
  });

  test('damaged compressed data is a damaged zip, not a thrown error or a hang', async () => {
    const content = strToU8(generateConnectionsCsv(2_000, 4));
    const entry = deflatedEntry('Connections.csv', content);
    const data = Buffer.from(entry.data);
    for (let i = 200; i < data.length; i += 97) data[i] = 0xff - data[i]!;
    const archive = await archiveOf(craftZip([{ ...entry, data }]));
    expect(await readEntry(archive, archive.entries[0]!, { maxBytes: MB })).toMatchObject({
      ok: false,
      error: { code: 'zipCorrupt' },
    });
  });

  test('a file that cannot be read part-way is a read failure, with nothing read after it', async () => {
    // About 1.8 MB compressed: read in two slices of the file.
    const content = strToU8(generateConnectionsCsv(120_000, 9));
    const bytes = craftZip([deflatedEntry('messages.csv', content)]);
    const archive = await archiveOf(bytes);
    // The first slice of the entry's data reads; the second is gone (a file deleted while it was read).
    class VanishingBlob extends Blob {
      override slice(start?: number, end?: number, type?: string): Blob {
        if ((start ?? 0) >= MB) {
          return { arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) } as Blob;
        }
        return super.slice(start, end, type);
      }
    }
    let delivered = 0;
    const result = await streamEntry(
      { ...archive, source: new VanishingBlob([bytes]) },
      archive.entries[0]!,
      { maxBytes: 100 * MB },
      (chunk) => {
        delivered += chunk.length;
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'readFailed' } });
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(content.length);
  });

  test('streams a large entry in chunks, each awaited before the next is read', async () => {
    const content = strToU8(generateConnectionsCsv(60_000, 9));
    const archive = await archiveOf(craftZip([deflatedEntry('messages.csv', content)]));
    const [entry] = archive.entries;
    const chunks: Uint8Array[] = [];
    let pending = 0;
    const result = await streamEntry(archive, entry!, { maxBytes: 100 * MB }, async (chunk, progress) => {
      expect(pending).toBe(0);
      pending++;
      await new Promise((resolve) => setTimeout(resolve, 0));
      chunks.push(chunk.slice());
      expect(progress.bytesOut).toBe(chunks.reduce((n, c) => n + c.length, 0));
      pending--;
    });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(chunks.length).toBeGreaterThan(3);
    expect(Buffer.concat(chunks).equals(Buffer.from(content))).toBe(true);
  });

  test('reads a stored entry and a deflated one whole, as bytes or text', async () => {
    const text = 'First Name,Last Name\nأمل,الحسيني\n';
    const archive = await archiveOf(
      craftZip([storedEntry('a.csv', strToU8(text)), deflatedEntry('b.csv', strToU8(text))]),
    );
    for (const entry of archive.entries) {
      expect(await readEntryText(archive, entry, { maxBytes: MB })).toEqual({ ok: true, value: text });
    }
  });

  test('stops an entry that inflates past its declared size, passing on nothing beyond it', async () => {
    const archive = await archiveOf(
      craftZip([deflatedEntry('Connections.csv', new Uint8Array(40 * MB).fill(44), 1000)]),
    );
    let delivered = 0;
    const result = await streamEntry(archive, archive.entries[0]!, { maxBytes: 300 * MB }, (chunk) => {
      delivered += chunk.length;
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'zipCorrupt' } });
    expect(delivered).toBeLessThanOrEqual(1000);
    expect(await readEntry(archive, archive.entries[0]!, { maxBytes: 300 * MB })).toMatchObject({
      ok: false,
      error: { code: 'zipCorrupt' },
    });
  });

  test('an entry shorter than declared is damaged', async () => {
    const archive = await archiveOf(
      craftZip([deflatedEntry('Connections.csv', strToU8(csv), csv.length + 5)]),
    );
    expect(await readEntry(archive, archive.entries[0]!, { maxBytes: MB })).toMatchObject({
      ok: false,
      error: { code: 'zipCorrupt' },
    });
  });

  test('refuses an encrypted entry or an unknown method', async () => {
    const zip = craftZip([storedEntry('a.csv', strToU8('x')), storedEntry('b.csv', strToU8('y'))]);
    const dirAt = zip.length - 22 - 2 * (46 + 5);
    zip[dirAt + 8] = 1; // a.csv: the encrypted flag
    zip[dirAt + 46 + 5 + 10] = 14; // b.csv: LZMA
    const archive = await archiveOf(zip);
    for (const entry of archive.entries) {
      expect(await readEntry(archive, entry, { maxBytes: MB })).toMatchObject({
        ok: false,
        error: { code: 'zipCorrupt' },
      });
    }
  });
});

/** The archive import's reading of a picked zip. */
const connectionsCsvFromZip = (zip: Blob) => parseArchiveFile(zip, 'export.zip', { keepMessageText: false });

describe('the archive import against crafted archives', () => {
  test('a huge declared size is refused before anything is inflated', async () => {
    const zip = craftZip([deflatedEntry('Connections.csv', strToU8(csv), 0xfffffff0)]);
    const blob = new CountingBlob([zip]);
    expect(await connectionsCsvFromZip(blob)).toMatchObject({
      ok: false,
      error: { code: 'zipEntryTooLarge' },
    });
  });

  test('a zip bomb (64 MB of zeros in 64 KB) is refused by its ratio', async () => {
    const zip = craftZip([zerosEntry('Connections.csv', 64 * MB)]);
    expect(zip.length).toBeLessThan(MB);
    expect(await connectionsCsvFromZip(new Blob([zip]))).toMatchObject({
      ok: false,
      error: { code: 'zipTooCompressed' },
    });
  });

  test('many Connections.csv bombs: refused at once, none of them inflated', async () => {
    const payload = zerosEntry('x', 64 * MB);
    const entries = Array.from({ length: 200 }, (_, i) =>
      zerosEntry(`export-${i}/Connections.csv`, 64 * MB, payload),
    );
    const blob = new CountingBlob([craftZip(entries)]);
    const started = performance.now();
    expect(await connectionsCsvFromZip(blob)).toMatchObject({
      ok: false,
      error: { code: 'zipTooCompressed' },
    });
    // 200 × 64 MB would be 12.8 GB inflated; refusing reads the directory and a header or two.
    expect(blob.read).toBeLessThan(200 * 1024);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('many honest Connections.csv: only the shallowest is inflated', async () => {
    const entries = [
      ...Array.from({ length: 300 }, (_, i) =>
        deflatedEntry(`old/${i}/Connections.csv`, strToU8(`stale ${i}`)),
      ),
      deflatedEntry('export/Connections.csv', strToU8(csv)),
    ];
    const zip = craftZip(entries);
    const blob = new CountingBlob([zip]);
    const result = await connectionsCsvFromZip(blob);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.connections?.rows).toHaveLength(50);
  });

  test('a messages.csv bomb is refused before it is streamed', async () => {
    const zip = craftZip([zerosEntry('messages.csv', 64 * MB)]);
    expect(await connectionsCsvFromZip(new Blob([zip]))).toMatchObject({
      ok: false,
      error: { code: 'zipTooCompressed' },
    });
  });
});

// @vitest-environment node
// The stores' zips must be reproducible: the same files give the same bytes whatever the order they were listed
// in, the time they were made or the time zone, and they unpack to exactly those files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, expect, test, vi } from 'vitest';
import { filesUnder, reproducibleZip, unzipTo } from '../../../scripts/zip.mjs';

const bytes = (text: string) => new TextEncoder().encode(text);
const entries = [
  { path: 'manifest.json', data: bytes('{"version":"1.0.0"}') },
  { path: 'assets/b.js', data: bytes('console.log("b")') },
  { path: 'assets/a.js', data: bytes('console.log("a")') },
  { path: 'run', data: bytes('#!/bin/sh\n'), executable: true },
];

afterEach(() => {
  vi.useRealTimers();
});

test('the same files give the same bytes, in any order and at any time', () => {
  const first = reproducibleZip(entries);
  vi.useFakeTimers({ now: new Date('2031-07-04T12:34:56Z') });
  const later = reproducibleZip([...entries].reverse());
  expect(Buffer.from(later).equals(Buffer.from(first))).toBe(true);
});

test('entries are stored sorted by path (plain string order), each with one fixed time and a file mode', () => {
  const zip = reproducibleZip(entries);
  const names: string[] = [];
  const view = Buffer.from(zip);
  // Central directory records: signature 0x02014b50; DOS time/date at +12/+14, external attributes at +38.
  for (let i = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i >= 0; ) {
    const nameLength = view.readUInt16LE(i + 28);
    names.push(view.subarray(i + 46, i + 46 + nameLength).toString());
    expect(view.readUInt16LE(i + 14)).toBe(((2000 - 1980) << 9) | (1 << 5) | 1);
    expect(view.readUInt16LE(i + 12)).toBe(0);
    const mode = view.readUInt32LE(i + 38) >>> 16;
    expect(mode).toBe(names.at(-1) === 'run' ? 0o100755 : 0o100644);
    i = view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 46 + nameLength);
  }
  expect(names).toEqual(['assets/a.js', 'assets/b.js', 'manifest.json', 'run']);
  expect(Object.keys(unzipSync(zip))).toEqual(names);
});

test('a folder zips and unpacks to the same files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tn-zip-'));
  try {
    const zipPath = join(dir, 'out.zip');
    writeFileSync(zipPath, reproducibleZip(entries));
    unzipTo(zipPath, join(dir, 'unpacked'));
    const back = filesUnder(join(dir, 'unpacked')).map(({ path, data }) => [
      path,
      Buffer.from(data).toString(),
    ]);
    expect(back.sort()).toEqual(entries.map(({ path, data }) => [path, Buffer.from(data).toString()]).sort());
    expect(readFileSync(join(dir, 'unpacked/assets/a.js'), 'utf8')).toBe('console.log("a")');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a path listed twice is refused', () => {
  expect(() => reproducibleZip([entries[0]!, entries[0]!])).toThrow(/listed twice/);
});

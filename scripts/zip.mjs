// Reproducible zips for the stores: the same files give the same bytes, on any machine, in any time zone.
// - Entries are sorted by path, compared as plain strings (not by locale).
// - Every entry has one fixed modification time. Zip stores local date fields; fflate writes them from a Date's
//   local fields, so the Date is built from local fields too and reads back the same everywhere.
// - Unix file modes are written explicitly (0644, or 0755 for an executable in the source zip).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { unzipSync, zipSync } from 'fflate';

/** 2000-01-01 00:00:00, in whatever zone this runs: zip's date fields hold exactly that. */
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);
const UNIX = 3;

/**
 * @typedef {{ path: string, data: Uint8Array, executable?: boolean }} ZipEntry
 */

/**
 * The zip of `entries`, deterministic (see above). Paths use `/`.
 * @param {ZipEntry[]} entries
 * @returns {Uint8Array}
 */
export function reproducibleZip(entries) {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  /** @type {import('fflate').Zippable} */
  const files = {};
  for (const { path, data, executable } of sorted) {
    if (path in files) throw new Error(`${path}: listed twice`);
    const mode = executable ? 0o100755 : 0o100644;
    files[path] = [data, { level: 9, mtime: FIXED_TIME, os: UNIX, attrs: mode * 0x10000 }];
  }
  return zipSync(files);
}

/**
 * Every file under `dir`, as zip entries with paths relative to it.
 * @param {string} dir
 * @returns {ZipEntry[]}
 */
export function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(dir, full).split(sep).join('/'), data: readFileSync(full) };
    });
}

/**
 * The files of a zip: path → bytes.
 * @param {string} zipPath
 * @returns {Record<string, Uint8Array>}
 */
export function readZip(zipPath) {
  return unzipSync(readFileSync(zipPath));
}

/**
 * Writes the files of a zip under `dir`.
 * @param {string} zipPath
 * @param {string} dir
 */
export function unzipTo(zipPath, dir) {
  for (const [path, data] of Object.entries(readZip(zipPath))) {
    if (path.endsWith('/')) continue;
    const target = join(dir, path);
    if (relative(dir, target).startsWith('..'))
      throw new Error(`${zipPath}: ${path} points outside the folder`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
}

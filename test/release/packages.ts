// The packages `npm run package` wrote, read for the release tests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePaths, VERSION } from '../../scripts/release.mjs';
import { readZip, unzipTo } from '../../scripts/zip.mjs';

export const PACKAGES = packagePaths(VERSION);

/** The files of one package (path → bytes); throws with the command to run when it is missing. */
export function packageFiles(kind: keyof typeof PACKAGES): Record<string, Uint8Array> {
  const path = PACKAGES[kind];
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run package\` first.`);
  return readZip(path);
}

export const manifestOf = (kind: 'chrome' | 'firefox') =>
  JSON.parse(new TextDecoder().decode(packageFiles(kind)['manifest.json']));

/** Unpacks a package into a fresh temporary folder; `remove()` deletes it. */
export function unpacked(kind: keyof typeof PACKAGES): { dir: string; remove: () => void } {
  packageFiles(kind);
  const dir = mkdtempSync(join(tmpdir(), `trust-notes-${kind}-`));
  unzipTo(PACKAGES[kind], dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

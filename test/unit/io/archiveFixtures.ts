// The export fixtures of test/fixtures/archive, zipped as LinkedIn zips them, for the archive import's tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { ParsedArchive } from '../../../src/io/archiveParse.ts';
import type { ParsedImport } from '../../../src/io/linkedinCsv.ts';

export const ARCHIVE_FIXTURES = join(import.meta.dirname, '../../fixtures/archive');

export const EXPORT_FILES = [
  'Connections.csv',
  'Recommendations_Received.csv',
  'Recommendations_Given.csv',
  'Endorsement_Received_Info.csv',
  'Endorsement_Given_Info.csv',
  'Invitations.csv',
  'messages.csv',
  'Profile.csv',
] as const;

export function fixtureText(path: string): string {
  return readFileSync(join(ARCHIVE_FIXTURES, path), 'utf8');
}

/** A zip of the named fixture files (all of them by default), deflated, under LinkedIn's folder-less layout. */
export function exportZip(files: readonly string[] = EXPORT_FILES, extra: Record<string, string> = {}): Blob {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files)
    entries[file.split('/').pop()!] = new Uint8Array(readFileSync(join(ARCHIVE_FIXTURES, file)));
  for (const [path, text] of Object.entries(extra)) entries[path] = strToU8(text);
  return new Blob([zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

export function fixtureBlob(path: string): Blob {
  return new Blob([new Uint8Array(readFileSync(join(ARCHIVE_FIXTURES, path)))], { type: 'text/csv' });
}

/** An archive of Connections.csv alone, as parseArchiveFile reads one: what the connections tests plan from. */
export function connectionsArchive(parsed: ParsedImport): ParsedArchive {
  return {
    files: [
      {
        kind: 'connections',
        path: 'Connections.csv',
        rowsRead: parsed.recordCount,
        rejected: parsed.rejected,
      },
    ],
    connections: parsed,
    recommendationsReceived: [],
    recommendationsGiven: [],
    endorsementsReceived: [],
    endorsementsGiven: [],
    invitations: [],
    messages: [],
    keepMessageText: false,
  };
}

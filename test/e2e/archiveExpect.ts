// What the preview of a generated archive must show, worked out in Node by the import's own parser and matcher
// (the unit tests prove those on hand-made fixtures): the e2e tests check that the options page, in a real browser,
// shows exactly these numbers for the same zip read from disk.
import { openAsBlob } from 'node:fs';
import { nameKey } from '../../src/core/archive.ts';
import type { Person } from '../../src/core/types.ts';
import type { MatchKind } from '../../src/io/archiveMatch.ts';
import { type Directory, matchWho } from '../../src/io/archiveMatch.ts';
import { parseArchiveFile } from '../../src/io/archiveParse.ts';

export type PreviewRow = { rows: number } & Record<MatchKind, number>;

/** Per file kind (not Connections.csv, not Profile.csv): rows read and how they match an empty database. */
export async function expectedPreview(zipPath: string): Promise<Record<string, PreviewRow>> {
  const blob = await openAsBlob(zipPath);
  const parsed = await parseArchiveFile(blob, 'export.zip', { keepMessageText: false });
  if (!parsed.ok) throw new Error(parsed.error.code);
  const archive = parsed.value;
  // An empty database: the people are the Connections.csv rows, about to be created.
  const directory: Directory = { people: new Map(), byKey: new Map(), byName: new Map() };
  for (const row of archive.connections?.rows ?? []) {
    const id = row.key ?? `line-${row.line}`;
    const person: Person = { id, name: row.name, tags: [], userEdited: [], createdAt: 0, updatedAt: 0 };
    if (row.company) person.company = row.company;
    directory.people.set(id, person);
    if (row.key) directory.byKey.set(row.key, id);
    directory.byName.set(nameKey(row.name), [...(directory.byName.get(nameKey(row.name)) ?? []), id]);
  }
  const subjects: [string, { who: Parameters<typeof matchWho>[0] }[]][] = [
    ['recommendationsReceived', archive.recommendationsReceived],
    ['recommendationsGiven', archive.recommendationsGiven],
    ['endorsementsReceived', archive.endorsementsReceived],
    ['endorsementsGiven', archive.endorsementsGiven],
    ['invitations', archive.invitations],
    ['messages', archive.messages],
  ];
  const expected: Record<string, PreviewRow> = {};
  for (const [kind, rows] of subjects) {
    const file = archive.files.find((f) => f.kind === kind);
    if (!file) continue;
    const counts: PreviewRow = { rows: file.rowsRead, exact: 0, byName: 0, ambiguous: 0, unmatched: 0 };
    for (const { who } of rows) counts[matchWho(who, directory).kind]++;
    expected[kind] = counts;
  }
  return expected;
}

import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { kindsForPath } from '../../../src/io/archiveFiles.ts';
import { parseArchiveFile } from '../../../src/io/archiveParse.ts';
import { generateConnectionsCsv } from '../../fixtures/csv/generate.ts';

const csv = generateConnectionsCsv(50, 3);
const zip = (files: Record<string, string>, level: 0 | 6 = 6) =>
  new Blob([
    zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), {
      level,
    }) as Uint8Array<ArrayBuffer>,
  ]);
const parse = (file: Blob) => parseArchiveFile(file, 'export.zip', { keepMessageText: false });

describe('kindsForPath: the export files by their name in the zip', () => {
  test.each([
    ['Connections.csv', ['connections']],
    ['connections.CSV', ['connections']],
    ['Basic_LinkedInDataExport_01-01-2026/Connections.csv', ['connections']],
    ['a/b/c/Connections.csv', ['connections']],
    ['__MACOSX/._Connections.csv', []],
    ['__MACOSX/export/Connections.csv', []],
    ['Connections.csv.bak', []],
    ['MyConnections.csv', []],
    ['Invitations.csv', ['invitations']],
    ['Recommendations_Received.csv', ['recommendationsReceived']],
    ['Endorsement_Given_Info.csv', ['endorsementsGiven']],
    ['messages.csv', ['messages', 'messagesLegacy']],
    ['Messages.csv', ['messages', 'messagesLegacy']],
    ['Ad_Targeting.csv', []],
  ])('%s → %j', (path, expected) => {
    expect(kindsForPath(path)).toEqual(expected);
  });
});

describe("Connections.csv in LinkedIn's export zip", () => {
  test.each([
    ['at the root, deflated', { 'Connections.csv': csv, 'Ad_Targeting.csv': 'x' }, 6],
    ['at the root, stored', { 'Connections.csv': csv }, 0],
    ['in a folder, other case', { 'Complete_LinkedInDataExport_03-2026/connections.csv': csv }, 6],
    ['beside a macOS resource fork', { '__MACOSX/._Connections.csv': 'junk', 'x/Connections.csv': csv }, 6],
    ['with a deeper copy', { 'Connections.csv': csv, 'old/backup/Connections.csv': 'stale' }, 6],
  ] as const)('is found %s, and read as the bare CSV is', async (_, files, level) => {
    const [fromZip, fromCsv] = await Promise.all([parse(zip(files, level)), parse(new Blob([csv]))]);
    if (!fromZip.ok || !fromCsv.ok) throw new Error('parse failed');
    expect(fromZip.value.connections?.rows).toHaveLength(50);
    expect(fromZip.value.connections).toEqual(fromCsv.value.connections);
  });

  test.each([
    ['an empty file', () => new Blob([]), 'empty'],
    ['a zip with none of the export files', () => zip({ 'Ad_Targeting.csv': 'a,b' }), 'archiveNothing'],
    ['an empty zip', () => zip({}), 'archiveNothing'],
    [
      'a truncated zip',
      async () => (await zip({ 'Connections.csv': csv }).arrayBuffer()).slice(0, 900),
      'zipCorrupt',
    ],
  ])('refuses %s', async (_, make, code) => {
    const made = await make();
    const blob = made instanceof Blob ? made : new Blob([made]);
    expect(await parse(blob)).toMatchObject({ ok: false, error: { code } });
  });

  test('refuses a zip whose Connections.csv is damaged', async () => {
    const bytes = new Uint8Array(await zip({ 'Connections.csv': csv }).arrayBuffer());
    // Flip bytes in the middle of the deflate stream; the central directory stays readable.
    for (let i = 60; i < 200; i++) bytes[i] = bytes[i]! ^ 0xa5;
    expect(await parse(new Blob([bytes]))).toMatchObject({ ok: false, error: { code: 'zipCorrupt' } });
  });
});

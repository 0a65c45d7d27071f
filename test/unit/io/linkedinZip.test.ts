import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { parseConnectionsFile } from '../../../src/io/connectionsFile';
import { connectionsCsvFromZip, isConnectionsEntry } from '../../../src/io/linkedinZip';
import { generateConnectionsCsv } from '../../fixtures/csv/generate';

const csv = generateConnectionsCsv(50, 3);
const zip = (files: Record<string, string>, level: 0 | 6 = 6) =>
  new Blob([
    zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), {
      level,
    }) as Uint8Array<ArrayBuffer>,
  ]);

describe('isConnectionsEntry', () => {
  test.each([
    ['Connections.csv', true],
    ['connections.CSV', true],
    ['Basic_LinkedInDataExport_01-01-2026/Connections.csv', true],
    ['a/b/c/Connections.csv', true],
    ['__MACOSX/._Connections.csv', false],
    ['__MACOSX/export/Connections.csv', false],
    ['Connections.csv.bak', false],
    ['Invitations.csv', false],
    ['MyConnections.csv', false],
  ])('%s → %s', (path, expected) => {
    expect(isConnectionsEntry(path)).toBe(expected);
  });
});

describe('connectionsCsvFromZip', () => {
  test.each([
    ['at the root, deflated', { 'Connections.csv': csv, 'Profile.csv': 'x' }, 6],
    ['at the root, stored', { 'Connections.csv': csv }, 0],
    ['in a folder, other case', { 'Complete_LinkedInDataExport_03-2026/connections.csv': csv }, 6],
    ['beside a macOS resource fork', { '__MACOSX/._Connections.csv': 'junk', 'x/Connections.csv': csv }, 6],
    ['with a deeper copy', { 'Connections.csv': csv, 'old/backup/Connections.csv': 'stale' }, 6],
  ] as const)('finds Connections.csv %s', async (_, files, level) => {
    const result = await connectionsCsvFromZip(zip(files, level));
    if (!result.ok) throw new Error(result.error.code);
    expect(await result.value.text()).toBe(csv);
  });

  test.each([
    ['a CSV', () => new Blob([csv]), 'notZip'],
    ['an empty file', () => new Blob([]), 'notZip'],
    [
      'a zip without Connections.csv',
      () => zip({ 'Profile.csv': 'a,b', 'Messages/messages.csv': 'c' }),
      'noConnectionsCsv',
    ],
    ['an empty zip', () => zip({}), 'noConnectionsCsv'],
    [
      'a truncated zip',
      async () => (await zip({ 'Connections.csv': csv }).arrayBuffer()).slice(0, 900),
      'zipCorrupt',
    ],
  ])('refuses %s', async (_, make, code) => {
    const made = await make();
    const blob = made instanceof Blob ? made : new Blob([made]);
    expect(await connectionsCsvFromZip(blob)).toMatchObject({ ok: false, error: { code } });
  });

  test('refuses a zip whose Connections.csv is damaged', async () => {
    const bytes = new Uint8Array(await zip({ 'Connections.csv': csv }).arrayBuffer());
    // Flip bytes in the middle of the deflate stream; the central directory stays readable.
    for (let i = 60; i < 200; i++) bytes[i] = bytes[i]! ^ 0xa5;
    expect(await connectionsCsvFromZip(new Blob([bytes]))).toMatchObject({
      ok: false,
      error: { code: 'zipCorrupt' },
    });
  });
});

describe('parseConnectionsFile', () => {
  test('reads the zip and the bare CSV alike', async () => {
    const fromZip = await parseConnectionsFile(
      zip({ 'Basic_LinkedInDataExport_01-01-2026/Connections.csv': csv }),
    );
    const fromCsv = await parseConnectionsFile(new Blob([csv]));
    if (!fromZip.ok || !fromCsv.ok) throw new Error('parse failed');
    expect(fromZip.value.rows).toHaveLength(50);
    expect(fromZip.value).toEqual(fromCsv.value);
  });

  test('reports a zip without Connections.csv', async () => {
    expect(await parseConnectionsFile(zip({ 'Profile.csv': 'x' }))).toMatchObject({
      ok: false,
      error: { code: 'noConnectionsCsv' },
    });
  });
});

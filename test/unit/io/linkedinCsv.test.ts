import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { nameFromSlug, type ParsedImport, parseConnectionsCsv } from '../../../src/io/linkedinCsv.ts';
import {
  CONNECTIONS_HEADER,
  CONNECTIONS_PREAMBLE,
  generateConnections,
  generateConnectionsCsv,
} from '../../fixtures/csv/generate.ts';

const fixture = (name: string) => new Blob([readFileSync(resolve('test/fixtures/csv', name))]);
const H = CONNECTIONS_HEADER;

async function parsed(input: Blob | string): Promise<ParsedImport> {
  const result = await parseConnectionsCsv(input);
  if (!result.ok) throw new Error(`parse failed: ${result.error.code}`);
  return result.value;
}

function expectEveryRecordAccounted(p: ParsedImport): void {
  expect(p.rows.length + p.rejected.length).toBe(p.recordCount);
  const lines = [...p.rows.map((r) => r.line), ...p.rejected.map((r) => r.line)];
  expect(new Set(lines).size).toBe(lines.length);
}

describe('the realistic fixture (BOM, preamble, CRLF, multiline, Arabic, damaged dates)', () => {
  test('accepts the good rows with their physical line numbers', async () => {
    const p = await parsed(fixture('connections-current.csv'));
    expectEveryRecordAccounted(p);
    expect(p.hasUrlColumn).toBe(true);
    const byName = new Map(p.rows.map((r) => [r.name, r]));
    expect(byName.get('Jane Doe')).toEqual({
      line: 5,
      firstName: 'Jane',
      lastName: 'Doe',
      name: 'Jane Doe',
      url: 'https://www.linkedin.com/in/jane-doe-1a2b3c',
      key: 'linkedin:jane-doe-1a2b3c',
      handle: 'jane-doe-1a2b3c',
      email: 'jane@example.com',
      company: 'Acme, Inc.',
      position: 'CEO',
      connectedOn: '2024-03-15',
    });
    expect(byName.get('محمد العلي')).toMatchObject({
      line: 6,
      position: 'مدير مشاريع\nومستشار',
      company: 'شركة النور',
    });
    // The multiline field above takes two lines, so the next record starts on line 8.
    expect(byName.get('Sofía García')).toMatchObject({
      line: 8,
      company: 'Globex "Intl"',
      connectedOn: '2026-10-05',
    });
    expect(byName.get('Yuki Tanaka')).toMatchObject({ connectedOn: '2026' });
    expect(byName.get('Omar Khaled')).toMatchObject({
      nameFromUrl: true,
      firstName: '',
      connectedOn: '2024-03',
    });
    expect(byName.get('Élodie Martin')).toMatchObject({
      key: 'linkedin:elodie-martin',
      connectedOn: '2024-03-15',
    });
    expect(byName.get('Lena Müller')?.connectedOn).toBe('2024-03-15');
    expect(byName.get('Ana Ruiz')?.connectedOn).toBe('2024-01-15');
    expect(byName.get("Zoë 🌟 O'Brien")?.connectedOn).toBe('2024-03-15');
    expect(byName.get('Sam Smith')).toMatchObject({ company: 'Initech' });
    expect(byName.get('Sam Smith')).not.toHaveProperty('connectedOn');
    expect(byName.get('Sam Smith')).not.toHaveProperty('key');
    // Formula-looking names are data: kept exactly, neutralised only on CSV export.
    expect(byName.get('=HYPERLINK("http://x") Evil')).toBeDefined();
  });

  test('rejects each bad record with its reason', async () => {
    const p = await parsed(fixture('connections-current.csv'));
    expect(p.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual([
      { line: 11, reason: 'emptyRow' },
      { line: 16, reason: 'duplicateUrl' },
      { line: 17, reason: 'badUrl' },
      { line: 18, reason: 'noNameNoUrl' },
    ]);
    expect(p.rejected[1]).toMatchObject({
      firstLine: 5,
      raw: 'Jane,Duplicate,https://www.linkedin.com/in/Jane-Doe-1a2b3c,,,,01 Apr 2024',
    });
  });

  test('warns about dates read only in part or not at all', async () => {
    const p = await parsed(fixture('connections-current.csv'));
    expect(p.warnings).toEqual([
      { line: 9, code: 'datePartial', value: '05-???-26' },
      { line: 10, code: 'datePartial', value: 'Mar 2024' },
      { line: 19, code: 'dateUnreadable', value: 'yesterday' },
    ]);
  });

  test('reads an older export without a URL column', async () => {
    const p = await parsed(fixture('connections-old-no-url.csv'));
    expect(p.hasUrlColumn).toBe(false);
    expect(p.rows.map((r) => [r.line, r.name, r.connectedOn, r.key])).toEqual([
      [2, 'Jane Doe', '2016-03-15', undefined],
      [3, 'فاطمة الزهراء', '2015-02-03', undefined],
      [4, 'Sam Smith', '2014-12-20', undefined],
    ]);
  });
});

const one = 'Jane,Doe,https://www.linkedin.com/in/jane,,Acme,CEO,15 Mar 2024';

describe('CSV shapes', () => {
  test.each([
    ['no preamble, LF', `${H}\n${one}\n`],
    ['preamble, CRLF', `${CONNECTIONS_PREAMBLE}${H}\r\n${one}\r\n`],
    ['BOM', `\ufeff${H}\r\n${one}`],
    ['no trailing newline', `${H}\n${one}`],
    ['blank lines between records', `${H}\n\n\n${one}\n\n`],
    [
      'a longer preamble',
      `Notes:\nline one\n"quoted, with comma\nand newline"\n\nmore notes\n\n${H}\n${one}\n`,
    ],
    [
      'columns in another order',
      `Connected On,URL,Last Name,First Name,Company,Position,Email Address\n15 Mar 2024,https://www.linkedin.com/in/jane,Doe,Jane,Acme,CEO,\n`,
    ],
    [
      'header with odd spacing and case',
      `first name , LAST NAME,Url,Email address,company,position,connected  on\n${one}\n`,
    ],
    ['trailing empty cells after the row', `${H}\n${one},,,\n`],
    [
      'whitespace around fields',
      `${H}\n  Jane , Doe ,https://www.linkedin.com/in/jane , ,Acme,CEO, 15 Mar 2024 \n`,
    ],
    ['old Mac CR line endings', `${H}\r${one}\r`],
  ])('%s', async (_, csv) => {
    const p = await parsed(csv);
    expect(p.rejected).toEqual([]);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({
      name: 'Jane Doe',
      key: 'linkedin:jane',
      company: 'Acme',
      connectedOn: '2024-03-15',
    });
  });

  test.each([
    ['an empty file', '', 'empty'],
    ['only whitespace', ' \r\n\n ', 'empty'],
    ['header only', `${H}\r\n`],
    ['preamble and header only', `${CONNECTIONS_PREAMBLE}${H}\r\n\r\n`],
    ['no header', 'Jane,Doe,https://www.linkedin.com/in/jane\n', 'headerMissing'],
    ['a different CSV', 'name,amount\nrent,100\n', 'headerMissing'],
    ['a header after 60 lines of notes', `${'note\n'.repeat(60)}${H}\n${one}\n`, 'headerMissing'],
    ['HTML saved as .csv', '<!DOCTYPE html><html><body>First Name,Last Name</body></html>', 'notCsv'],
  ])('refuses %s', async (_, csv, code = 'noConnections') => {
    const result = await parseConnectionsCsv(csv);
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  test('refuses HTML saved as .csv from a file', async () => {
    expect(await parseConnectionsCsv(fixture('connections-saved-html.csv'))).toMatchObject({
      ok: false,
      error: { code: 'notCsv' },
    });
  });

  test.each([
    ['a zip or xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'notCsv'],
    [
      'UTF-16 without a byte-order mark',
      new Uint8Array([...new TextEncoder().encode(H)].flatMap((b) => [b, 0])),
      'unsupportedEncoding',
    ],
    ['binary junk', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'unsupportedEncoding'],
  ])('refuses %s', async (_, bytes, code) => {
    expect(await parseConnectionsCsv(new Blob([bytes as Uint8Array<ArrayBuffer>]))).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  test.each([
    ['utf-16le', [0xff, 0xfe], (c: number) => [c & 0xff, c >> 8]],
    ['utf-16be', [0xfe, 0xff], (c: number) => [c >> 8, c & 0xff]],
  ])('decodes %s with a byte-order mark', async (_, bom, unit) => {
    const text = `${H}\r\nمحمد,العلي,https://www.linkedin.com/in/mohammed,,,,15 Mar 2024\r\n`;
    const bytes = [...bom, ...[...text].flatMap((ch) => unit(ch.charCodeAt(0)))];
    const p = await parsed(new Blob([new Uint8Array(bytes)]));
    expect(p.rows[0]).toMatchObject({ name: 'محمد العلي', connectedOn: '2024-03-15' });
  });

  test.each([
    ['a row of only commas', ',,,,,,', 'emptyRow'],
    ['a row of spaces and commas', ' , ,,  ,,,', 'emptyRow'],
    ['no name and no URL', ',,,a@b.c,Acme,CEO,15 Mar 2024', 'noNameNoUrl'],
    ['a company URL', 'A,B,https://www.linkedin.com/company/acme,,,,', 'badUrl'],
    ['a non-LinkedIn URL', 'A,B,https://github.com/jane,,,,', 'badUrl'],
    ['an unreadable URL', 'A,B,http://,,,,', 'badUrl'],
    [
      'an unquoted comma shifting columns',
      'Jane,Doe,https://www.linkedin.com/in/x,,Acme, Inc,CEO,15 Mar 2024',
      'columnCount',
    ],
    ['a cut-off row', 'Jane,Doe', 'columnCount'],
  ])('rejects %s', async (_, row, reason) => {
    const p = await parsed(`${H}\n${one}\n${row}\n`);
    expect(p.rows).toHaveLength(1);
    expect(p.rejected).toEqual([expect.objectContaining({ line: 3, reason })]);
  });

  test('accepts a scheme-less URL and finds duplicates across URL spellings', async () => {
    const p = await parsed(
      `${H}\nJane,Doe,www.linkedin.com/in/Jane/,,,,\nJ,D,https://de.linkedin.com/in/jane?trk=x,,,,\n`,
    );
    expect(p.rows).toEqual([expect.objectContaining({ key: 'linkedin:jane', line: 2 })]);
    expect(p.rejected).toEqual([expect.objectContaining({ line: 3, reason: 'duplicateUrl', firstLine: 2 })]);
  });

  test('an unterminated quote swallows the rest, and that record is rejected, not mis-read', async () => {
    const p = await parsed(`${H}\n${one}\n"Broken,Row,https://www.linkedin.com/in/b,,,,\nNext,Row,,,,,\n`);
    expectEveryRecordAccounted(p);
    expect(p.rows).toHaveLength(1);
    expect(p.rejected).toEqual([expect.objectContaining({ line: 3, reason: 'columnCount' })]);
  });
});

describe('nameFromSlug', () => {
  test.each([
    ['jane-doe-1a2b3c', 'Jane Doe'],
    ['omar-khaled-4d5e6f7a', 'Omar Khaled'],
    ['sofia-garcia', 'Sofia Garcia'],
    ['%D9%85%D8%AD%D9%85%D8%AF-12', 'محمد'],
    ['محمد-العلي', 'محمد العلي'],
    ['acoaab123', 'Acoaab123'],
    ['12345', '12345'],
    ['%E0%A4%A', '%E0%A4%A'],
  ])('%s → %s', (slug, name) => {
    expect(nameFromSlug(slug)).toBe(name);
  });
});

describe('streaming', () => {
  test('multi-byte names across 256 KB chunk boundaries decode intact, file and string alike', async () => {
    const n = 9000;
    const csv = generateConnectionsCsv(n, 7);
    expect(new TextEncoder().encode(csv).length).toBeGreaterThan(3 * 256 * 1024);
    const progress: number[] = [];
    const fromFile = await parseConnectionsCsv(new Blob([csv]), (p) => progress.push(p.bytesRead));
    const fromString = await parseConnectionsCsv(csv);
    if (!fromFile.ok || !fromString.ok) throw new Error('parse failed');
    expect(fromFile.value).toEqual(fromString.value);
    expect(fromFile.value.rejected).toEqual([]);
    const expected = generateConnections(n, 7);
    expect(fromFile.value.rows.map((r) => r.name)).toEqual(
      expected.map((c) => `${c.firstName} ${c.lastName}`),
    );
    expect(fromFile.value.rows.map((r) => r.position ?? '')).toEqual(expected.map((c) => c.position));
    expect(csv.includes('\ufffd')).toBe(false);
    expect(fromFile.value.rows.some((r) => r.name.includes('\ufffd'))).toBe(false);
    // Progress rises to the file size, in more than one step.
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(new Blob([csv]).size);
  });
});

describe('fuzzing', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom('', ',', '"', '""', '\n', '\r\n', 'Jane', 'محمد', '😀', '15 Mar 2024', '05-???-26'),
    fc.constantFrom(
      'https://www.linkedin.com/in/a',
      'https://www.linkedin.com/in/b',
      'linkedin.com/in/%zz',
      'http://',
    ),
  );

  test('random text never crashes or hangs, and every record is accepted or rejected', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.boolean(),
        async (body, withHeader) => {
          const result = await parseConnectionsCsv(withHeader ? `${H}\n${body}` : body);
          if (result.ok) expectEveryRecordAccounted(result.value);
          else expect(typeof result.error.code).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });

  test('random tables of cells: every record is accepted or rejected with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }), async (table) => {
        const body = table
          .map((row) => row.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
          .join('\r\n');
        const result = await parseConnectionsCsv(new Blob([`${H}\r\n${body}`]));
        if (!result.ok) {
          expect(result.error.code).toBe('noConnections');
          return;
        }
        expectEveryRecordAccounted(result.value);
        for (const row of result.value.rows) expect(row.name).not.toBe('');
        const keys = result.value.rows.flatMap((r) => (r.key ? [r.key] : []));
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 300 },
    );
  });
});

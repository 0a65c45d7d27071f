import { describe, expect, test } from 'vitest';
import { CsvRecordReader, headerIndex } from '../../../src/io/csvRecords.ts';

const spec = {
  columns: { first: ['first name'], date: ['creation date'], text: ['text'] },
  required: ['first', 'text'],
} as const;

describe('headerIndex', () => {
  test('any case, padding and a byte-order mark', () => {
    expect(headerIndex(['\ufeff FIRST  Name ', 'Text'], spec)).toEqual({ first: 0, text: 1 });
  });
  test("a re-save's renamed duplicate: 'Creation Date.1' is used when the plain one is missing", () => {
    expect(headerIndex(['First Name', 'Text', 'Creation Date.1'], spec)).toEqual({
      first: 0,
      text: 1,
      date: 2,
    });
  });
  test('the plain name wins over its renamed duplicate, wherever each is', () => {
    expect(headerIndex(['Creation Date.1', 'First Name', 'Text', 'Creation Date'], spec)).toEqual({
      first: 1,
      text: 2,
      date: 3,
    });
  });
  test('a record without every required name is not the header', () => {
    expect(headerIndex(['First Name', 'Creation Date'], spec)).toBeUndefined();
  });
});

describe('CsvRecordReader', () => {
  test('finds the header after a preamble, skips blank records, numbers physical lines', () => {
    const seen: [Record<string, string | undefined>, number][] = [];
    const reader = new CsvRecordReader(spec, (record, line) => seen.push([record, line]));
    reader.read([['Notes:'], [''], ['First Name', 'Text'], ['Ana', 'two\nlines'], ['', ''], ['Bo', ' x ']]);
    expect(reader.columns).toEqual({ first: 0, text: 1 });
    expect(seen).toEqual([
      [{ first: 'Ana', text: 'two\nlines' }, 4],
      [{ first: 'Bo', text: 'x' }, 7],
    ]);
    expect(reader.records).toBe(2);
  });

  test('gives up after 50 records without a header: not this file', () => {
    const reader = new CsvRecordReader(spec, () => {});
    expect(reader.read(Array.from({ length: 51 }, () => ['a', 'b']))).toBe(false);
  });
});

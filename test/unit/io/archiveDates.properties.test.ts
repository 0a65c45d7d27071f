// readArchiveDate reads messages.csv's "2024-06-18 11:59:53 UTC" by a fast path of its own (no regular expression):
// on any string of any LinkedIn form, and on near misses of that one, it must say exactly what the general reader
// says.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  readArchiveDate,
  readArchiveDateSlowly,
  readArchiveInstant,
  readMessageInstant,
  utcDay,
  utcYear,
  utcYearStart,
} from '../../../src/io/archiveDates.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
// Out-of-range numbers too: invalid days and times are where the two readers could part.
const year = fc.integer({ min: 1980, max: 2110 });
const month = fc.integer({ min: 0, max: 13 });
const day = fc.integer({ min: 0, max: 32 });
const hour = fc.integer({ min: 0, max: 25 });
const minute = fc.integer({ min: 0, max: 61 });
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const messageForm = fc
  .tuple(year, month, day, hour, minute, minute)
  .map(([y, mo, d, h, mi, s]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)} UTC`);

/** Every form of archiveDates.ts's list, and near misses of the messages.csv form. */
const anyForm = fc.oneof(
  messageForm,
  // Near misses: another zone word or case, a T, padding, a character changed anywhere.
  fc
    .tuple(messageForm, fc.constantFrom(' utc', ' GMT', 'Z', '', '  UTC', ' UTC ', ' UTX'))
    .map(([text, zone]) => text.slice(0, 19) + zone),
  messageForm.map((text) => text.replace(' ', 'T')),
  messageForm.map((text) => ` ${text}`),
  fc
    .tuple(messageForm, fc.nat({ max: 22 }), fc.constantFrom('-', ':', ' ', 'x', '1', '٣', '/'))
    .map(([text, i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
  fc.tuple(year, month, day).map(([y, mo, d]) => `${pad(d)} ${months[(mo + 11) % 12]} ${y}`),
  fc
    .tuple(month, day, year, hour, minute, fc.constantFrom('AM', 'PM'))
    .map(([mo, d, y, h, mi, ap]) => `${pad(mo)}/${pad(d)}/${pad(y % 100)}, ${pad(h)}:${pad(mi)} ${ap}`),
  fc
    .tuple(month, day, year, hour, minute)
    .map(([mo, d, y, h, mi]) => `${mo}/${d}/${y % 100}, ${h}:${pad(mi)} AM`),
  fc
    .tuple(year, month, day, hour, minute, minute)
    .map(([y, mo, d, h, mi, s]) => `${y}/${pad(mo)}/${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)} UTC`),
  fc.tuple(year, month, day).map(([y, mo, d]) => `${pad(d)}-${months[(mo + 11) % 12]}-${pad(y % 100)}, NA`),
  fc.string({ maxLength: 30 }),
);

describe('readArchiveDate: the fast path reads exactly what the general reader reads', () => {
  test('on every LinkedIn form and near misses of the messages.csv one', () => {
    fc.assert(
      fc.property(anyForm, (raw) => {
        const slow = readArchiveDateSlowly(raw);
        expect(readArchiveDate(raw)).toEqual(slow);
        expect(readArchiveInstant(raw)).toBe(slow.at);
      }),
      { numRuns: 20_000 },
    );
  });

  test('the fast path takes the messages.csv form itself (not only handing it to the general reader)', () => {
    expect(readMessageInstant('2024-06-18 11:59:53 UTC')).toBe(Date.UTC(2024, 5, 18, 11, 59, 53));
    expect(readMessageInstant('2024-02-29 23:59:59 UTC')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(readMessageInstant('2023-02-29 10:00:00 UTC')).toBeNull();
    expect(readMessageInstant('2100-02-29 10:00:00 UTC')).toBeNull();
    expect(readMessageInstant('2024-06-18 24:00:00 UTC')).toBe(Date.UTC(2024, 5, 18));
    expect(readMessageInstant('2024-06-18T11:59:53Z')).toBeUndefined();
  });
});

describe('utcYear', () => {
  test("is Date's UTC year for any instant, around every new year too", () => {
    const newYear = fc
      .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: -2, max: 2 }))
      .map(([y, ms]) => Date.UTC(y, 0, 1) + ms);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -2e12, max: 8e12 }), newYear), (at) => {
        expect(utcYear(at)).toBe(new Date(at).getUTCFullYear());
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('utcDay', () => {
  test("is Date's UTC day for any instant, around every midnight and far past four-digit years too", () => {
    const midnight = fc
      .tuple(fc.integer({ min: -40_000, max: 120_000 }), fc.integer({ min: -2, max: 2 }))
      .map(([days, ms]) => days * 86_400_000 + ms);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), midnight), (at) => {
        expect(utcDay(at)).toBe(new Date(at).toISOString().slice(0, 10));
      }),
      { numRuns: 20_000 },
    );
    for (const at of [0, -1, Date.UTC(2024, 1, 29), Date.UTC(9999, 11, 31, 23, 59), Date.UTC(10_000, 0, 1)])
      expect(utcDay(at)).toBe(new Date(at).toISOString().slice(0, 10));
  });
});

describe('utcYearStart', () => {
  test("is the instant Date's UTC year begins, for any year, the years 0 to 99 and before 0 too", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 275_000 }), (y) => {
        expect(utcYearStart(y)).toBe(new Date(0).setUTCFullYear(y, 0, 1));
      }),
      { numRuns: 20_000 },
    );
    for (const y of [0, 1, 99, 100, 1970, 2024])
      expect(utcYearStart(y)).toBe(new Date(0).setUTCFullYear(y, 0, 1));
  });
});

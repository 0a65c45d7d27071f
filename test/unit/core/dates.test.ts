import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  calendarDate,
  certainYearsSince,
  comparePartialDates,
  earliestDay,
  earliestInstant,
  hasPassed,
  isAfter,
  isPartialDate,
  latestDay,
  latestInstant,
  parsePartialDate,
  precisionOf,
  wholeYearsBetween,
} from '../../../src/core/dates.ts';
import { day } from './build.ts';

describe('parsePartialDate', () => {
  test.each([
    ['2015', { year: 2015 }],
    ['2015-07', { year: 2015, month: 7 }],
    ['2015-07-09', { year: 2015, month: 7, day: 9 }],
    ['2020-02-29', { year: 2020, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['0099-01-01', { year: 99, month: 1, day: 1 }],
  ])('%s parses', (value, expected) => {
    expect(parsePartialDate(value)).toEqual(expected);
    expect(isPartialDate(value)).toBe(true);
  });

  test.each([
    '',
    '15',
    '20150',
    '2015-7',
    '2015-00',
    '2015-13',
    '2015-01-00',
    '2015-04-31',
    '2021-02-29',
    '1900-02-29',
    '0000',
    '2015/07/09',
    ' 2015',
    '2015-07-09T00:00',
  ])('%j is rejected', (value) => {
    expect(parsePartialDate(value)).toBeUndefined();
    expect(isPartialDate(value)).toBe(false);
  });

  test('missing is undefined, never an error', () => {
    expect(parsePartialDate(undefined)).toBeUndefined();
    expect(isPartialDate(undefined)).toBe(false);
  });

  test.each([
    ['2015', 'year'],
    ['2015-03', 'month'],
    ['2015-03-04', 'day'],
    ['nope', undefined],
  ])('precision of %s is %s', (value, precision) => {
    expect(precisionOf(value)).toBe(precision);
  });
});

describe('earliest and latest', () => {
  test.each([
    ['2015', '2015-01-01', '2015-12-31'],
    ['2015-02', '2015-02-01', '2015-02-28'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['2015-11', '2015-11-01', '2015-11-30'],
    ['2015-11-05', '2015-11-05', '2015-11-05'],
  ])('%s spans %s to %s', (value, first, last) => {
    expect(earliestDay(value)).toBe(first);
    expect(latestDay(value)).toBe(last);
  });

  test.each([
    ['2015', new Date(2015, 0, 1), new Date(2016, 0, 1)],
    ['2016-02', new Date(2016, 1, 1), new Date(2016, 2, 1)],
    ['2015-12-31', new Date(2015, 11, 31), new Date(2016, 0, 1)],
  ])('instants of %s are local midnight to the last millisecond', (value, start, nextStart) => {
    expect(earliestInstant(value)?.getTime()).toBe(start.getTime());
    expect(latestInstant(value)?.getTime()).toBe(nextStart.getTime() - 1);
  });

  test('missing dates have no instants', () => {
    expect(earliestInstant(undefined)).toBeUndefined();
    expect(latestInstant('2015-13')).toBeUndefined();
  });
});

describe('comparePartialDates', () => {
  test.each([
    ['2015', '2016', -1],
    ['2016', '2015', 1],
    ['2015', '2015', 0],
    ['2015', '2015-01', -1],
    ['2015-01', '2015-01-01', -1],
    ['2015-12', '2015-02-03', 1],
    ['2015-06-01', '2015-05-31', 1],
    ['2015', undefined, -1],
    [undefined, '2015', 1],
    [undefined, undefined, 0],
    ['bad', '1999', 1],
  ])('%s vs %s is %i', (a, b, expected) => {
    expect(comparePartialDates(a, b)).toBe(expected);
  });

  test('is antisymmetric and agrees with string order on valid dates', () => {
    const dates = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .chain(([y, m, d]) =>
        fc.constantFrom(
          String(y),
          `${y}-${String(m).padStart(2, '0')}`,
          `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
      );
    fc.assert(
      fc.property(dates, dates, (a, b) => {
        const c = comparePartialDates(a, b);
        expect(c).toBe(-comparePartialDates(b, a) || 0);
        expect(c).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});

describe('wholeYearsBetween', () => {
  test.each([
    // Essay timeline: met 2015, trial 2016, worked together 2019.
    ['2015', '2016', 1],
    ['2016', '2019', 3],
    ['2015', '2016-09-03', 1],
    ['2015-05', '2016-04', 0],
    ['2015-05', '2016-05', 1],
    ['2015-05', '2016-05-01', 1],
    ['2015-05-10', '2016-05-09', 0],
    ['2015-05-10', '2016-05-10', 1],
    // Leap day anniversaries fall on 1 March in common years.
    ['2020-02-29', '2021-02-28', 0],
    ['2020-02-29', '2021-03-01', 1],
    ['2020-02-29', '2023-02-28', 2],
    ['2020-02-29', '2023-03-01', 3],
    ['2020-02-29', '2024-02-28', 3],
    ['2020-02-29', '2024-02-29', 4],
    ['2019-02-28', '2020-02-29', 1],
    ['2016-09', '2015', -1],
    ['2019-03-01', '2016-03-02', -2],
    ['2021-06', '2021', 0],
    [undefined, '2020', undefined],
    ['2020', undefined, undefined],
    ['2020-02-30', '2021', undefined],
  ])('%s to %s is %s', (from, to, years) => {
    expect(wholeYearsBetween(from, to)).toBe(years);
  });
});

describe('certainYearsSince', () => {
  test.each([
    ['2021-06-15', '2024-06-15', 3],
    ['2021-06-15', '2024-06-14', 2],
    ['2021-06', '2024-06-30', 3],
    ['2021-06', '2024-06-29', 2],
    ['2021', '2024-12-31', 3],
    ['2021', '2024-12-30', 2],
    ['2020-02-29', '2023-02-28', 2],
    ['2020-02-29', '2023-03-01', 3],
    ['2020-02-29', '2024-02-29', 4],
    ['2030', '2024-06-15', -6],
  ])('since %s on %s is %i', (from, today, years) => {
    expect(certainYearsSince(from, day(today))).toBe(years);
  });

  test('a missing date has no age', () => {
    expect(certainYearsSince(undefined, day('2024-01-01'))).toBeUndefined();
  });
});

describe('future and passed', () => {
  test.each([
    ['2024-06-16', true, false],
    ['2024-06-15', false, false],
    ['2024-06-14', false, true],
    ['2024-06', false, false],
    ['2024-05', false, true],
    ['2024-07', true, false],
    ['2024', false, false],
    ['2025', true, false],
    ['2023', false, true],
    [undefined, false, false],
  ])('on 2024-06-15, %s: future %s, passed %s', (value, future, passed) => {
    expect(isAfter(value, day('2024-06-15'))).toBe(future);
    expect(hasPassed(value, day('2024-06-15'))).toBe(passed);
  });

  test('the calendar day is the local one, at any hour', () => {
    expect(calendarDate(new Date(2024, 5, 15, 0, 0, 1))).toBe('2024-06-15');
    expect(calendarDate(new Date(2024, 5, 15, 23, 59, 59))).toBe('2024-06-15');
  });
});

describe('addDays', () => {
  test.each([
    ['2024-01-31', 30, '2024-03-01'],
    ['2023-01-31', 30, '2023-03-02'],
    ['2024-12-15', 30, '2025-01-14'],
    ['2024-03', 30, '2024-04-30'],
    ['2024', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    [undefined, 30, undefined],
  ])('%s + %i days is %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });
});

test('day arithmetic agrees with the platform calendar, years 1 to 9999', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 0, 1)), noInvalidDate: true }),
      fc.integer({ min: -40_000, max: 40_000 }),
      (date, days) => {
        const iso = (d: Date) =>
          `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
        const shifted = new Date(date.getTime() + days * 86_400_000);
        fc.pre(shifted.getUTCFullYear() >= 1 && shifted.getUTCFullYear() <= 9999);
        expect(addDays(iso(date), days)).toBe(iso(shifted));
      },
    ),
    { numRuns: 500 },
  );
});

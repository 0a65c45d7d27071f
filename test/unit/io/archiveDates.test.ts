import { describe, expect, test } from 'vitest';
import { readArchiveDate } from '../../../src/io/archiveDates.ts';

describe('readArchiveDate: every form LinkedIn and spreadsheets write', () => {
  test.each([
    // LinkedIn's own forms.
    ['04 Jul 2023', '2023-07-04', Date.UTC(2023, 6, 4)],
    ['12/24/23, 05:28 AM', '2023-12-24', Date.UTC(2023, 11, 24, 5, 28)],
    ['12/24/23, 05:28 PM', '2023-12-24', Date.UTC(2023, 11, 24, 17, 28)],
    ['12/24/23, 12:05 AM', '2023-12-24', Date.UTC(2023, 11, 24, 0, 5)],
    ['12/24/23, 12:05 PM', '2023-12-24', Date.UTC(2023, 11, 24, 12, 5)],
    ['6/17/23, 6:18 AM', '2023-06-17', Date.UTC(2023, 5, 17, 6, 18)],
    ['2021/08/11 11:00:31 UTC', '2021-08-11', Date.UTC(2021, 7, 11, 11, 0, 31)],
    ['2024-06-18 11:59:53 UTC', '2024-06-18', Date.UTC(2024, 5, 18, 11, 59, 53)],
    ['2024-06-18T23:59:53Z', '2024-06-18', Date.UTC(2024, 5, 18, 23, 59, 53)],
    ['09/06/23', '2023-09-06', Date.UTC(2023, 8, 6)],
    ['01/19/13, 12:10 AM', '2013-01-19', Date.UTC(2013, 0, 19, 0, 10)],
    // Excel re-saves.
    ['18-Jun-24', '2024-06-18', Date.UTC(2024, 5, 18)],
    ['24/12/2023', '2023-12-24', Date.UTC(2023, 11, 24)],
    ['  2022-02-03  ', '2022-02-03', Date.UTC(2022, 1, 3)],
  ])('%s → %s', (raw, date, at) => {
    expect(readArchiveDate(raw)).toEqual({ date, at });
  });

  test.each(['', 'NA', 'N/A', 'n/a', '-', '#N/A', 'null', 'someday', '13/45/23', '2024-02-30 10:00:00 UTC'])(
    '%j has no date',
    (raw) => {
      expect(readArchiveDate(raw)).toEqual({});
    },
  );

  test('a month or a year alone keeps the precision it has, with no instant', () => {
    expect(readArchiveDate('Mar 2019')).toEqual({ date: '2019-03' });
  });
});

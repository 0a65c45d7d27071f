import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { Profile } from '../../../src/core/types.ts';
import { addSharedWork, createPerson } from '../../../src/db/mutations.ts';
import {
  exportPeopleCsv,
  exportSharedWorkCsv,
  neutraliseCell,
  peopleToCsv,
  sharedWorkToCsv,
} from '../../../src/io/csvExport.ts';
import { person, work } from '../core/build.ts';
import { freshDb, goodSmallTask } from '../db/testDb.ts';

describe('neutraliseCell', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-5', "'-5"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['  =HYPERLINK("http://evil")', '\'  =HYPERLINK("http://evil")'],
    ['\u00a0=1', "'\u00a0=1"],
    ["=cmd|' /C calc'!A0\nsecond line", "'=cmd|' /C calc'!A0\nsecond line"],
    ['＝1+1', "'＝1+1"],
    ['Jane Doe', 'Jane Doe'],
    ['محمد العلي', 'محمد العلي'],
    ['a=b', 'a=b'],
    ['Jean-Luc', 'Jean-Luc'],
    ['jane@example.com', 'jane@example.com'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });
});

describe('peopleToCsv', () => {
  test('writes one neutralised row per person, readable back by a CSV parser', () => {
    const people = [
      person({ id: 'p1', name: '=HYPERLINK("http://x","click")', company: 'Acme, Inc.', tags: ['a', 'b'] }),
      person({
        id: 'p2',
        name: 'محمد العلي',
        position: 'مدير\nمشاريع',
        connectedOn: '2024-03',
        email: '@evil',
      }),
    ];
    const profiles: Profile[] = [
      {
        key: 'linkedin:x',
        personId: 'p1',
        site: 'linkedin',
        handle: 'x',
        url: 'https://www.linkedin.com/in/x/',
      },
      { key: 'github:x', personId: 'p1', site: 'github', handle: 'x', url: 'https://github.com/x' },
    ];
    const csv = peopleToCsv(people, profiles);
    expect(csv.startsWith('\ufeffName,Company,')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe('\'=HYPERLINK("http://x","click")');
    expect(rows[1]![1]).toBe('Acme, Inc.');
    expect(rows[1]![9]).toBe('a, b');
    expect(rows[1]![10]).toBe('https://www.linkedin.com/in/x/ https://github.com/x');
    expect(rows[2]![0]).toBe('محمد العلي');
    expect(rows[2]![2]).toBe('مدير\nمشاريع');
    expect(rows[2]![5]).toBe("'@evil");
    expect(rows[2]![6]).toBe('2024-03');
  });

  test('every cell of random people round-trips, with formula triggers neutralised', () => {
    const names = ['=x', '+x', '-x', '@x', ' \t=x', 'x"y', 'x,y', 'x\r\ny', '😀', ''];
    const people = names.map((name, i) => person({ id: `p${i}`, name }));
    const rows = Papa.parse<string[]>(peopleToCsv(people, []).slice(1), { skipEmptyLines: true }).data;
    expect(rows.slice(1).map((r) => r[0])).toEqual(names.map(neutraliseCell));
  });
});

describe('sharedWorkToCsv', () => {
  test('names the person and flattens the outcome', () => {
    const paid = work({
      id: 'w1',
      kind: 'paidProject',
      direction: 'theyDelivered',
      status: 'done',
      title: '-1 discount',
      startDate: '2019-05',
      outcome: {
        quality: 4,
        reliability: 'late',
        payment: { status: 'late', lateDays: 12 },
        wouldWorkAgain: 'yes',
      },
      note: '=2*3',
      endDate: undefined,
    });
    const rows = Papa.parse<string[]>(sharedWorkToCsv([paid], [person({ name: 'Jane' })]).slice(1), {
      skipEmptyLines: true,
    }).data;
    expect(rows[1]).toEqual([
      'Jane',
      'paidProject',
      'theyDelivered',
      'done',
      "'-1 discount",
      '2019-05',
      '',
      '4',
      'late',
      'late',
      '12',
      'yes',
      "'=2*3",
    ]);
  });
});

describe('exporting from the database', () => {
  test('every person and every piece of work is exported, dated or not', async () => {
    const tdb = freshDb();
    const zed = await createPerson(tdb, { name: 'Zed' });
    const amal = await createPerson(tdb, { name: 'أمل' });
    await createPerson(tdb, { name: 'alice' });
    await addSharedWork(tdb, zed.id, { ...goodSmallTask, startDate: '2021-01', title: 'later' });
    await addSharedWork(tdb, amal.id, {
      kind: 'trial',
      direction: 'together',
      status: 'planned',
      title: 'undated',
    });
    await addSharedWork(tdb, amal.id, { ...goodSmallTask, startDate: '2019-05', title: 'earlier' });

    const people = Papa.parse<string[]>((await (await exportPeopleCsv(tdb)).text()).slice(1), {
      skipEmptyLines: true,
    });
    expect(people.data.slice(1).map((r) => r[0])).toEqual(['alice', 'Zed', 'أمل']);
    const works = Papa.parse<string[]>((await (await exportSharedWorkCsv(tdb)).text()).slice(1), {
      skipEmptyLines: true,
    });
    expect(works.data.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['أمل', 'earlier'],
      ['Zed', 'later'],
      ['أمل', 'undated'],
    ]);
  });
});

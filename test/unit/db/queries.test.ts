import { beforeAll, describe, expect, test } from 'vitest';
import { searchWords } from '../../../src/core/searchText.ts';
import { STAGES as STAGE_ORDER } from '../../../src/core/trust.ts';
import type { Flag, Person, Profile, SharedWork, Site } from '../../../src/core/types.ts';
import { openTrustDb, type TrustDb } from '../../../src/db/database.ts';
import { addSharedWork, createPerson, linkProfile } from '../../../src/db/mutations.ts';
import { derivePersonRow, type PersonRow } from '../../../src/db/personRow.ts';
import {
  countOpenFlags,
  countsByStage,
  getPersonByProfileKey,
  getPersonRecord,
  listPeople,
  openFlags,
  type PeopleQuery,
  recentWork,
  searchPeopleByPrefix,
} from '../../../src/db/queries.ts';
import { work } from '../core/build.ts';
import { freshDb, freshDbAt, goodSmallTask, snapshot, unpaidProject } from './testDb.ts';

describe('getPersonByProfileKey and getPersonRecord', () => {
  test('find the person behind a profile, and the whole record in display order', async () => {
    const tdb = freshDb();
    const introducer = await createPerson(tdb, { name: 'Introducer' });
    const row = await createPerson(tdb, { name: 'Nour', introducedBy: introducer.id });
    await linkProfile(tdb, row.id, snapshot('nour'));
    const old = await addSharedWork(tdb, row.id, { ...goodSmallTask, startDate: '2016', endDate: '2016' });
    const recent = await addSharedWork(tdb, row.id, {
      ...goodSmallTask,
      startDate: '2023-05',
      endDate: undefined,
    });
    const undated = await addSharedWork(tdb, row.id, {
      kind: 'trial',
      direction: 'together',
      status: 'planned',
    });
    const mid = await addSharedWork(tdb, row.id, { ...goodSmallTask, startDate: '2019', endDate: '2019-02' });

    expect((await getPersonByProfileKey(tdb, 'linkedin:nour'))?.id).toBe(row.id);
    expect(await getPersonByProfileKey(tdb, 'linkedin:nobody')).toBeUndefined();

    const record = await getPersonRecord(tdb, row.id);
    expect(record?.person.stage).toBe('proven');
    expect(record?.works.map((w) => w.id)).toEqual([undated.id, recent.id, mid.id, old.id]);
    expect(record?.profiles.map((p) => p.key)).toEqual(['linkedin:nour']);
    expect(record?.introducer?.id).toBe(introducer.id);
    expect(await getPersonRecord(tdb, 'missing')).toBeUndefined();
  });
});

describe('searchPeopleByPrefix', () => {
  let tdb: TrustDb;
  beforeAll(async () => {
    tdb = openTrustDb('search-fixture');
    for (const name of [
      'Fadi Haddad',
      'فادي حداد',
      'فادى الأسمر',
      'Hélène Dupont',
      'Fatima Zahra',
      'İlker Işık',
    ]) {
      await createPerson(tdb, { name });
    }
    return () => tdb.delete();
  });

  test.each([
    ['had', ['Fadi Haddad']],
    ['HAD fa', ['Fadi Haddad']],
    ['fa', ['Fadi Haddad', 'Fatima Zahra']],
    ['fad', ['Fadi Haddad']],
    ['فاد', ['فادى الأسمر', 'فادي حداد']],
    ['فادى', ['فادى الأسمر', 'فادي حداد']],
    ['فادي حد', ['فادي حداد']],
    ['اسم', ['فادى الأسمر']],
    ['helene', ['Hélène Dupont']],
    ['HÉL dup', ['Hélène Dupont']],
    ['ilker isik', ['İlker Işık']],
    ['zahra fadi', []],
    ['xyz', []],
    ['   ', []],
  ])('"%s" finds %j', async (query, names) => {
    const found = await searchPeopleByPrefix(tdb, query);
    expect(found.map((row) => row.name).sort()).toEqual([...names].sort());
  });

  test('respects the limit and sorts by name', async () => {
    const found = await searchPeopleByPrefix(tdb, 'f', 2);
    expect(found).toHaveLength(2);
    expect(found.map((row) => row.nameSort)).toEqual([...found.map((row) => row.nameSort)].sort());
  });
});

// A generated network big enough that filters take both paths of listPeople (sorting matches in memory,
// and walking a sort index's keys), with an in-memory oracle to compare every answer against.
describe('listPeople over a generated network', () => {
  const SIZE = 3000;
  const NAMES = [
    'Fadi',
    'فادي',
    'Hélène',
    'Omar',
    'عمر',
    'Zoë',
    'Lina',
    'لينا',
    'Chen 陈',
    'Sara 🌟',
    'Noor',
    'Émile',
  ];
  const TAGS = ['client', 'vendor', 'مجتمع'];
  const SITES: Site[] = ['linkedin', 'github', 'x'];
  let tdb: TrustDb;
  let rows: PersonRow[];
  let profiles: Profile[];
  let flags: Flag[];

  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }

  function worksFor(personId: string, variant: number): SharedWork[] {
    const base = {
      personId,
      createdAt: 1,
      updatedAt: 1,
      direction: 'theyDelivered' as const,
      endDate: undefined,
    };
    const year = 2010 + (variant % 14);
    switch (variant % 9) {
      case 0:
        return [work({ ...base, ...goodSmallTask, id: `${personId}-w`, endDate: `${year}-06` })];
      case 1:
        return [work({ ...base, ...unpaidProject, id: `${personId}-w`, endDate: `${year}` })];
      case 2:
        return [
          work({
            ...base,
            kind: 'referralReceived',
            status: 'done',
            id: `${personId}-w`,
            startDate: `${year}-01-02`,
          }),
        ];
      case 3:
        return [
          work({
            ...base,
            kind: 'paidProject',
            status: 'done',
            id: `${personId}-w`,
            endDate: `${year}-11`,
            outcome: { quality: 5 },
          }),
        ];
      default:
        return [];
    }
  }

  beforeAll(async () => {
    tdb = openTrustDb('list-fixture');
    const next = random(42);
    const now = new Date('2025-01-01');
    const works: SharedWork[] = [];
    rows = [];
    profiles = [];
    flags = [];
    for (let i = 0; i < SIZE; i++) {
      const id = `p${String(i).padStart(5, '0')}`;
      const r = next();
      const person: Person = {
        id,
        name: `${NAMES[Math.floor(r * NAMES.length)]} ${NAMES[i % NAMES.length]} ${i}`,
        tags: TAGS.filter((_, t) => (i + t) % (t + 3) === 0),
        userEdited: [],
        createdAt: i,
        updatedAt: i,
        ...(i % 5 === 0
          ? {}
          : { connectedOn: `${2008 + (i % 17)}-${String((i % 12) + 1).padStart(2, '0')}` }),
        ...(i % 4 === 0 ? {} : { fromImport: true }),
        ...(i % 11 === 0 ? { firstMet: { where: 'Conference' } } : {}),
      };
      const personWorks = i % 2 === 0 ? worksFor(id, Math.floor(next() * 100)) : [];
      works.push(...personWorks);
      rows.push(derivePersonRow(person, personWorks, now));
      if (i % 3 !== 0) {
        const site = SITES[i % SITES.length]!;
        profiles.push({
          key: `${site}:h${i}`,
          personId: id,
          site,
          handle: `h${i}`,
          url: `https://example/${i}`,
        });
      }
      if (i % 7 === 0) {
        flags.push({
          id: `${id}:vouchWithoutWork`,
          personId: id,
          kind: 'vouchWithoutWork',
          state: i % 14 === 0 ? 'open' : 'dismissed',
          raisedAt: i,
          updatedAt: i,
        });
      }
      if (i % 13 === 0) {
        flags.push({
          id: `${id}:stalled`,
          personId: id,
          kind: 'stalled',
          state: 'open',
          raisedAt: i,
          updatedAt: i,
        });
      }
    }
    await tdb.transaction('rw', tdb.people, tdb.sharedWork, tdb.profiles, tdb.flags, async () => {
      await tdb.people.bulkPut(rows);
      await tdb.sharedWork.bulkPut(works);
      await tdb.profiles.bulkPut(profiles);
      await tdb.flags.bulkPut(flags);
    });
    return () => tdb.delete();
  }, 60_000);

  function oracle(query: PeopleQuery): { ids: string[]; total: number } {
    const words = searchWords(query.text ?? '');
    const bySite = new Set(profiles.filter((p) => p.site === query.site).map((p) => p.personId));
    const byFlag = new Set(
      flags.filter((f) => f.state === 'open' && f.kind === query.flag).map((f) => f.personId),
    );
    const matches = rows.filter(
      (row) =>
        words.every((word) => row.nameWords.some((w) => w.startsWith(word))) &&
        (!query.stage || row.stage === query.stage) &&
        (!query.tag || row.tags.includes(query.tag)) &&
        (!query.site || bySite.has(row.id)) &&
        (!query.flag || byFlag.has(row.id)) &&
        (query.fromImport === undefined || Boolean(row.fromImport) === query.fromImport) &&
        (!query.untestedBy || (row.untestedSince !== '' && row.untestedSince <= query.untestedBy)) &&
        (!query.connectedFrom || (row.connectedOn !== undefined && row.connectedOn >= query.connectedFrom)) &&
        (!query.connectedTo ||
          (row.connectedOn !== undefined &&
            row.connectedOn.slice(0, query.connectedTo.length) <= query.connectedTo)),
    );
    const key = (row: PersonRow): string[] => {
      switch (query.sort ?? 'name') {
        case 'warmth':
        case 'name':
          return [row.nameSort, row.id];
        case 'connectedOn':
          return [row.connectedOn ?? '', row.id];
        case 'lastWork':
          return [row.lastWorkDate, row.id];
        case 'stage':
          return [String(STAGE_ORDER.indexOf(row.stage)), row.nameSort, row.id];
      }
    };
    const warmth = query.sort === 'warmth' && query.untestedBy !== undefined;
    const compare = (a: PersonRow, b: PersonRow) => {
      // Warmest first, then the higher id (the index read backwards).
      if (warmth) return (b.queueRank ?? 0) - (a.queueRank ?? 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < ka.length; i++) {
        if (ka[i]! < kb[i]!) return -1;
        if (ka[i]! > kb[i]!) return 1;
      }
      return 0;
    };
    matches.sort(query.dir === 'desc' ? (a, b) => compare(b, a) : compare);
    const offset = query.offset ?? 0;
    return {
      ids: matches.slice(offset, offset + (query.limit ?? 50)).map((row) => row.id),
      total: matches.length,
    };
  }

  test('the generated network has every stage and a filter large enough for the index walk', () => {
    const stages = new Set(rows.map((row) => row.stage));
    expect([...stages].sort()).toEqual([...STAGE_ORDER].sort());
    expect(rows.filter((row) => row.fromImport).length).toBeGreaterThan(2000);
  });

  test.each<[string, PeopleQuery]>([
    ['everyone by name', {}],
    ['everyone by name, descending, later page', { dir: 'desc', offset: 120, limit: 40 }],
    ['everyone by connection date', { sort: 'connectedOn', offset: 10 }],
    ['everyone by connection date, newest first', { sort: 'connectedOn', dir: 'desc' }],
    ['everyone by last work, newest first', { sort: 'lastWork', dir: 'desc', limit: 30 }],
    ['everyone by stage, first page', { sort: 'stage', limit: 25 }],
    ['everyone by stage, a page across a stage boundary', { sort: 'stage', offset: 2100, limit: 300 }],
    ['everyone by stage, descending', { sort: 'stage', dir: 'desc', offset: 400, limit: 100 }],
    ['past the end', { offset: 5000 }],
    ['one stage', { stage: 'proven', sort: 'name' }],
    ['one stage by last work', { stage: 'caution', sort: 'lastWork', dir: 'desc' }],
    ['a tag', { tag: 'client', sort: 'connectedOn' }],
    ['an Arabic tag, by stage', { tag: 'مجتمع', sort: 'stage', offset: 5 }],
    ['a site', { site: 'github', sort: 'name', dir: 'desc', offset: 30 }],
    ['an open flag kind', { flag: 'vouchWithoutWork', sort: 'name' }],
    ['another open flag kind', { flag: 'stalled', sort: 'stage' }],
    ['imported (the large path)', { fromImport: true, sort: 'name', offset: 1000, limit: 60 }],
    ['imported by stage (the large path)', { fromImport: true, sort: 'stage', offset: 1400, limit: 200 }],
    ['imported by connection date (the large path)', { fromImport: true, sort: 'connectedOn', dir: 'desc' }],
    ['not imported', { fromImport: false, sort: 'lastWork' }],
    ['connected in a range of years', { connectedFrom: '2012', connectedTo: '2014', sort: 'connectedOn' }],
    ['connected up to a month', { connectedTo: '2010-06', sort: 'connectedOn', dir: 'desc' }],
    ['connected from a day', { connectedFrom: '2020-03-01', sort: 'name' }],
    ['a name prefix', { text: 'fad', sort: 'name' }],
    ['an Arabic name prefix with a variant letter', { text: 'فادى', sort: 'stage' }],
    ['two prefixes', { text: 'omar li', sort: 'name' }],
    ['several filters at once', { tag: 'client', site: 'linkedin', stage: 'connected', sort: 'lastWork' }],
    ['filters that exclude everyone', { stage: 'ambassador', flag: 'stalled', tag: 'vendor', text: 'zzz' }],
    ['dormant by warmth', { untestedBy: '2021-06-30', sort: 'warmth', offset: 40, limit: 80 }],
    [
      'dormant by warmth, coldest first',
      { untestedBy: '2021-06-30', sort: 'warmth', dir: 'desc', limit: 30 },
    ],
    ['dormant by warmth with a tag', { untestedBy: '2016-01-01', sort: 'warmth', tag: 'client' }],
    ['dormant by name', { untestedBy: '2016-01-01', sort: 'name', offset: 5 }],
    ['warmth without the dormant filter is by name', { sort: 'warmth', offset: 3 }],
  ])('%s', async (_case, query) => {
    const page = await listPeople(tdb, query);
    const expected = oracle(query);
    expect(page.total).toBe(expected.total);
    expect(page.rows.map((row) => row.id)).toEqual(expected.ids);
  });

  test('rows carry their open flag kinds', async () => {
    const page = await listPeople(tdb, { flag: 'vouchWithoutWork', limit: 500 });
    expect(page.rows.length).toBeGreaterThan(0);
    for (const row of page.rows) {
      const expected = flags.filter((f) => f.personId === row.id && f.state === 'open').map((f) => f.kind);
      expect(row.openFlags.sort()).toEqual(expected.sort());
      expect(row.openFlags).toContain('vouchWithoutWork');
    }
  });

  test('countsByStage matches the rows', async () => {
    const counts = await countsByStage(tdb);
    for (const stage of STAGE_ORDER) {
      expect(counts[stage]).toBe(rows.filter((row) => row.stage === stage).length);
    }
  });

  test('openFlags lists the newest open flags with their people; countOpenFlags counts them all', async () => {
    const open = flags.filter((f) => f.state === 'open').sort((a, b) => b.raisedAt - a.raisedAt);
    const listed = await openFlags(tdb, 5);
    expect(listed.map((item) => item.flag.id)).toEqual(open.slice(0, 5).map((f) => f.id));
    expect(listed.every((item) => item.person.id === item.flag.personId)).toBe(true);
    expect(await countOpenFlags(tdb)).toBe(open.length);
  });
});

describe('recentWork', () => {
  test('lists the most recently changed work with its person, skipping nothing else', async () => {
    // The database's clock moves on between the writes.
    const { tdb, clock } = freshDbAt(Date.UTC(2025, 0, 1));
    const a = await createPerson(tdb, { name: 'A' });
    const b = await createPerson(tdb, { name: 'B' });
    const first = await addSharedWork(tdb, a.id, goodSmallTask);
    clock.advance(1000);
    const second = await addSharedWork(tdb, b.id, unpaidProject);
    clock.advance(1000);
    const third = await addSharedWork(tdb, a.id, unpaidProject);
    const recent = await recentWork(tdb, 2);
    expect(recent.map((item) => [item.work.id, item.person.name])).toEqual([
      [third.id, 'A'],
      [second.id, 'B'],
    ]);
    expect((await recentWork(tdb, 10)).map((item) => item.work.id)).toEqual([third.id, second.id, first.id]);
  });
});

describe('the dormant filter by warmth, past the in-memory sort (over 2,000 matches)', () => {
  test('reads the warmth index in order and pages through it', async () => {
    const tdb = freshDb();
    const now = new Date('2025-01-01');
    const rows = Array.from({ length: 2300 }, (_, i) =>
      derivePersonRow(
        {
          id: `d${String(i).padStart(5, '0')}`,
          name: `Dormant ${i}`,
          tags: i % 9 === 0 ? ['client'] : [],
          userEdited: [],
          createdAt: 0,
          updatedAt: 0,
          connectedOn: `${2005 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
        },
        [],
        now,
      ),
    );
    await tdb.people.bulkPut(rows);
    const cutoff = '2019-06-30';
    const expected = rows
      .filter((row) => row.untestedSince <= cutoff)
      .sort((a, b) => b.queueRank! - a.queueRank! || (a.id < b.id ? 1 : -1));
    expect(expected.length).toBeGreaterThan(2000);
    const page = await listPeople(tdb, { untestedBy: cutoff, sort: 'warmth', offset: 1990, limit: 50 });
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((row) => row.id)).toEqual(expected.slice(1990, 2040).map((row) => row.id));
  });
});

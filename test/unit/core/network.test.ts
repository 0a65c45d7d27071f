import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  median,
  myRecord,
  networkFunnel,
  networkSummary,
  type PersonRecords,
} from '../../../src/core/network.ts';
import { evaluatePerson, STAGES } from '../../../src/core/trust.ts';
import type { Person, SharedWork } from '../../../src/core/types.ts';
import { personArb, works as worksArb } from './arbitraries.ts';
import { NOW, person, work } from './build.ts';

function entry(id: string, who: Partial<Person>, works: Partial<SharedWork>[] = []): PersonRecords {
  return { person: person({ id, ...who }), works: works.map((w) => work({ personId: id, ...w })) };
}

const network: PersonRecords[] = [
  entry('connected', { connectedOn: '2018-01-01' }),
  entry('acquainted', { firstMet: { date: '2019' } }),
  // Met 2015, trial 2016, paid 2019 (the essay).
  entry('essay', { firstMet: { date: '2015' } }, [
    { kind: 'trial', endDate: '2016' },
    { kind: 'paidProject', endDate: '2019' },
  ]),
  entry('tested', { connectedOn: '2020-02-29' }, [{ kind: 'smallTask', endDate: '2021-03-01' }]),
  entry('ambassador', { connectedOn: '2016-05' }, [
    { kind: 'volunteer', endDate: '2016-11' },
    { kind: 'referralReceived', endDate: '2022' },
  ]),
  entry('caution', { connectedOn: '2017' }, [
    { kind: 'paidProject', endDate: '2018', outcome: { quality: 1 } },
  ]),
  entry('undated', {}, [{ kind: 'trial', endDate: undefined }]),
];

describe('networkSummary', () => {
  const summary = networkSummary(network, NOW);

  test('counts people by displayed stage', () => {
    expect(summary.total).toBe(7);
    expect(summary.byStage).toEqual({
      connected: 1,
      acquainted: 1,
      tested: 2,
      proven: 1,
      ambassador: 1,
      caution: 1,
    });
  });

  test('the tested share is tested + proven + ambassador over everyone', () => {
    expect(summary.tested).toBe(4);
    expect(summary.testedShare).toBeCloseTo(4 / 7);
  });

  test('time to trust is the median over people with both dates', () => {
    // First test: essay 1 year, tested 1 year (leap day to 1 March), ambassador 0 years.
    expect(summary.toFirstTest).toEqual({ medianYears: 1, people: 3 });
    // First paid work: only the essay, 4 years.
    expect(summary.toFirstPaid).toEqual({ medianYears: 4, people: 1 });
  });

  test('first tests and first paid work per year, with empty years filled', () => {
    expect(summary.perYear).toEqual([
      { year: 2016, firstTests: 2, firstPaid: 0 },
      { year: 2017, firstTests: 0, firstPaid: 0 },
      { year: 2018, firstTests: 0, firstPaid: 0 },
      { year: 2019, firstTests: 0, firstPaid: 1 },
      { year: 2020, firstTests: 0, firstPaid: 0 },
      { year: 2021, firstTests: 1, firstPaid: 0 },
    ]);
  });

  test('an empty network', () => {
    expect(networkSummary([], NOW)).toEqual({
      total: 0,
      byStage: { connected: 0, acquainted: 0, tested: 0, proven: 0, ambassador: 0, caution: 0 },
      tested: 0,
      testedShare: 0,
      toFirstTest: { people: 0 },
      toFirstPaid: { people: 0 },
      perYear: [],
    });
  });

  test('a test dated before the recorded first contact took no time, not negative time', () => {
    const early = entry('e', { connectedOn: '2020' }, [{ endDate: '2017' }]);
    expect(networkSummary([early], NOW).toFirstTest).toEqual({ medianYears: 0, people: 1 });
  });

  test('stage counts always add up to the total, whatever the order', () => {
    const entries = fc.uniqueArray(
      fc
        .tuple(fc.uuid(), personArb(), worksArb)
        .map(([id, p, ws]): PersonRecords => ({ person: { ...p, id }, works: ws })),
      { selector: (e) => e.person.id, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        entries.chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length }))),
        ([ordered, shuffled]) => {
          const a = networkSummary(ordered, NOW);
          expect(STAGES.reduce((sum, s) => sum + a.byStage[s], 0)).toBe(a.total);
          expect(networkSummary(shuffled, NOW)).toEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('median', () => {
  test.each([
    [[], undefined],
    [[3], 3],
    [[5, 1], 3],
    [[4, 1, 9], 4],
    [[7, 1, 2, 10], 4.5],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('myRecord', () => {
  const entries: PersonRecords[] = [
    entry('a', {}, [
      { id: 'mine-good', direction: 'iDelivered', endDate: '2019', outcome: { quality: 5 } },
      {
        id: 'mine-late-pay',
        direction: 'iDelivered',
        kind: 'paidProject',
        endDate: '2020',
        outcome: { payment: { status: 'unpaid' } },
      },
      { id: 'theirs', direction: 'theyDelivered', endDate: '2018' },
      { id: 'plan', direction: 'iDelivered', status: 'planned', endDate: '2019' },
      { id: 'future', direction: 'iDelivered', endDate: '2025' },
      { id: 'rec-a', kind: 'referralReceived', direction: 'theyDelivered', endDate: '2021' },
      { id: 'rec-a2', kind: 'referralReceived', direction: 'theyDelivered', endDate: '2023-04' },
    ]),
    entry('b', {}, [
      {
        id: 'together-poor',
        direction: 'together',
        endDate: '2017',
        outcome: { quality: 2, reliability: 'missed' },
      },
      { id: 'given', kind: 'referralGiven', direction: 'iDelivered', endDate: '2016' },
      { id: 'rec-b', kind: 'referralReceived', direction: 'theyDelivered', endDate: '2020' },
      { id: 'rec-planned', kind: 'referralReceived', status: 'planned', endDate: '2015' },
    ]),
    entry('c', {}, [{ id: 'rec-future', kind: 'referralReceived', endDate: '2030' }]),
  ];
  const record = myRecord(entries, NOW);

  test('lists what I delivered, done and past, oldest first, with how my side was judged', () => {
    expect(record.delivered.map((d) => [d.workId, d.verdict, d.reasons])).toEqual([
      ['together-poor', 'negative', ['missedDelivery', 'poorQuality']],
      ['mine-good', 'good', []],
      // Their non-payment judges them, not my work.
      ['mine-late-pay', 'good', []],
    ]);
    expect(record.delivered[1]).toEqual({
      personId: 'a',
      workId: 'mine-good',
      kind: 'smallTask',
      direction: 'iDelivered',
      date: '2019',
      outcome: { quality: 5 },
      verdict: 'good',
      reasons: [],
    });
  });

  test('my ambassadors are the people who recommended me, by first recommendation', () => {
    expect(record.ambassadors).toEqual([
      { personId: 'b', referrals: ['rec-b'], firstDate: '2020', lastDate: '2020' },
      { personId: 'a', referrals: ['rec-a', 'rec-a2'], firstDate: '2021', lastDate: '2023-04' },
    ]);
  });

  test('an undated recommendation still makes an ambassador', () => {
    const r = myRecord([entry('d', {}, [{ id: 'r', kind: 'referralReceived', endDate: undefined }])], NOW);
    expect(r.ambassadors).toEqual([{ personId: 'd', referrals: ['r'] }]);
  });
});

describe('networkFunnel', () => {
  test('connections → any contact → tested → proven → ambassadors, each inside the one before', () => {
    const rows = [
      { person: person({ id: 'a' }), works: [] },
      {
        person: person({
          id: 'b',
          archive: { endorsements: { received: 1, given: 0, skillsReceived: [], skillsGiven: [] } },
        }),
        works: [],
      },
      { person: person({ id: 'c', firstMet: { where: 'Cairo' } }), works: [] },
      { person: person({ id: 'd' }), works: [work({ personId: 'd' })] },
      { person: person({ id: 'e' }), works: [work({ personId: 'e', kind: 'paidProject' })] },
      { person: person({ id: 'f' }), works: [work({ personId: 'f', kind: 'referralReceived' })] },
    ];
    const items = rows.map(({ person: who, works }) => ({
      person: who,
      evaluation: evaluatePerson({ person: who, works, now: NOW }),
    }));
    expect(networkFunnel(items)).toEqual({
      connections: 6,
      anyContact: 5,
      tested: 3,
      proven: 2,
      ambassadors: 1,
    });
  });
});

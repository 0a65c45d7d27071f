import { describe, expect, test } from 'vitest';
import type { DeliveredWork, MyRecord, NetworkSummary, YearCount } from '../../../../src/core/network.ts';
import {
  deliveredSummary,
  percent,
  stageChart,
  yearChart,
} from '../../../../src/options/network/chartData.ts';

const summary = (byStage: Partial<NetworkSummary['byStage']>): NetworkSummary => ({
  total: 0,
  byStage: { connected: 0, acquainted: 0, tested: 0, proven: 0, ambassador: 0, caution: 0, ...byStage },
  tested: 0,
  testedShare: 0,
  toFirstTest: { people: 0 },
  toFirstPaid: { people: 0 },
  perYear: [],
});

test('stage chart: every stage in ladder order, caution last', () => {
  expect(stageChart(summary({ connected: 30, tested: 4, caution: 1 }))).toEqual({
    categories: ['connected', 'acquainted', 'tested', 'proven', 'ambassador', 'caution'],
    series: [{ key: 'people', values: [30, 0, 4, 0, 0, 1] }],
  });
});

describe('yearChart', () => {
  const years = (from: number, to: number): YearCount[] =>
    Array.from({ length: to - from + 1 }, (_, i) => ({
      year: from + i,
      firstTests: i + 1,
      firstPaid: i % 2,
    }));

  test('a short history is drawn whole', () => {
    const chart = yearChart(years(2016, 2019));
    expect(chart.categories).toEqual([2016, 2017, 2018, 2019]);
    expect(chart.series).toEqual([
      { key: 'firstTests', values: [1, 2, 3, 4] },
      { key: 'firstPaid', values: [0, 1, 0, 1] },
    ]);
    expect(chart.earlier).toEqual({ firstTests: 0, firstPaid: 0 });
  });

  test('a long history keeps the last years and sums the rest', () => {
    const chart = yearChart(years(2000, 2019), 5);
    expect(chart.categories).toEqual([2015, 2016, 2017, 2018, 2019]);
    // 2000..2014 are i = 0..14: tests 1..15 sum to 120; paid is 1 for odd i: 7 of them.
    expect(chart.earlier).toEqual({ firstTests: 120, firstPaid: 7 });
  });

  test('no history, no bars', () => {
    expect(yearChart([]).categories).toEqual([]);
  });
});

test.each([
  [0, 0],
  [0.5, 50],
  [0.999, 99],
  [1, 100],
  [1 / 3, 33],
  [-0.1, 0],
  [1.5, 100],
])('percent(%d) = %d', (share, expected) => {
  expect(percent(share)).toBe(expected);
});

test('delivered summary counts verdicts and averages rated quality', () => {
  const base = {
    personId: 'p',
    kind: 'smallTask',
    direction: 'iDelivered',
    reasons: [],
  } satisfies Partial<DeliveredWork>;
  const record: MyRecord = {
    delivered: [
      { ...base, workId: 'a', verdict: 'good', outcome: { quality: 5 } },
      { ...base, workId: 'b', verdict: 'good', outcome: { quality: 4 } },
      { ...base, workId: 'c', verdict: 'negative', reasons: ['poorQuality'], outcome: { quality: 2 } },
      { ...base, workId: 'd', verdict: 'good' },
    ],
    ambassadors: [],
  };
  expect(deliveredSummary(record)).toEqual({ total: 4, good: 3, negative: 1, averageQuality: 3.7 });
  expect(deliveredSummary({ delivered: [], ambassadors: [] })).toEqual({ total: 0, good: 0, negative: 0 });
});

// Shapes the network summary into what the charts and figures show. Pure, so the numbers on screen are
// tested without a browser.
import type { MyRecord, NetworkSummary, YearCount } from '../../core/network.ts';
import { STAGES, type Stage } from '../../core/trust.ts';

export type SeriesKey = 'people' | 'firstTests' | 'firstPaid';

export interface ChartData<C> {
  categories: C[];
  series: { key: SeriesKey; values: number[] }[];
}

/** People per stage, in ladder order with caution last. */
export function stageChart(summary: NetworkSummary): ChartData<Stage> {
  return {
    categories: [...STAGES],
    series: [{ key: 'people', values: STAGES.map((s) => summary.byStage[s]) }],
  };
}

/**
 * First tests and first paid work per year. Only the last `maxYears` years are drawn (a 40-year career
 * would make bars too thin); years before are summed into the first bar's total in `earlier`.
 */
export function yearChart(
  perYear: readonly YearCount[],
  maxYears = 15,
): ChartData<number> & { earlier: { firstTests: number; firstPaid: number } } {
  const shown = perYear.slice(-maxYears);
  const hidden = perYear.slice(0, Math.max(0, perYear.length - maxYears));
  return {
    categories: shown.map((y) => y.year),
    series: [
      { key: 'firstTests', values: shown.map((y) => y.firstTests) },
      { key: 'firstPaid', values: shown.map((y) => y.firstPaid) },
    ],
    earlier: {
      firstTests: hidden.reduce((n, y) => n + y.firstTests, 0),
      firstPaid: hidden.reduce((n, y) => n + y.firstPaid, 0),
    },
  };
}

/** Share as a whole percentage, rounded down so "100%" is only ever shown for everyone. */
export function percent(share: number): number {
  return Math.floor(Math.max(0, Math.min(1, share)) * 100);
}

export interface DeliveredSummary {
  total: number;
  good: number;
  negative: number;
  /** Average quality of what I delivered, over the works that have a rating. */
  averageQuality?: number;
}

export function deliveredSummary(record: MyRecord): DeliveredSummary {
  const rated = record.delivered.flatMap((d) =>
    d.outcome?.quality === undefined ? [] : [d.outcome.quality],
  );
  const summary: DeliveredSummary = {
    total: record.delivered.length,
    good: record.delivered.filter((d) => d.verdict === 'good').length,
    negative: record.delivered.filter((d) => d.verdict === 'negative').length,
  };
  if (rated.length > 0) {
    summary.averageQuality = Math.round((rated.reduce((a, b) => a + b, 0) / rated.length) * 10) / 10;
  }
  return summary;
}

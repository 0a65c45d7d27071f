// The network: how many connections are really tested, how trust was built over the years, how long it
// took, and my own record. Every figure comes from core's evaluation of each person, the same rules as
// a single record, so nothing here is a number that cannot be traced back.
import type { EntityTable } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import {
  type Funnel,
  type MyRecord,
  myRecord,
  type NetworkSummary,
  networkFunnel,
  type PersonRecords,
  summarizeEvaluations,
} from '../../core/network.ts';
import { type QueueHistory, queueHistory } from '../../core/queue.ts';
import { type Evaluation, evaluatePerson } from '../../core/trust.ts';
import type { Person, SharedWork } from '../../core/types.ts';
import { db } from '../../db/database.ts';
import { toPerson } from '../../db/personRow.ts';
import { queueEntries } from '../../db/queries.ts';
import { isRtl, type MessageKey, t } from '../../ui/i18n/i18n.ts';
import { REASON_KEYS, STAGE_KEYS, WORK_KIND_KEYS } from '../../ui/i18n/keys.ts';
import { formatCount, formatPartialDate } from '../../ui/i18n/locale.ts';
import { routeHash } from '../route.ts';
import { BarChart } from '../widgets/BarChart.tsx';
import { ProgressBar } from '../widgets/ProgressBar.tsx';
import { deliveredSummary, percent, type SeriesKey, stageChart, yearChart } from './chartData.ts';

/** The funnel's steps, each a subset of the one before (core/network.ts). */
const FUNNEL_KEYS = {
  connections: 'network_funnel_connections',
  anyContact: 'network_funnel_anyContact',
  tested: 'network_funnel_tested',
  proven: 'network_funnel_proven',
  ambassadors: 'network_funnel_ambassadors',
} as const satisfies Record<keyof Funnel, MessageKey>;

const SERIES_KEYS = {
  people: 'network_series_people',
  firstTests: 'network_series_firstTests',
  firstPaid: 'network_series_firstPaid',
} as const satisfies Record<SeriesKey, MessageKey>;

interface NetworkData {
  summary: NetworkSummary;
  funnel: Funnel;
  queue: QueueHistory;
  record: MyRecord;
  names: Map<string, string>;
}

/** The funnel's steps, each a subset of the one before (core/network.ts). */
const FUNNEL_STEPS = ['connections', 'anyContact', 'tested', 'proven', 'ambassadors'] as const;

/** How many of my latest deliveries are listed (the counts cover all of them). */
const RECENT_DELIVERED = 20;

// 30,000 people and 60,000 shared works are read and evaluated in slices, yielding to the page between
// them: one read of everything is one long task of deserialising (over a second on a slow machine), and the
// page would freeze. The slices are separate reads, so an edit made meanwhile in another tab can land
// between two of them; for a summary view that is fine, and it is recomputed on every visit.
const SLICE = 2000;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function readInSlices<T extends { id: string }>(
  table: EntityTable<T, 'id'>,
  onSlice: (rows: T[]) => void,
): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const rows = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after))
      .limit(SLICE)
      .toArray();
    if (rows.length > 0) onSlice(rows);
    if (rows.length < SLICE) return;
    after = rows.at(-1)?.id;
    await yieldToPage();
  }
}

async function loadNetwork(onProgress: (done: number, total: number) => void): Promise<NetworkData> {
  const tdb = db();
  const total = await tdb.people.count();
  const worksOf = new Map<string, SharedWork[]>();
  await readInSlices(tdb.sharedWork, (works) => {
    for (const work of works) {
      const list = worksOf.get(work.personId);
      if (list) list.push(work);
      else worksOf.set(work.personId, [work]);
    }
  });
  const now = new Date();
  const evaluations: Evaluation[] = [];
  const withWork: PersonRecords[] = [];
  const names = new Map<string, string>();
  const funnelItems: { person: Person; evaluation: Evaluation }[] = [];
  await readInSlices(tdb.people, (rows) => {
    for (const row of rows) {
      const person = toPerson(row);
      const works = worksOf.get(person.id);
      const evaluation = evaluatePerson({ person, works: works ?? [], now });
      evaluations.push(evaluation);
      funnelItems.push({ person, evaluation });
      if (works) withWork.push({ person, works });
      names.set(row.id, row.name);
    }
    onProgress(evaluations.length, Math.max(total, evaluations.length));
  });
  await yieldToPage();
  const summary = summarizeEvaluations(evaluations);
  const funnel = networkFunnel(funnelItems);
  const queue = queueHistory(await queueEntries(tdb), now);
  await yieldToPage();
  return { summary, funnel, queue, record: myRecord(withWork, now), names };
}

export function NetworkView() {
  const [data, setData] = useState<NetworkData | undefined>();
  const [progress, setProgress] = useState<[number, number]>([0, 0]);
  const [error, setError] = useState(false);
  useEffect(() => {
    let live = true;
    loadNetwork((done, total) => live && setProgress([done, total])).then(
      (loaded) => live && setData(loaded),
      () => live && setError(true),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section class="network" aria-labelledby="network-heading">
      <h2 id="network-heading">{t('network_heading')}</h2>
      {error && <p role="alert">{t('network_error')}</p>}
      {!data && !error && (
        <ProgressBar
          label={t('network_loading')}
          value={progress[0]}
          max={progress[1]}
          detail={
            progress[1] ? t('network_loading_detail', formatCount(progress[0]), formatCount(progress[1])) : ''
          }
        />
      )}
      {data && <NetworkFigures data={data} />}
    </section>
  );
}

function NetworkFigures({ data }: { data: NetworkData }) {
  const { summary, record, names, funnel, queue } = data;
  const stages = stageChart(summary);
  const years = yearChart(summary.perYear);
  const delivered = deliveredSummary(record);
  const yearsText = (value: number | undefined) =>
    value === undefined ? t('network_median_unknown') : t('network_years', formatCount(value));
  return (
    <>
      <p class="network-lead">
        {t(
          'network_tested_share',
          formatCount(summary.tested),
          formatCount(summary.total),
          formatCount(percent(summary.testedShare)),
        )}
      </p>
      <div class="network-charts">
        <div class="card">
          <BarChart
            title={t('network_chart_funnel')}
            categoryHeader={t('network_funnel_step')}
            categories={FUNNEL_STEPS.map((step) => t(FUNNEL_KEYS[step]))}
            series={[{ name: t('network_series_people'), values: FUNNEL_STEPS.map((step) => funnel[step]) }]}
            rtl={isRtl()}
            format={formatCount}
          />
        </div>
        <section class="card" aria-labelledby="queue-history-heading">
          <h3 id="queue-history-heading">{t('network_queue_heading')}</h3>
          <p>
            {t(
              'network_queue_started',
              formatCount(queue.startedThisMonth),
              formatCount(queue.startedThisYear),
              formatCount(queue.startedEver),
            )}
          </p>
          <p class="muted">
            {t(
              'network_queue_now',
              formatCount(queue.queued),
              formatCount(queue.snoozed),
              formatCount(queue.dismissed),
            )}
          </p>
        </section>
        <div class="card">
          <BarChart
            title={t('network_chart_stages')}
            categoryHeader={t('options_filter_stage')}
            categories={stages.categories.map((stage) => t(STAGE_KEYS[stage]))}
            series={stages.series.map((s) => ({ name: t('network_series_people'), values: s.values }))}
            rtl={isRtl()}
            format={formatCount}
          />
        </div>
        <div class="card">
          {years.categories.length === 0 ? (
            <>
              <h3>{t('network_chart_years')}</h3>
              <p class="muted">{t('network_chart_years_empty')}</p>
            </>
          ) : (
            <BarChart
              title={t('network_chart_years')}
              categoryHeader={t('network_year')}
              categories={years.categories.map((year) => formatYear(year))}
              series={years.series.map((s) => ({ name: t(SERIES_KEYS[s.key]), values: s.values }))}
              rtl={isRtl()}
              format={formatCount}
            >
              {(years.earlier.firstTests > 0 || years.earlier.firstPaid > 0) && (
                <p class="muted">
                  {t(
                    'network_chart_years_earlier',
                    formatCount(years.earlier.firstTests),
                    formatCount(years.earlier.firstPaid),
                  )}
                </p>
              )}
            </BarChart>
          )}
        </div>
      </div>

      <section class="card" aria-labelledby="time-heading">
        <h3 id="time-heading">{t('network_time_heading')}</h3>
        <dl class="facts">
          <dt>{t('network_median_first_test')}</dt>
          <dd>
            {yearsText(summary.toFirstTest.medianYears)}{' '}
            <span class="muted">{t('network_over_people', formatCount(summary.toFirstTest.people))}</span>
          </dd>
          <dt>{t('network_median_first_paid')}</dt>
          <dd>
            {yearsText(summary.toFirstPaid.medianYears)}{' '}
            <span class="muted">{t('network_over_people', formatCount(summary.toFirstPaid.people))}</span>
          </dd>
        </dl>
      </section>

      <section class="card" aria-labelledby="my-record-heading">
        <h3 id="my-record-heading">{t('network_my_record_heading')}</h3>
        <p>
          {t(
            'network_delivered_summary',
            formatCount(delivered.total),
            formatCount(delivered.good),
            formatCount(delivered.negative),
          )}
          {delivered.averageQuality !== undefined &&
            ` ${t('network_average_quality', formatCount(delivered.averageQuality))}`}
        </p>
        <h4>{t('network_ambassadors_heading')}</h4>
        {record.ambassadors.length === 0 ? (
          <p class="muted">{t('network_ambassadors_none')}</p>
        ) : (
          <ul class="ambassadors">
            {record.ambassadors.map((a) => (
              <li key={a.personId}>
                <a href={routeHash({ view: 'person', id: a.personId })}>
                  {names.get(a.personId) ?? a.personId}
                </a>{' '}
                <span class="muted">
                  {t(
                    'network_ambassador_detail',
                    formatCount(a.referrals.length),
                    formatPartialDate(a.firstDate),
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        <h4>{t('network_delivered_heading')}</h4>
        {record.delivered.length === 0 ? (
          <p class="muted">{t('network_delivered_none')}</p>
        ) : (
          <ul class="delivered">
            {record.delivered
              .slice(-RECENT_DELIVERED)
              .reverse()
              .map((d) => (
                <li key={d.workId}>
                  <span class={`verdict verdict-${d.verdict}`}>
                    {t(d.verdict === 'good' ? 'network_verdict_good' : 'network_verdict_negative')}
                  </span>{' '}
                  {t(WORK_KIND_KEYS[d.kind])} —{' '}
                  <a href={routeHash({ view: 'person', id: d.personId })}>
                    {names.get(d.personId) ?? d.personId}
                  </a>{' '}
                  <span class="muted">{formatPartialDate(d.date)}</span>
                  {d.reasons.length > 0 && (
                    <span class="muted"> · {d.reasons.map((r) => t(REASON_KEYS[r])).join(', ')}</span>
                  )}
                </li>
              ))}
          </ul>
        )}
      </section>
    </>
  );
}

function formatYear(year: number): string {
  return formatPartialDate(String(year).padStart(4, '0'));
}

// The people list: search, filters, sort and counts over a virtualised list that stays smooth at 30,000.
// The filters live in the address, so a reload or the back button keeps them.
import { memo } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { dormancyCutoff, FLAG_KINDS } from '../../core/flags.ts';
import { SITES } from '../../core/identity.ts';
import { queueReasons } from '../../core/queue.ts';
import { STAGES } from '../../core/trust.ts';
import { db } from '../../db/database.ts';
import { getSettings } from '../../db/meta.ts';
import { createPerson } from '../../db/mutations.ts';
import { countsByStage, type PeopleListItem } from '../../db/queries.ts';
import { ErrorBoundary } from '../../ui/components/ErrorBoundary.tsx';
import { Select } from '../../ui/components/Select.tsx';
import { StageBadge } from '../../ui/components/StageBadge.tsx';
import { useLiveQuery } from '../../ui/data/useLiveQuery.ts';
import { type MessageKey, t } from '../../ui/i18n/i18n.ts';
import { FLAG_SHORT_KEYS, SITE_KEYS, STAGE_KEYS } from '../../ui/i18n/keys.ts';
import { formatCount, formatPartialDate } from '../../ui/i18n/locale.ts';
import { reasonsText } from '../../ui/i18n/reasonText.ts';
import { navigate } from '../navigation.ts';
import { routeHash } from '../route.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { VirtualList } from '../widgets/VirtualList.tsx';
import { DateRangeFields } from './DateRangeFields.tsx';
import {
  activeFilterCount,
  DEFAULT_FILTERS,
  type ListSort,
  PEOPLE_SORTS,
  type PeopleFilters,
  toPeopleQuery,
} from './peopleFilters.ts';
import { FIRST_SCREEN_ROWS, usePeoplePages } from './usePeoplePages.ts';

const SORT_KEYS = {
  name: 'options_sort_name',
  connectedOn: 'options_sort_connectedOn',
  lastWork: 'options_sort_lastWork',
  stage: 'options_sort_stage',
} as const satisfies Record<ListSort, MessageKey>;

export const ROW_HEIGHT = 56;
const SORT_DIRECTIONS = ['asc', 'desc'] as const;
const FIRST_RENDER_MARK = 'trust-notes:first-render';

export function PeopleView({ filters }: { filters: PeopleFilters }) {
  // Stored counts (aggregates.ts): one read, live as people change stage.
  const counts = useLiveQuery(() => countsByStage(db()), []);
  const everyone = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : undefined;
  const settings = useLiveQuery(() => getSettings(db()), []);
  // Who is dormant today depends on the threshold in settings and on today's date.
  const cutoff = settings && dormancyCutoff(settings, new Date());
  const [adding, setAdding] = useState(false);

  const any = t('options_filter_any');
  const update = (changes: Partial<PeopleFilters>) =>
    navigate({ view: 'people', filters: { ...filters, ...changes } }, { replace: true });

  return (
    <section class="people" aria-labelledby="people-heading">
      <div class="people-head">
        <h2 id="people-heading">{t('options_people_heading')}</h2>
        <button type="button" onClick={() => setAdding(true)}>
          {t('options_people_add')}
        </button>
      </div>
      <search class="people-filters">
        <label class="people-search">
          <span>{t('options_people_search')}</span>
          <input
            type="search"
            value={filters.text}
            placeholder={t('options_people_search_placeholder')}
            onInput={(e) => update({ text: e.currentTarget.value })}
          />
        </label>
        <label class="people-dormant">
          <input
            type="checkbox"
            checked={filters.dormant ?? false}
            onChange={(e) => update({ dormant: e.currentTarget.checked || undefined })}
          />
          <span>{t('options_filter_dormant')}</span>
        </label>
        <Select
          label={t('options_filter_stage')}
          value={filters.stage ?? ''}
          options={STAGES}
          text={(stage) => t(STAGE_KEYS[stage])}
          blank={any}
          onChange={(stage) => update({ stage: stage || undefined })}
        />
        <Select
          label={t('options_filter_site')}
          value={filters.site ?? ''}
          options={SITES}
          text={(site) => t(SITE_KEYS[site])}
          blank={any}
          onChange={(site) => update({ site: site || undefined })}
        />
        <Select
          label={t('options_filter_flag')}
          value={filters.flag ?? ''}
          options={FLAG_KINDS}
          text={(kind) => t(FLAG_SHORT_KEYS[kind])}
          blank={any}
          onChange={(flag) => update({ flag: flag || undefined })}
        />
        <label>
          <span>{t('options_filter_tag')}</span>
          <input
            type="text"
            value={filters.tag ?? ''}
            onChange={(e) => update({ tag: e.currentTarget.value.trim() || undefined })}
          />
        </label>
        <DateRangeFields
          from={filters.connectedFrom}
          to={filters.connectedTo}
          onChange={(connectedFrom, connectedTo) => update({ connectedFrom, connectedTo })}
        />
        {filters.dormant ? (
          <p class="muted people-sorted-by">{t('options_sort_by_warmth')}</p>
        ) : (
          <>
            <Select
              label={t('options_sort')}
              value={filters.sort}
              options={PEOPLE_SORTS}
              text={(sort) => t(SORT_KEYS[sort])}
              onChange={(sort) => update({ sort })}
            />
            <Select
              label={t('options_sort_dir')}
              value={filters.dir}
              options={SORT_DIRECTIONS}
              text={(dir) => t(dir === 'asc' ? 'options_sort_asc' : 'options_sort_desc')}
              onChange={(dir) => update({ dir })}
            />
          </>
        )}
        {activeFilterCount(filters) > 0 && (
          <button
            type="button"
            class="secondary"
            onClick={() => navigate({ view: 'people', filters: { ...DEFAULT_FILTERS } }, { replace: true })}
          >
            {t('options_filter_clear')}
          </button>
        )}
      </search>

      <StageCounts
        counts={counts}
        active={filters.stage}
        onPick={(stage) => update({ stage: stage === filters.stage ? undefined : stage })}
      />

      {(!filters.dormant || cutoff !== undefined) && (
        <PeopleResults
          key={`${JSON.stringify(filters)}|${cutoff}`}
          filters={filters}
          cutoff={cutoff}
          everyone={everyone}
        />
      )}

      <AddPersonDialog open={adding} onClose={() => setAdding(false)} />
    </section>
  );
}

/**
 * The count and the list. Scrolling changes which pages are loaded; keeping that state here means a scroll
 * re-renders only the list, not the filters above it. A new set of filters starts it afresh (the key).
 */
function PeopleResults(props: {
  filters: PeopleFilters;
  cutoff: string | undefined;
  everyone: number | undefined;
}) {
  const { filters, everyone } = props;
  const [range, setRange] = useState<[number, number]>([0, FIRST_SCREEN_ROWS]);
  const people = usePeoplePages(toPeopleQuery(filters, props.cutoff), range[0], range[1]);
  const firstRowShown = people.total === 0 || people.rowAt(0) !== undefined;
  useEffect(() => {
    // The bench reads this mark: the page's first useful render, the list with its first rows.
    if (!firstRowShown) return;
    if (performance.getEntriesByName(FIRST_RENDER_MARK).length === 0) performance.mark(FIRST_RENDER_MARK);
  }, [firstRowShown]);
  return (
    <>
      <p class="people-count" role="status">
        {people.total === undefined || everyone === undefined
          ? t('options_people_loading')
          : t('options_people_count', formatCount(people.total), formatCount(everyone))}
      </p>
      {people.total === 0 ? (
        <p class="empty">{everyone === 0 ? t('options_people_empty') : t('options_people_no_match')}</p>
      ) : (
        <div class="people-table">
          <ListHeader />
          <VirtualList
            class="people-list"
            count={people.total ?? 0}
            rowHeight={ROW_HEIGHT}
            label={t('options_people_list_label')}
            onRangeChange={(first, last) => setRange([first, last])}
            renderRow={(index) => (
              <ErrorBoundary part="ui_part_row" compact>
                <PersonRow person={people.rowAt(index)} warmth={filters.dormant ?? false} />
              </ErrorBoundary>
            )}
          />
        </div>
      )}
    </>
  );
}

function StageCounts(props: {
  counts: Record<string, number> | undefined;
  active: string | undefined;
  onPick: (stage: (typeof STAGES)[number]) => void;
}) {
  return (
    <ul class="stage-counts" aria-label={t('options_people_by_stage')}>
      {STAGES.map((stage) => (
        <li key={stage}>
          <button
            type="button"
            class={`stage-chip tn-stage-${stage}`}
            aria-pressed={props.active === stage}
            onClick={() => props.onPick(stage)}
          >
            <span>{t(STAGE_KEYS[stage])}</span>
            <span class="stage-chip-count">{props.counts ? formatCount(props.counts[stage] ?? 0) : '…'}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Memoised: while the list scrolls, rows that stay in view keep their person object and skip rendering. */
const PersonRow = memo(function PersonRow(props: { person: PeopleListItem | undefined; warmth: boolean }) {
  const { person } = props;
  if (!person) return <div class="person-row loading" aria-busy="true" />;
  // In the dormant list, why they are worth a first test (in words) says more than their job title.
  const work = props.warmth
    ? reasonsText(queueReasons(person, [], new Date()))
    : [person.position, person.company].filter(Boolean).join(' · ') || person.headline || '';
  return (
    <div class="person-row">
      <div class="person-row-main">
        <a href={routeHash({ view: 'person', id: person.id })} class="person-row-name">
          {person.name}
        </a>
        <span class="person-row-sub">{work}</span>
      </div>
      <StageBadge stage={person.stage} />
      <DateCell label={t('options_sort_connectedOn')} value={person.connectedOn} />
      <DateCell label={t('options_sort_lastWork')} value={person.lastWorkDate || undefined} />
      <span class="person-row-flags">
        {[...new Set(person.openFlags)].map((kind) => (
          <span key={kind} class={`flag-pill flag-${kind}`}>
            {t(FLAG_SHORT_KEYS[kind])}
          </span>
        ))}
      </span>
    </div>
  );
});

function DateCell({ label, value }: { label: string; value: string | undefined }) {
  return (
    <span class="person-row-date">
      {value && <span class="tn-visually-hidden">{label}: </span>}
      {formatPartialDate(value)}
    </span>
  );
}

/** Column titles over the rows; the rows name their cells for screen readers themselves. */
function ListHeader() {
  return (
    <div class="person-row person-row-header" aria-hidden="true">
      <span>{t('options_sort_name')}</span>
      <span>{t('options_sort_stage')}</span>
      <span>{t('options_sort_connectedOn')}</span>
      <span>{t('options_sort_lastWork')}</span>
      <span>{t('options_filter_flag')}</span>
    </div>
  );
}

function AddPersonDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('options_people_add_name_required'));
      return;
    }
    const person = await createPerson(db(), { name });
    setName('');
    setError('');
    onClose();
    navigate({ view: 'person', id: person.id });
  };
  return (
    <Dialog open={open} title={t('options_people_add')} onClose={onClose}>
      <form onSubmit={submit}>
        <label>
          <span>{t('options_person_name')}</span>
          <input
            type="text"
            value={name}
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'add-person-error' : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p id="add-person-error" class="field-error">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="button" class="secondary" onClick={onClose}>
            {t('options_cancel')}
          </button>
          <button type="submit">{t('options_people_add_submit')}</button>
        </div>
      </form>
    </Dialog>
  );
}

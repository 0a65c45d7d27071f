// The toolbar popup. On a profile page: that person's summary and quick add. Anywhere else: open flags
// with their next steps, a search for people, and the latest shared work, with a way into the full app.
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useId, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ProfileSnapshot } from '../core/types';
import { db } from '../db/database';
import type { PersonRow } from '../db/personRow';
import { type FlagItem, openFlags, recentWork, searchPeopleByPrefix, type WorkItem } from '../db/queries';
import { useLiveQuery } from '../db/useLiveQuery';
import { sendMessage } from '../messages/client';
import { dismissAndTell, snoozeAndTell } from '../options/person/FlagsSection';
import { FlagCard } from '../ui/FlagCard';
import { t } from '../ui/i18n';
import { fullRecordUrl } from '../ui/links';
import { formatCount, formatPartialDate } from '../ui/locale';
import { StageBadge } from '../ui/StageBadge';
import { targetTabId } from './activeTab';

/** The popup is small: a few flags, with the whole list one click away (`#/flags`). */
const FLAGS_SHOWN = 5;
const FLAGS_IN_LIST = 100;

// The profile view (summary, trust, quick add, notes) is loaded only on a profile tab: most openings are
// elsewhere, and the popup opens faster without parsing it.
const ProfileSection = lazy(() => import('./ProfileSection'));
const RECENT_SHOWN = 5;

/**
 * The profile the popup's tab shows, or null. Asked for as soon as the popup's script runs (main.tsx),
 * while the database opens and the language loads, rather than after the first render.
 */
export async function tabSnapshot(): Promise<ProfileSnapshot | null> {
  const tabId = await targetTabId().catch(() => undefined);
  if (tabId === undefined) return null;
  const reply = await sendMessage('page:tabProfile', { tabId }).catch(() => ({ snapshot: null }));
  return reply.snapshot;
}

export interface PopupData {
  flags: FlagItem[];
  recent: WorkItem[];
}

const flagLimit = (flagsOnly: boolean) => (flagsOnly ? FLAGS_IN_LIST : FLAGS_SHOWN);

/** The first flags and recent work, read while the page starts, so the first render already shows them. */
export async function firstPopupData(flagsOnly: boolean): Promise<PopupData | undefined> {
  const [flags, recent] = await Promise.all([
    openFlags(db(), flagLimit(flagsOnly)),
    recentWork(db(), RECENT_SHOWN),
  ]).catch(() => [undefined, undefined]);
  return flags && recent ? { flags, recent } : undefined;
}

export function PopupApp(props: {
  snapshot: ProfileSnapshot | null;
  first: PopupData | undefined;
  flagsOnly?: boolean;
}) {
  const flagsOnly = props.flagsOnly ?? false;
  const { snapshot } = props;
  // Live from here on: the first answers are already on screen, later edits (here, in the panel, by the
  // worker) replace them.
  const flags = useLiveQuery(
    () => openFlags(db(), flagLimit(flagsOnly)),
    [flagsOnly],
    props.first?.flags as FlagItem[] | undefined,
  );
  const [badge, setBadge] = useBadgeCount();
  const recent = useLiveQuery(
    () => recentWork(db(), RECENT_SHOWN),
    [],
    props.first?.recent as WorkItem[] | undefined,
  );
  const ready = flags !== undefined && recent !== undefined;
  useEffect(() => {
    // The bench reads this mark: the popup is usable once its first data is on screen.
    if (ready) performance.mark('trust-notes:interactive');
  }, [ready]);

  return (
    <div class="popup">
      <header class="popup-header">
        <h1>{t('popup_title')}</h1>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_open_app')}
        </button>
      </header>
      <main>
        {snapshot && !flagsOnly && (
          <Suspense fallback={<p class="muted">{t('options_people_loading')}</p>}>
            <ProfileSection snapshot={snapshot} />
          </Suspense>
        )}
        {!flagsOnly && <SearchSection />}
        <FlagsSection flags={flags} badge={badge} onCount={setBadge} showAllLink={!flagsOnly} />
        {!flagsOnly && <RecentSection recent={recent} />}
      </main>
    </div>
  );
}

function SearchSection() {
  const [text, setText] = useState('');
  const resultsId = useId();
  const results = useLiveQuery(
    async () => (text.trim() ? await searchPeopleByPrefix(db(), text, 8) : []),
    [text],
    [] as PersonRow[],
  );
  return (
    <section class="popup-section" aria-labelledby="popup-search-heading">
      <h2 id="popup-search-heading">{t('popup_search_heading')}</h2>
      <label class="popup-search">
        <span class="tn-visually-hidden">{t('popup_search_label')}</span>
        <input
          type="search"
          value={text}
          placeholder={t('popup_search_placeholder')}
          aria-controls={resultsId}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <ul id={resultsId} class="popup-list" aria-label={t('popup_search_results')}>
        {results.map((person) => (
          <li key={person.id}>
            <a href={fullRecordUrl(person.id)} target="_blank" rel="noopener">
              {person.name}
            </a>
            <StageBadge stage={person.stage} />
          </li>
        ))}
      </ul>
      {text.trim() && results.length === 0 && <p class="muted">{t('popup_search_none')}</p>}
    </section>
  );
}

/**
 * How many flags are open, as the toolbar badge shows it. The worker keeps the badge current; counting
 * tens of thousands of open flags again here would take seconds, so the popup reads the badge, and after a
 * snooze or dismiss takes the worker's new count.
 */
function useBadgeCount(): [string, (count: number | undefined) => void] {
  const [badge, setBadge] = useState('');
  useEffect(() => {
    void browser.action.getBadgeText({}).then(setBadge, () => setBadge(''));
  }, []);
  const update = (count: number | undefined) => {
    if (count !== undefined) setBadge(count > 0 ? formatCount(count) : '');
  };
  return [badge, update];
}

function FlagsSection(props: {
  flags: FlagItem[] | undefined;
  badge: string;
  onCount: (count: number | undefined) => void;
  showAllLink: boolean;
}) {
  const { flags, badge, onCount } = props;
  return (
    <section class="popup-section" aria-labelledby="popup-flags-heading">
      <h2 id="popup-flags-heading">
        {t('popup_flags_heading')}
        {badge && flags && flags.length > 0 && <span class="count">{badge}</span>}
      </h2>
      {flags === undefined ? (
        <p class="muted">{t('options_people_loading')}</p>
      ) : flags.length === 0 ? (
        <p class="muted">{t('popup_flags_none')}</p>
      ) : (
        <ul class="popup-flags">
          {flags.map(({ flag, person }) => (
            <li key={flag.id}>
              <p class="popup-flag-title">
                <a href={fullRecordUrl(person.id)} target="_blank" rel="noopener">
                  {person.name}
                </a>{' '}
                <span class="flag-pill">{t(`options_flag_short_${flag.kind}`)}</span>
              </p>
              <FlagCard
                flag={flag}
                subject={person.name}
                onSnooze={async (until) => onCount(await snoozeAndTell(flag, until))}
                onDismiss={async () => onCount(await dismissAndTell(flag))}
              />
            </li>
          ))}
        </ul>
      )}
      {props.showAllLink && flags !== undefined && flags.length === FLAGS_SHOWN && (
        <p>
          <a href={browser.runtime.getURL('src/popup/index.html#/flags')} target="_blank" rel="noopener">
            {t('popup_flags_all')}
          </a>
        </p>
      )}
    </section>
  );
}

function RecentSection({ recent }: { recent: WorkItem[] | undefined }) {
  if (!recent || recent.length === 0) return null;
  return (
    <section class="popup-section" aria-labelledby="popup-recent-heading">
      <h2 id="popup-recent-heading">{t('popup_recent_heading')}</h2>
      <ul class="popup-list">
        {recent.map(({ work, person }) => (
          <li key={work.id}>
            <a href={fullRecordUrl(person.id)} target="_blank" rel="noopener">
              {person.name}
            </a>
            <span class="muted">
              {t(`ui_work_kind_${work.kind}`)}
              {(work.endDate ?? work.startDate) && ` · ${formatPartialDate(work.endDate ?? work.startDate)}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

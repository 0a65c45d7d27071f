// The toolbar popup. On a profile page: that person's summary and quick add. Anywhere else: open flags
// with their next steps, a search for people, and the latest shared work, with a way into the full app.
import { useEffect, useId, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ProfileSnapshot } from '../core/types';
import { db } from '../db/database';
import type { PersonRow } from '../db/personRow';
import {
  countOpenFlags,
  type FlagItem,
  openFlags,
  recentWork,
  searchPeopleByPrefix,
  type WorkItem,
} from '../db/queries';
import { useLiveQuery } from '../db/useLiveQuery';
import { sendMessage } from '../messages/client';
import { dismissAndTell, snoozeAndTell } from '../options/person/FlagsSection';
import { FlagCard } from '../ui/FlagCard';
import { t } from '../ui/i18n';
import { fullRecordUrl } from '../ui/links';
import { formatCount, formatPartialDate } from '../ui/locale';
import { ProfileTrustView } from '../ui/ProfileTrustView';
import { useProfileView } from '../ui/profileRecord';
import { StageBadge } from '../ui/StageBadge';
import { targetTabId } from './activeTab';

/** The popup is small: a few flags, with the whole list one click away (`#/flags`). */
const FLAGS_SHOWN = 5;
const FLAGS_IN_LIST = 100;
const RECENT_SHOWN = 5;

/** The profile the popup's tab shows, or null; undefined while asking. */
function useTabSnapshot(): ProfileSnapshot | null | undefined {
  const [snapshot, setSnapshot] = useState<ProfileSnapshot | null | undefined>(undefined);
  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setSnapshot(null);
      const reply = await sendMessage('page:tabProfile', { tabId }).catch(() => ({ snapshot: null }));
      setSnapshot(reply.snapshot);
    })();
  }, []);
  return snapshot;
}

export function PopupApp({ flagsOnly = false }: { flagsOnly?: boolean }) {
  const snapshot = useTabSnapshot();
  const flags = useLiveQuery(
    () => openFlags(db(), flagsOnly ? FLAGS_IN_LIST : FLAGS_SHOWN),
    [flagsOnly],
    undefined as FlagItem[] | undefined,
  );
  const flagCount = useLiveQuery(() => countOpenFlags(db()), [], undefined as number | undefined);
  const recent = useLiveQuery(() => recentWork(db(), RECENT_SHOWN), [], undefined as WorkItem[] | undefined);
  const ready = flags !== undefined && recent !== undefined && snapshot !== undefined;
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
        {snapshot && !flagsOnly && <ProfileSection snapshot={snapshot} />}
        {!flagsOnly && <SearchSection />}
        <FlagsSection flags={flags} total={flagCount} showAllLink={!flagsOnly} />
        {!flagsOnly && <RecentSection recent={recent} />}
      </main>
    </div>
  );
}

/** The person on the tab's profile page: the same summary and quick add as the in-page panel. */
function ProfileSection({ snapshot }: { snapshot: ProfileSnapshot }) {
  const view = useProfileView(snapshot);
  return (
    <div class="popup-profile">
      <ProfileTrustView snapshot={snapshot} view={view} headingId="popup-profile-heading" />
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

function FlagsSection(props: {
  flags: FlagItem[] | undefined;
  total: number | undefined;
  showAllLink: boolean;
}) {
  const { flags, total } = props;
  return (
    <section class="popup-section" aria-labelledby="popup-flags-heading">
      <h2 id="popup-flags-heading">
        {t('popup_flags_heading')}
        {total !== undefined && total > 0 && <span class="count">{formatCount(total)}</span>}
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
                onSnooze={(until) => snoozeAndTell(flag, until)}
                onDismiss={() => dismissAndTell(flag)}
              />
            </li>
          ))}
        </ul>
      )}
      {props.showAllLink && flags !== undefined && total !== undefined && total > flags.length && (
        <p>
          <a href={browser.runtime.getURL('src/popup/index.html#/flags')} target="_blank" rel="noopener">
            {t('popup_flags_all', formatCount(total))}
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

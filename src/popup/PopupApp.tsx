// The toolbar popup. On a profile page: that person's summary and quick add. Anywhere else: this week's queue
// (the few dormant connections most worth a first small test), open flags with their next steps, a search for
// people, and the latest shared work, with a way into the full app.
//
// Nothing here loads Dexie: the first screen comes from main.tsx (db/startupRead.ts), and live.ts, which
// does, is loaded after the first render for the live updates, the search and the writes.
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useId, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ProfileSnapshot } from '../core/types.ts';
import type { PersonRow } from '../db/personRow.ts';
import type { FlagItem, QueueItem, WorkItem } from '../db/queries.ts';
import type { StartupData } from '../db/startupRead.ts';
import { sendMessage } from '../messages/client.ts';
import type { SyncView } from '../sync/view.ts';
import { ErrorBoundary } from '../ui/components/ErrorBoundary.tsx';
import { FlagCard } from '../ui/components/FlagCard.tsx';
import { fullRecordUrl } from '../ui/components/links.ts';
import { StageBadge } from '../ui/components/StageBadge.tsx';
import { t } from '../ui/i18n/i18n.ts';
import { FLAG_SHORT_KEYS, WORK_KIND_KEYS } from '../ui/i18n/keys.ts';
import { formatCount, formatPartialDate, formatTimeOfMillis } from '../ui/i18n/locale.ts';
import { targetTabId } from './activeTab.ts';
import { FLAGS_SHOWN, popupLimits } from './firstScreen.ts';
import { QueueSection } from './QueueSection.tsx';

const SEARCH_SHOWN = 8;

// The profile view (summary, trust, quick add, notes) is loaded only on a profile tab: most openings are
// elsewhere, and the popup opens faster without parsing it.
const ProfileSection = lazy(() => import('./ProfileSection.tsx'));

type Live = typeof import('./live');
let live: Promise<Live> | undefined;
/**
 * The popup's Dexie side, loaded once, on first need (right after the first render). The import starts
 * in a task of its own: started inside the first render's effects, it held them (and the popup's
 * readiness) for ~15 ms.
 */
export function loadLive(): Promise<Live> {
  live ??= new Promise((resolve) => setTimeout(resolve)).then(() => import('./live.ts'));
  return live;
}

/**
 * The profile the popup's tab shows, or null. Asked for as soon as the popup's script runs (main.tsx),
 * while the database is read and the language loads, rather than after the first render.
 */
export async function tabSnapshot(): Promise<ProfileSnapshot | null> {
  const tabId = await targetTabId().catch(() => undefined);
  if (tabId === undefined) return null;
  const reply = await sendMessage('page:tabProfile', { tabId }).catch(() => ({ snapshot: null }));
  return reply.snapshot;
}

type LiveState<T> = { value: T } | { error: unknown };

/**
 * `query`'s answer, kept current once live.ts has loaded (as ui/data/useLiveQuery does for pages that load Dexie
 * from the start); `initial` until then. A failing query throws during render, for the error boundary.
 */
function useLive<T>(query: (live: Live) => Promise<T>, deps: readonly unknown[], initial: T): T {
  return liveValue(useLiveState(query, deps, initial));
}

/** A live answer or its failure: thrown where it is shown (liveValue), so only that section's boundary trips. */
function liveValue<T>(state: LiveState<T>): T {
  if ('error' in state) throw state.error;
  return state.value;
}

function useLiveState<T>(
  query: (live: Live) => Promise<T>,
  deps: readonly unknown[],
  initial: T,
): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ value: initial });
  useEffect(() => {
    let subscription: { unsubscribe(): void } | undefined;
    let stopped = false;
    const error = (failure: unknown) => setState({ error: failure });
    loadLive().then((loaded) => {
      if (!stopped)
        subscription = loaded.watch(
          () => query(loaded),
          (value) => setState({ value }),
          error,
        );
    }, error);
    return () => {
      stopped = true;
      subscription?.unsubscribe();
    };
  }, deps);
  return state;
}

export function PopupApp(props: {
  snapshot: ProfileSnapshot | null;
  first: StartupData | undefined;
  flagsOnly?: boolean;
}) {
  const flagsOnly = props.flagsOnly ?? false;
  const { snapshot } = props;
  const limits = popupLimits(flagsOnly);
  // Live from here on: the first answers are already on screen, later edits (here, in the panel, by the
  // worker) replace them.
  const queue = useLiveState<QueueItem[] | undefined>((l) => l.queue(), [], props.first?.queue);
  const flags = useLiveState<FlagItem[] | undefined>(
    (l) => l.flags(limits.flags),
    [limits.flags],
    props.first?.flags,
  );
  const recent = useLiveState<WorkItem[] | undefined>(
    (l) => l.recent(limits.recent),
    [limits.recent],
    props.first?.recent,
  );
  const loaded = (state: LiveState<unknown>) => 'value' in state && state.value !== undefined;
  const ready = loaded(queue) && loaded(flags) && loaded(recent);
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
      {!flagsOnly && <SyncLine />}
      <main>
        {snapshot && !flagsOnly && (
          <ErrorBoundary part="ui_part_profile">
            <Suspense fallback={<p class="muted">{t('options_people_loading')}</p>}>
              <ProfileSection snapshot={snapshot} />
            </Suspense>
          </ErrorBoundary>
        )}
        {!flagsOnly && (
          <ErrorBoundary part="ui_part_queue">
            <LiveQueue queue={queue} />
          </ErrorBoundary>
        )}
        {!flagsOnly && (
          <ErrorBoundary part="ui_part_search">
            <SearchSection />
          </ErrorBoundary>
        )}
        <ErrorBoundary part="ui_part_flags">
          <FlagsSection flags={flags} showAllLink={!flagsOnly} />
        </ErrorBoundary>
        {!flagsOnly && (
          <ErrorBoundary part="ui_part_recent">
            <RecentSection recent={recent} />
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}

/** How often the popup asks the worker how sync stands while it is open (a sync it started may be running). */
const SYNC_LINE_POLL_MS = 2_000;

/**
 * Sync in one line, when it is set up: last sync, or what needs the user, linking to the Sync view. Asked of the worker
 * (the popup loads no database before its first render, and never PouchDB); opening the popup is also a reason to sync.
 */
function SyncLine() {
  const [view, setView] = useState<SyncView | undefined>();
  useEffect(() => {
    let live = true;
    const ask = (opened: boolean) =>
      sendMessage('page:syncStatus', { opened }).then(
        (next) => live && setView(next),
        () => undefined,
      );
    void ask(true);
    const timer = setInterval(() => void ask(false), SYNC_LINE_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (!view?.on) return null;
  const text = view.error
    ? t('popup_sync_failed')
    : view.running
      ? t('popup_sync_running')
      : view.conflicts > 0
        ? t('popup_sync_conflicts', formatCount(view.conflicts))
        : view.pending > 0
          ? t('popup_sync_waiting', formatCount(view.pending))
          : view.lastSyncAt !== undefined
            ? t('popup_sync_synced', formatTimeOfMillis(view.lastSyncAt))
            : t('popup_sync_never');
  return (
    <p class={view.error ? 'popup-sync popup-sync-error' : 'popup-sync'} role="status">
      <a href={browser.runtime.getURL('src/options/index.html#/sync')} target="_blank" rel="noopener">
        {text}
      </a>
    </p>
  );
}

/** Reads the live queue inside its own error boundary, so a failed read trips only this section. */
function LiveQueue(props: { queue: LiveState<QueueItem[] | undefined> }) {
  return <QueueSection queue={liveValue(props.queue)} live={loadLive} />;
}

function SearchSection() {
  const [text, setText] = useState('');
  const resultsId = useId();
  const results = useLive<PersonRow[]>(
    async (l) => (text.trim() ? await l.search(text, SEARCH_SHOWN) : []),
    [text],
    [],
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
 * Whom each flag is about, as its card's landmark name: a person with two flags of one kind (a follow-up due on two
 * works) gets "(2)" on the second, so no two cards share a name.
 */
function flagSubjects(flags: readonly FlagItem[]): string[] {
  const seen = new Map<string, number>();
  return flags.map(({ flag, person }) => {
    const key = `${person.id}:${flag.kind}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? person.name : `${person.name} (${n})`;
  });
}

function FlagsSection(props: { flags: LiveState<FlagItem[] | undefined>; showAllLink: boolean }) {
  const flags = liveValue(props.flags);
  const subjects = flags ? flagSubjects(flags) : [];
  return (
    <section class="popup-section" aria-labelledby="popup-flags-heading">
      <h2 id="popup-flags-heading">{t('popup_flags_heading')}</h2>
      {flags === undefined ? (
        <p class="muted">{t('options_people_loading')}</p>
      ) : flags.length === 0 ? (
        <p class="muted">{t('popup_flags_none')}</p>
      ) : (
        <ul class="popup-flags">
          {flags.map(({ flag, person }, i) => (
            <li key={flag.id}>
              <p class="popup-flag-title">
                <a href={fullRecordUrl(person.id)} target="_blank" rel="noopener">
                  {person.name}
                </a>{' '}
                <span class="flag-pill">{t(FLAG_SHORT_KEYS[flag.kind])}</span>
              </p>
              <FlagCard
                flag={flag}
                subject={subjects[i]}
                onSnooze={async (until) => (await loadLive()).snoozeFlagUntil(flag.id, until)}
                onDismiss={async () => (await loadLive()).dismissFlagForGood(flag.id)}
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

function RecentSection(props: { recent: LiveState<WorkItem[] | undefined> }) {
  const recent = liveValue(props.recent);
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
              {t(WORK_KIND_KEYS[work.kind])}
              {(work.endDate ?? work.startDate) && ` · ${formatPartialDate(work.endDate ?? work.startDate)}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

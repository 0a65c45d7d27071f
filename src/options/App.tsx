// The options page: the full app. A header with the views, and the view the address names.
import { lazy, Suspense } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { Language } from '../core/types.ts';
import { db } from '../db/database.ts';
import { ErrorBoundary } from '../ui/components/ErrorBoundary.tsx';
import { useDatabaseOpen } from '../ui/data/useLiveQuery.ts';
import { initI18n, type MessageKey, t } from '../ui/i18n/i18n.ts';
import { useRoute } from './navigation.ts';
import { PeopleView } from './people/PeopleView.tsx';
import { DEFAULT_FILTERS } from './people/peopleFilters.ts';
import { routeHash, type ViewName } from './route.ts';
import { UndoProvider } from './undo.tsx';

// The people list is the page's first view and comes with it; the others load when first opened. The import
// and backup view alone brings Papa Parse, fflate and dexie-export-import, which the list does not need.
const PersonRecord = lazy(() => import('./person/PersonRecord.tsx').then((m) => m.PersonRecord));
const NetworkView = lazy(() => import('./network/NetworkView.tsx').then((m) => m.NetworkView));
const SettingsView = lazy(() => import('./settings/SettingsView.tsx').then((m) => m.SettingsView));
const ImportBackupView = lazy(() => import('./data/ImportBackupView.tsx').then((m) => m.ImportBackupView));
const SyncSettings = lazy(() => import('./sync/SyncSettings.tsx').then((m) => m.SyncSettings));

const NAV: { view: Exclude<ViewName, 'person'>; key: MessageKey }[] = [
  { view: 'people', key: 'options_nav_people' },
  { view: 'network', key: 'options_nav_network' },
  { view: 'settings', key: 'options_nav_settings' },
  { view: 'sync', key: 'options_nav_sync' },
  { view: 'data', key: 'options_nav_data' },
];

function hrefOf(view: Exclude<ViewName, 'person'>): string {
  return view === 'people' ? routeHash({ view, filters: DEFAULT_FILTERS }) : routeHash({ view });
}

/** Renders nothing; a database that will not open is thrown to the view's boundary (see useDatabaseOpen). */
function DatabaseOpen() {
  useDatabaseOpen(db());
  return null;
}

export function App() {
  const route = useRoute();
  // A new language re-renders the whole page from scratch in that language.
  const [epoch, setEpoch] = useState(0);
  const changeLanguage = async (language: Language) => {
    await initI18n(language);
    document.title = t('options_title');
    setEpoch((n) => n + 1);
  };
  const current = route.view === 'person' ? 'people' : route.view;
  return (
    <UndoProvider key={epoch}>
      <div class="app">
        <header class="app-header">
          <h1>{t('options_title')}</h1>
          <nav aria-label={t('options_nav_label')}>
            <ul>
              {NAV.map(({ view, key }) => (
                <li key={view}>
                  <a href={hrefOf(view)} aria-current={current === view ? 'page' : undefined}>
                    {t(key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">
          {/* Keyed by the view: a view that failed is tried afresh when the user goes elsewhere. */}
          <ErrorBoundary
            key={route.view === 'person' ? `person:${route.id}` : route.view}
            part="ui_part_view"
          >
            <DatabaseOpen />
            {route.view === 'people' && <PeopleView filters={route.filters} />}
            <Suspense fallback={<p role="status">{t('options_people_loading')}</p>}>
              {route.view === 'person' && <PersonRecord key={route.id} id={route.id} />}
              {route.view === 'network' && <NetworkView />}
              {route.view === 'settings' && <SettingsView onLanguageChange={changeLanguage} />}
              {route.view === 'sync' && <SyncSettings />}
              {route.view === 'data' && <ImportBackupView />}
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </UndoProvider>
  );
}

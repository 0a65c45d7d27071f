// The options page: the full app. A header with the views, and the view the address names.
import { t } from '../ui/i18n';
import { useRoute } from './navigation';
import { PeopleView } from './people/PeopleView';
import { PersonRecord } from './person/PersonRecord';
import { routeHash, type ViewName } from './route';
import { UndoProvider } from './undo';

const NAV: { view: Exclude<ViewName, 'person'>; key: string }[] = [
  { view: 'people', key: 'options_nav_people' },
  { view: 'network', key: 'options_nav_network' },
  { view: 'settings', key: 'options_nav_settings' },
  { view: 'data', key: 'options_nav_data' },
];

function hrefOf(view: Exclude<ViewName, 'person'>): string {
  return view === 'people'
    ? routeHash({ view, filters: { text: '', sort: 'name', dir: 'asc' } })
    : routeHash({ view });
}

export function App() {
  const route = useRoute();
  const current = route.view === 'person' ? 'people' : route.view;
  return (
    <UndoProvider>
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
          {route.view === 'people' && <PeopleView filters={route.filters} />}
          {route.view === 'person' && <PersonRecord key={route.id} id={route.id} />}
        </main>
      </div>
    </UndoProvider>
  );
}

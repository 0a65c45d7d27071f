import { db } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { reloadOnVersionChange } from '../db/versionChange.ts';
import { boot } from '../ui/components/boot.tsx';
import { App } from './App.tsx';
import { toPeopleQuery } from './people/peopleFilters.ts';
import { prefetchFirstPage } from './people/usePeoplePages.ts';
import { parseRoute } from './route.ts';
import '../ui/components/controls.css';
import './options.css';

// The language setting decides the catalog before the first render; a database that cannot be read
// still gets a page, in the browser's language.
const route = parseRoute(location.hash);
const language = Promise.all([
  getSettings(db())
    .then((settings) => settings.language)
    .catch(() => 'auto' as const),
  // The people list is the usual first view: its first page is read meanwhile.
  route.view === 'people' ? prefetchFirstPage(toPeopleQuery(route.filters)) : undefined,
]).then(([lang]) => lang);

// An extension update that upgrades the schema must not wait on this page, nor run under its old code.
reloadOnVersionChange(db());
void boot('options_title', () => <App />, language);

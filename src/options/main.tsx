import { db } from '../db/database';
import { getSettings } from '../db/meta';
import { boot } from '../ui/boot.tsx';
import { App } from './App';
import '../ui/controls.css';
import './options.css';

// The language setting decides the catalog before the first render; a database that cannot be read
// still gets a page, in the browser's language.
const language = getSettings(db())
  .then((settings) => settings.language)
  .catch(() => 'auto' as const);

void boot('options_title', () => <App />, language);

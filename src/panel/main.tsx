import { db } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { reloadOnVersionChange } from '../db/versionChange.ts';
import { boot } from '../ui/components/boot.tsx';
import { PanelApp } from './PanelApp.tsx';

// The user's language setting decides the catalog before the first render (a database that cannot be read
// still gets a panel, in the browser's language). Reading it also opens the database early, so the badge's
// first read finds it open.
const language = getSettings(db())
  .then((settings) => settings.language)
  .catch(() => 'auto' as const);

// An extension update that upgrades the schema must not wait on this page, nor run under its old code.
reloadOnVersionChange(db());
void boot('panel_title', () => <PanelApp />, language);

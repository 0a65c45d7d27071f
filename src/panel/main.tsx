import { db } from '../db/database.ts';
import { getSettings } from '../db/meta.ts';
import { boot } from '../ui/boot.tsx';
import { PanelApp } from './PanelApp.tsx';
import { currentTabId } from './tabLink.ts';

// The user's language setting decides the catalog before the first render (a database that cannot be read
// still gets a panel, in the browser's language). Reading it also opens the database early, alongside finding
// the tab, so the badge's first read finds it open.
const language = getSettings(db())
  .then((settings) => settings.language)
  .catch(() => 'auto' as const);

// The panel only makes sense inside a tab (the frame the content script mounts); opened any other way it
// has no profile to show and stays empty.
void currentTabId().then((tabId) => {
  if (tabId !== null) void boot('panel_title', () => <PanelApp tabId={tabId} />, language);
});

import { db } from '../db/database.ts';
import { boot } from '../ui/boot.tsx';
import { PanelApp } from './PanelApp.tsx';
import { currentTabId } from './tabLink.ts';

// Opening the database takes a while in a fresh frame: start it now, alongside finding the tab and the
// language, so the badge's first read finds it open.
void db()
  .open()
  .catch(() => undefined);

// The panel only makes sense inside a tab (the frame the content script mounts); opened any other way it
// has no profile to show and stays empty.
void currentTabId().then((tabId) => {
  if (tabId !== null) void boot('panel_title', () => <PanelApp tabId={tabId} />);
});

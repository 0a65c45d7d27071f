// Content script: finds the profile on the page (through the sites registry), shows the badge, mounts the panel
// frame when the user opens it, and tells the worker what the tab shows. It never touches IndexedDB (that would
// be the page's database) and never sees notes. The badge's few private words (stage, flag count) come from the
// worker and are shown so the page cannot read them (see badge.ts); everything else lives in the
// extension-origin frame.
import { page } from './page.ts';
import { connect } from './runtime.ts';
import { runContentScript } from './script.ts';

// One instance per page: the manifest entry and a registered script (for a site granted later) can both match,
// and they would share this isolated world, where the page cannot plant or remove the flag. Only `true` counts:
// an element with that id would show through as a named property.
const world = globalThis as { __trustNotesContent?: unknown };
if (world.__trustNotesContent !== true) {
  world.__trustNotesContent = true;
  // The script runs at document_start, before the page has any element: named elements (`<form id="chrome">`)
  // would shadow the extension API's globals in this world too, so it is taken now. The work starts once the
  // document is parsed.
  const link = connect();
  if (link) {
    if (page.readyState === 'loading') {
      page.addEventListener('DOMContentLoaded', () => runContentScript(link), { once: true });
    } else {
      runContentScript(link);
    }
  }
}

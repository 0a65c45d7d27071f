// The options page's early script: a classic `async` script, built on its own with no imports left (see
// `classicScript` in vite.config.ts). It runs as soon as its one file has loaded, before the page's module
// graph is fetched, and opens the extension's database so that the browser has its files open by the time
// Dexie asks (measured on the popup, before it had its own early read: interactive ~20–70 ms sooner).
import { DB_NAME } from '../db/schema.ts';

/**
 * Opens `name` and lets go after `holdMs`. It never creates the database (the first open by Dexie does, at
 * its own version), and it steps aside for any version change, so it never holds up an upgrade.
 */
function warmDatabase(name: string, holdMs: number): void {
  const request = indexedDB.open(name);
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onsuccess = () => {
    const connection = request.result;
    connection.onversionchange = () => connection.close();
    setTimeout(() => connection.close(), holdMs);
  };
  // The abort above fails the open; that is expected, not an error to report.
  request.onerror = (event) => event.preventDefault();
}

warmDatabase(DB_NAME, 2000);

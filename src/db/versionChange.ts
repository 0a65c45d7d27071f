import type { Dexie } from 'dexie';

/**
 * Makes an extension page step aside when a newer version of the extension upgrades the database.
 *
 * The upgrade (a higher schema version opened by the new code) fires `versionchange` on every
 * connection still open on the old version and waits, `blocked`, until they are all closed. A page
 * running the old code cannot use the upgraded database anyway, so it closes its connection at once,
 * which lets the upgrade go ahead, and reloads, which loads the new code and reopens the database on
 * the new version. Everything is in IndexedDB, so the reload loses nothing that was saved.
 *
 * Pages only: the background is replaced as a whole when the extension updates, and Dexie's own
 * default (close, reopen on next use) is right there.
 */
export function reloadOnVersionChange(database: Dexie, reload: () => void = () => location.reload()): void {
  database.on('versionchange', () => {
    // Not Dexie's default close, after which the next query quietly reopens the upgraded database
    // with this page's old code, which would then write rows in the old shape that the upgrade
    // never converted. This connection is finished.
    database.close({ disableAutoOpen: true });
    reload();
    // Later subscribers run first in Dexie's event chain; false skips the default handler.
    return false;
  });
}

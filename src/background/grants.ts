// What the user has granted now: the sites and Mastodon instances, read from permissions.getAll() by exact
// pattern (core/sites/instances.ts), less sync's server, granted in the same shape as an instance
// (sync/serverGrant.ts). Every sender check needs the instances, so the answer is kept until a permission or the
// sync server changes; a worker that was stopped asks again on its first message.
import browser from 'webextension-polyfill';
import { grantsFrom, type SiteGrants } from '../core/sites/instances.ts';
import { syncServerPermission } from '../sync/serverGrant.ts';

let current: Promise<SiteGrants> | undefined;

export function currentGrants(): Promise<SiteGrants> {
  current ??= Promise.all([browser.permissions.getAll(), syncServerPermission()]).then(
    ([{ origins = [] }, server]) => grantsFrom(origins, server ? [server] : []),
    (error: unknown) => {
      current = undefined;
      throw error;
    },
  );
  return current;
}

/** permissions.onAdded / onRemoved, and the sync server recorded or forgotten: the next question reads them again. */
export function grantsChanged(): void {
  current = undefined;
}

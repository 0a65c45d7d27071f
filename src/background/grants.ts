// What the user has granted now: the sites and Mastodon instances, read from permissions.getAll() by exact
// pattern (core/sites/instances.ts). Every sender check needs the instances, so the answer is kept until a
// permission changes; a worker that was stopped asks again on its first message.
import browser from 'webextension-polyfill';
import { grantsFrom, type SiteGrants } from '../core/sites/instances.ts';

let current: Promise<SiteGrants> | undefined;

export function currentGrants(): Promise<SiteGrants> {
  current ??= browser.permissions.getAll().then(
    ({ origins = [] }) => grantsFrom(origins),
    (error: unknown) => {
      current = undefined;
      throw error;
    },
  );
  return current;
}

/** permissions.onAdded / onRemoved: the next question reads the grants again. */
export function grantsChanged(): void {
  current = undefined;
}

// The host permission sync's server is granted under, kept in storage.local. An https server is granted as
// `https://<host>/*`, exactly as a Mastodon instance is (core/sites/instances.ts), and the grants are read by pattern
// from permissions.getAll(): without this record the worker would take the sync server for an instance and run the
// content script on it. The Sync view records it as it asks for the permission, so it is there before the grant
// arrives, and forgets it once the permission is given back; the worker reads the grants again when it changes.
import browser from 'webextension-polyfill';

export const SYNC_SERVER_KEY = 'syncServerPermission';

/** The sync server's host permission, when one was asked for and not given back. */
export async function syncServerPermission(): Promise<string | undefined> {
  const value = (await browser.storage.local.get(SYNC_SERVER_KEY))[SYNC_SERVER_KEY];
  return typeof value === 'string' ? value : undefined;
}

export async function recordSyncServer(permission: string): Promise<void> {
  await browser.storage.local.set({ [SYNC_SERVER_KEY]: permission });
}

export async function forgetSyncServer(): Promise<void> {
  await browser.storage.local.remove(SYNC_SERVER_KEY);
}

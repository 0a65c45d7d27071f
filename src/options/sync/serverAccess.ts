// The permissions sync asks for when the user sets it up: the server's origin, and in Firefox the optional data
// collection the manifest declares (sync sends the ledger, encrypted, to the user's server). Called first thing in the
// click handler: browsers grant a prompt only while the click is still being handled.
import browser from 'webextension-polyfill';
import { forgetSyncServer, recordSyncServer } from '../../sync/serverGrant.ts';

interface GeckoManifest {
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { optional?: string[] } } };
}

/** Firefox's optional data collection, from the manifest this build carries (Chrome's has none). */
function dataCollection(): string[] {
  const manifest = browser.runtime.getManifest() as GeckoManifest;
  return manifest.browser_specific_settings?.gecko?.data_collection_permissions?.optional ?? [];
}

export function requestServerAccess(permission: string): Promise<boolean> {
  const data = dataCollection();
  const request = { origins: [permission], ...(data.length > 0 ? { data_collection: data } : {}) };
  const asked = browser.permissions.request(request as browser.Permissions.Permissions).catch(() => false);
  // Recorded while the browser asks, before the grant arrives: an https server's grant has the shape of a Mastodon
  // instance's, and the worker must never take it for one (sync/serverGrant.ts).
  const recorded = recordSyncServer(permission);
  return Promise.all([asked, recorded]).then(([granted]) => granted);
}

/**
 * After "Stop syncing": the server's origin is no longer needed (nor, in Firefox, the data collection). The record
 * that it is sync's goes only once the grant has: a grant left behind must still not count as an instance.
 */
export async function releaseServerAccess(permission: string): Promise<void> {
  const data = dataCollection();
  const request = { origins: [permission], ...(data.length > 0 ? { data_collection: data } : {}) };
  const removed = await browser.permissions
    .remove(request as browser.Permissions.Permissions)
    .catch(() => false);
  if (removed) await forgetSyncServer();
}

/** Setup given up before the grant (the user said no): the address asked for is nobody's server. */
export async function serverAccessRefused(): Promise<void> {
  await forgetSyncServer();
}

// The permissions sync asks for when the user sets it up: the server's origin, and in Firefox the optional data
// collection the manifest declares (sync sends the ledger, encrypted, to the user's server). Called first thing in the
// click handler: browsers grant a prompt only while the click is still being handled.
import browser from 'webextension-polyfill';

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
  return browser.permissions.request(request as browser.Permissions.Permissions).catch(() => false);
}

/** After "Stop syncing": the server's origin is no longer needed (nor, in Firefox, the data collection). */
export function releaseServerAccess(permission: string): Promise<unknown> {
  const data = dataCollection();
  const request = { origins: [permission], ...(data.length > 0 ? { data_collection: data } : {}) };
  return browser.permissions.remove(request as browser.Permissions.Permissions).catch(() => false);
}

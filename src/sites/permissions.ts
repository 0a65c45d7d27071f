// The page side of optional sites, for the options page and the popup ("Enable Trust Notes on github.com").
// Granting is the browser's permission prompt; the worker reacts to permissions.onAdded/onRemoved and
// (un)registers the content script, so no reload is needed.
import browser from 'webextension-polyfill';
import type { Site } from '../core/types.ts';
import { optionalSites } from './index.ts';

function originsOf(site: Site): string[] {
  const found = optionalSites().find((s) => s.site === site);
  if (!found) throw new RangeError(`${site} is not an optional site`);
  return found.matches;
}

/**
 * Asks the user to grant the site. Call it straight from a click handler: browsers only show the prompt
 * during a user gesture (Firefox: before any await).
 */
export function enableSite(site: Site): Promise<boolean> {
  return browser.permissions.request({ origins: originsOf(site) });
}

export function disableSite(site: Site): Promise<boolean> {
  return browser.permissions.remove({ origins: originsOf(site) });
}

export function isSiteEnabled(site: Site): Promise<boolean> {
  return browser.permissions.contains({ origins: originsOf(site) });
}

// The worker side of optional sites: the content script runs on a site beyond LinkedIn only while the user has
// granted its host permission. Registered at every worker start and on permissions.onAdded/onRemoved, so a
// grant from the options page or the popup takes effect without reloading the extension.
import browser from 'webextension-polyfill';
import { optionalSites } from '../core/sites/index.ts';
import type { Site } from '../core/types.ts';

const ID_PREFIX = 'trust-notes-site-';

export const scriptId = (site: Site): string => `${ID_PREFIX}${site}`;

/** What to change so that exactly the granted sites have a registered content script. */
export function planSiteScripts(
  granted: readonly Site[],
  registeredIds: readonly string[],
): { register: Site[]; unregister: string[] } {
  const wanted = new Set(granted.map(scriptId));
  const ours = registeredIds.filter((id) => id.startsWith(ID_PREFIX));
  const have = new Set(ours);
  return {
    register: granted.filter((site) => !have.has(scriptId(site))),
    unregister: ours.filter((id) => !wanted.has(id)),
  };
}

/** The optional sites whose every host pattern is granted. */
export async function grantedSites(): Promise<Site[]> {
  const sites = optionalSites();
  const granted = await Promise.all(
    sites.map(({ matches }) => browser.permissions.contains({ origins: matches })),
  );
  return sites.filter((_, i) => granted[i]).map(({ site }) => site);
}

/**
 * A path from the manifest as registerContentScripts and executeScript take it: relative to the extension
 * root. Firefox's getManifest() hands content script paths back resolved to full moz-extension:// URLs,
 * which both refuse there ("must be a relative URL"); Chrome hands them back as written.
 */
export function extensionRelative(file: string, root: string): string {
  return file.startsWith(root) ? file.slice(root.length) : file;
}

/** The built content script, as the manifest's own (LinkedIn) entry names it. */
function contentScriptFiles(): string[] {
  const root = browser.runtime.getURL('');
  return (browser.runtime.getManifest().content_scripts?.[0]?.js ?? []).map((file) =>
    extensionRelative(file, root),
  );
}

async function sync(): Promise<Site[]> {
  const [granted, registered] = await Promise.all([
    grantedSites(),
    browser.scripting.getRegisteredContentScripts(),
  ]);
  const plan = planSiteScripts(
    granted,
    registered.map((script) => script.id),
  );
  if (plan.unregister.length) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  const js = contentScriptFiles();
  const matchesOf = new Map(optionalSites().map(({ site, matches }) => [site, matches]));
  if (plan.register.length && js.length) {
    await browser.scripting.registerContentScripts(
      plan.register.map((site) => ({
        id: scriptId(site),
        matches: matchesOf.get(site) ?? [],
        js,
        // As the manifest's entry: the script takes the extension API before the page has any element that
        // could shadow it (content/index.ts).
        runAt: 'document_start' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  return plan.register;
}

// onAdded and a worker start can overlap; registering the same id twice is an error, so syncs run one by one.
let queue: Promise<unknown> = Promise.resolve();

/** Brings the registered content scripts in line with the granted permissions; returns newly enabled sites. */
export function syncSiteScripts(): Promise<Site[]> {
  const next = queue.then(sync, sync);
  queue = next.catch(() => undefined);
  return next;
}

/** Newly granted sites also get the content script in tabs already open on them. */
export async function injectIntoOpenTabs(sites: readonly Site[]): Promise<void> {
  const js = contentScriptFiles();
  const matchesOf = new Map(optionalSites().map(({ site, matches }) => [site, matches]));
  for (const site of sites) {
    const tabs = await browser.tabs.query({ url: matchesOf.get(site) ?? [] });
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : browser.scripting.executeScript({ target: { tabId: tab.id }, files: js }).catch(() => undefined),
      ),
    );
  }
}

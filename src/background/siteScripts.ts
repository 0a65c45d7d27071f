// The worker side of optional sites: the content script runs on a site beyond LinkedIn only while the user has
// granted its host permission, and on a Mastodon instance only while that instance is granted. Registered at
// every worker start and on permissions.onAdded/onRemoved, so a grant from the options page or the popup takes
// effect without reloading the extension.
import browser from 'webextension-polyfill';
import { descriptorOf, INSTANCE_SITE } from '../core/sites/index.ts';
import { instanceOrigin, type SiteGrants } from '../core/sites/instances.ts';
import type { Site } from '../core/types.ts';
import { currentGrants } from './grants.ts';

const ID_PREFIX = 'trust-notes-site-';

export const scriptId = (site: Site): string => `${ID_PREFIX}${site}`;

/** One registered content script: a site, and exactly the patterns granted for it. */
export interface SiteScript {
  id: string;
  matches: string[];
}

/**
 * The scripts the grants call for: each granted site with its own patterns (LinkedIn has the manifest's), and
 * Mastodon with one `https://<host>/*` per granted instance, and no other host.
 */
export function wantedScripts(grants: SiteGrants): SiteScript[] {
  const scripts = grants.sites
    .filter((site) => !descriptorOf(site).grantedAtInstall)
    .map((site) => ({ id: scriptId(site), matches: [...descriptorOf(site).matches] }));
  if (INSTANCE_SITE && grants.instances.length > 0) {
    scripts.push({ id: scriptId(INSTANCE_SITE), matches: grants.instances.map(instanceOrigin) });
  }
  return scripts;
}

function samePatterns(a: readonly string[] = [], b: readonly string[] = []): boolean {
  const [x, y] = [[...a].sort(), [...b].sort()];
  return x.length === y.length && x.every((pattern, i) => pattern === y[i]);
}

/**
 * What to change so that the registered scripts are exactly `wanted`: ours that are no longer wanted or cover
 * other patterns go, and wanted ones not registered as they should be come (a changed one is both).
 */
export function planSiteScripts(
  wanted: readonly SiteScript[],
  registered: ReadonlyArray<{ id: string; matches?: string[] }>,
): { register: SiteScript[]; unregister: string[] } {
  const ours = registered.filter((script) => script.id.startsWith(ID_PREFIX));
  const keep = new Set(
    ours
      .filter((script) => wanted.some((w) => w.id === script.id && samePatterns(w.matches, script.matches)))
      .map((script) => script.id),
  );
  return {
    register: wanted.filter((script) => !keep.has(script.id)),
    unregister: ours.filter((script) => !keep.has(script.id)).map((script) => script.id),
  };
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

/** Registers the planned scripts; returns the patterns that no script of ours covered before. */
async function sync(): Promise<string[]> {
  const [grants, registered] = await Promise.all([
    currentGrants(),
    browser.scripting.getRegisteredContentScripts(),
  ]);
  const plan = planSiteScripts(wantedScripts(grants), registered);
  if (plan.unregister.length) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  const js = contentScriptFiles();
  if (plan.register.length && js.length) {
    await browser.scripting.registerContentScripts(
      plan.register.map(({ id, matches }) => ({
        id,
        matches,
        js,
        // As the manifest's entry: the script takes the extension API before the page has any element that
        // could shadow it (content/index.ts).
        runAt: 'document_start' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  const before = new Set(registered.flatMap((script) => script.matches ?? []));
  return plan.register.flatMap(({ matches }) => matches).filter((pattern) => !before.has(pattern));
}

// onAdded and a worker start can overlap; registering the same id twice is an error, so syncs run one by one.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Brings the registered content scripts in line with the granted permissions; returns the patterns newly
 * covered (a site just granted, an instance just added).
 */
export function syncSiteScripts(): Promise<string[]> {
  const next = queue.then(sync, sync);
  queue = next.catch(() => undefined);
  return next;
}

/** Tabs already open where a script was just registered get it now too. */
export async function injectIntoOpenTabs(patterns: readonly string[]): Promise<void> {
  if (patterns.length === 0) return;
  const js = contentScriptFiles();
  const tabs = await browser.tabs.query({ url: [...patterns] });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files: js }).catch(() => undefined),
    ),
  );
}

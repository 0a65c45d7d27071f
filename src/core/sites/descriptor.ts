// What a site is, as plain data and pure URL rules: the one place that knows a site's hosts, its profile
// paths and reserved words, its canonical profile address and the URLs that test them. Reading a page's DOM
// is src/sites/'s job; everything here also runs in the worker, the options page and the build.

export interface SiteDescriptor {
  /**
   * WebExtension match patterns (https only): the host permission asked for, where the content script runs,
   * and which site a page belongs to. None for a site on hosts the user names (`onInstances`).
   */
  readonly matches: readonly string[];
  /**
   * The site lives on servers the user names (Mastodon: any server can be an instance). Each instance is asked
   * for, granted and scripted as its own `https://<host>/*` (core/sites/instances.ts), never as a pattern
   * covering every host: browsers ignore a host permission's path, so `https://*\/@*` was every https site.
   */
  readonly onInstances?: true;
  /** Granted at install (the manifest's host permission and content script); every other site is optional. */
  readonly grantedAtInstall?: true;
  /**
   * The raw handle of the profile `url` names on this site, or null. Checks the host itself, for http and
   * https alike (typed and imported addresses use both); the result is normalised by core/identity.
   */
  handleFromUrl(url: URL): string | null;
  /**
   * Whether the URL alone names a profile. False for Mastodon: any server can be an instance, so the page
   * must also say it is one.
   */
  readonly urlIdentifies: boolean;
  /**
   * The one host whose pages speak for this handle, where the URL rules accept others (Mastodon: the handle's own
   * instance; any instance can show `/@user@instance`). Absent: every page the URL rules accept is the site's own.
   */
  homeHost?(handle: string): string | null;
  /** Handles written with a leading @ in prose and in paths (X, Mastodon); the key drops it. */
  readonly atPrefixed?: true;
  /** The canonical address of the profile with this normalised handle; null when it has none. */
  profileUrl(handle: string): string | null;
  /** Addresses with the normalised handle they name, and addresses that name no profile. */
  readonly testUrls: {
    readonly profile: ReadonlyArray<readonly [url: string, handle: string]>;
    readonly notProfile: readonly string[];
  };
}

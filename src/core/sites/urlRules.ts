// The small URL vocabulary the site descriptors share: path segments, host names, reserved words.

/** decodeURIComponent that never throws: a malformed escape is kept as written, the valid ones around it decoded. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

export const pathSegments = (url: URL): string[] => url.pathname.split('/').filter(Boolean);

/** The host without a trailing dot (`www.linkedin.com.` is the same host). */
export const hostOf = (url: URL): string => url.hostname.replace(/\.$/, '');

/** Is the URL's host one of `names`, or its `www.` form? */
export const hostIs = (url: URL, ...names: string[]): boolean => {
  const host = hostOf(url);
  return names.some((name) => host === name || host === `www.${name}`);
};

export const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

const NONE: ReadonlySet<string> = new Set();

/**
 * The first path segment as an account, on a site with `/<user>` profiles and optional `/<user>/<tab>` tabs:
 * null when it is one of the site's own pages (`reserved`), not a valid name, or followed by anything else.
 */
export function userAtRoot(
  segs: readonly string[],
  valid: RegExp,
  reserved: ReadonlySet<string>,
  tabs: ReadonlySet<string> = NONE,
): string | null {
  const [user, tab, ...rest] = segs;
  if (!user || !valid.test(user) || reserved.has(user.toLowerCase()) || rest.length) return null;
  if (tab !== undefined && !tabs.has(tab.toLowerCase())) return null;
  return user;
}

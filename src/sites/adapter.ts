import { makeProfileKey, profileFromUrl, profileUrl } from '../core/identity.ts';
import type { ProfileSnapshot, Site } from '../core/types.ts';

export interface SiteAdapter {
  site: Site;
  /** Match patterns, for manifest content_scripts / optional_host_permissions / scripting.registerContentScripts. */
  matches: string[];
  /** Test URLs carried with the adapter: positive (with expected normalised handle) and negative. */
  testUrls: { profile: Array<[url: string, handle: string]>; notProfile: string[] };
  /** Is this document a profile page? Pure URL check for most sites; Mastodon looks at the page. */
  detect(url: URL, doc: Document): { handle: string } | null;
  /**
   * Reads the profile. Every string is untrusted page data: returns plain trimmed text, never HTML.
   * Null when the page is not a profile, or still shows the previous profile after a single-page navigation.
   */
  read(url: URL, doc: Document): ProfileSnapshot | null;
  /** Selector(s) for the element whose appearance means the profile has rendered (the name). */
  readySelector: string;
}

export type ProfileFields = Pick<ProfileSnapshot, 'name' | 'headline' | 'location' | 'photoUrl'>;

interface AdapterSpec extends Omit<SiteAdapter, 'read' | 'detect'> {
  /** Defaults to the URL rules of core/identity. */
  detect?: SiteAdapter['detect'];
  /** The visible fields, or null when the rendered profile belongs to someone other than `handle`. */
  fields(doc: Document, url: URL, handle: string): ProfileFields | null;
}

/** URL-only detection through core/identity, the one place that knows each site's profile paths. */
export function detectByUrl(site: Site): SiteAdapter['detect'] {
  return (url) => {
    const found = profileFromUrl(url);
    return found?.site === site ? { handle: found.handle } : null;
  };
}

export function defineAdapter(spec: AdapterSpec): SiteAdapter {
  const { fields, ...rest } = spec;
  const detect = spec.detect ?? detectByUrl(spec.site);
  return {
    ...rest,
    detect,
    read(url, doc) {
      const found = detect(url, doc);
      const seen = found && fields(doc, url, found.handle);
      if (!found || !seen) return null;
      const key = makeProfileKey(spec.site, found.handle);
      const snapshot: ProfileSnapshot = {
        site: spec.site,
        key,
        handle: found.handle,
        url: profileUrl(key) ?? url.href,
      };
      for (const field of ['name', 'headline', 'location', 'photoUrl'] as const) {
        const value = seen[field];
        if (value) snapshot[field] = value;
      }
      return snapshot;
    },
  };
}

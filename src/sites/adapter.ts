import { profileOnSite } from '../core/identity.ts';
import { descriptorOf, type SiteDescriptor } from '../core/sites/index.ts';
import type { ProfileSnapshot, Site } from '../core/types.ts';

export type ProfileFields = Pick<ProfileSnapshot, 'name' | 'headline' | 'location' | 'photoUrl'>;

/** How a site's pages are read: the DOM half of a site, beside its pure descriptor in core/sites/. */
export interface SiteReader {
  /**
   * Whether the page itself agrees it is a person's profile, where the URL shape alone is not enough: a GitHub
   * organisation, a GitLab group, a `/@user` page that is not Mastodon. Absent: the URL decides.
   */
  isProfilePage?(doc: Document): boolean;
  /** Selector(s) for the element whose appearance means the profile has rendered (the name). */
  readySelector: string;
  /** The visible fields, or null when the rendered profile belongs to someone other than `handle`. */
  fields(doc: Document, url: URL, handle: string): ProfileFields | null;
}

/** A site as the content script uses it: its descriptor's URL rules and its reader's DOM rules. */
export interface SiteAdapter {
  site: Site;
  descriptor: SiteDescriptor;
  /** Is this document a profile page? The URL rules, and the page's word where the site needs it. */
  detect(url: URL, doc: Document): { handle: string } | null;
  /**
   * Reads the profile. Every string is untrusted page data: returns plain trimmed text, never HTML.
   * Null when the page is not a profile, or still shows the previous profile after a single-page navigation.
   */
  read(url: URL, doc: Document): ProfileSnapshot | null;
  readySelector: string;
}

export function siteAdapter(site: Site, reader: SiteReader): SiteAdapter {
  const descriptor = descriptorOf(site);
  const detect: SiteAdapter['detect'] = (url, doc) => {
    if (reader.isProfilePage && !reader.isProfilePage(doc)) return null;
    const found = profileOnSite(site, url);
    return found ? { handle: found.handle } : null;
  };
  return {
    site,
    descriptor,
    detect,
    readySelector: reader.readySelector,
    read(url, doc) {
      const found = detect(url, doc);
      const seen = found && reader.fields(doc, url, found.handle);
      if (!found || !seen) return null;
      const snapshot: ProfileSnapshot = {
        site,
        key: `${site}:${found.handle}`,
        handle: found.handle,
        url: descriptor.profileUrl(found.handle) ?? url.href,
      };
      for (const field of ['name', 'headline', 'location', 'photoUrl'] as const) {
        const value = seen[field];
        if (value) snapshot[field] = value;
      }
      return snapshot;
    },
  };
}

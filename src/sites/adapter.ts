import { profileOnSite } from '../core/identity.ts';
import { descriptorOf, type SiteDescriptor } from '../core/sites/index.ts';
import type { PageField, ProfileSnapshot, Site } from '../core/types.ts';
import { type FieldTable, type ReadContext, readFields } from './strategies.ts';

/** How a site's pages are read: the DOM half of a site, beside its pure descriptor in core/sites/. */
export interface SiteReader {
  /**
   * Whether the page itself agrees it is a person's profile, where the URL shape alone is not enough: a GitHub
   * organisation, a GitLab group, a `/@user` page that is not Mastodon. Absent: the URL decides.
   */
  isProfilePage?(doc: Document): boolean;
  /**
   * The element holding the profile's fields (a top card, a header), found by structure; null until the page has
   * rendered the profile. Its appearance, and any change in it, is when the page is read.
   */
  card(doc: Document): Element | null;
  /**
   * Whether the rendered card belongs to another profile than `handle`: after an in-app navigation the page may
   * show the previous person for a while under the new URL.
   */
  showsAnotherProfile?(card: Element, url: URL, handle: string): boolean;
  /** One ranked list of strategies per field (./strategies.ts). */
  fields: FieldTable;
  /** The fields this site always shows: one the page would not give is worth telling the user about. */
  expected: readonly PageField[];
}

/** A site as the content script uses it: its descriptor's URL rules and its reader's DOM rules. */
export interface SiteAdapter {
  site: Site;
  descriptor: SiteDescriptor;
  reader: SiteReader;
  /** Is this document a profile page? The URL rules, and the page's word where the site needs it. */
  detect(url: URL, doc: Document): { handle: string } | null;
  /**
   * Reads the profile. Every string is untrusted page data: plain trimmed text, never HTML. Null when the page is
   * not a profile, or still shows another profile after a single-page navigation. `stale`: what the previous
   * profile's page said, which page-wide sources (the title) may still say.
   */
  read(url: URL, doc: Document, stale?: ReadonlySet<string>): ProfileSnapshot | null;
}

const NOTHING: ReadonlySet<string> = new Set();

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
    reader,
    detect,
    read(url, doc, stale = NOTHING) {
      const found = detect(url, doc);
      if (!found) return null;
      const card = reader.card(doc);
      if (card && reader.showsAnotherProfile?.(card, url, found.handle)) return null;
      const ctx: ReadContext = { doc, url, handle: found.handle, card, stale, memo: new Map() };
      const { values, reading } = readFields(reader.fields, ctx, reader.expected);
      const snapshot: ProfileSnapshot = {
        site,
        key: `${site}:${found.handle}`,
        handle: found.handle,
        url: descriptor.profileUrl(found.handle) ?? url.href,
      };
      if (values.name) snapshot.name = values.name;
      if (values.headline) snapshot.headline = values.headline;
      if (values.location) snapshot.location = values.location;
      if (values.photo) snapshot.photoUrl = values.photo;
      snapshot.reading = reading;
      return snapshot;
    },
  };
}

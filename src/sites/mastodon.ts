import type { SiteReader } from './adapter.ts';
import { firstImageUrl, firstText, textOf } from './page-text.ts';

/**
 * Any server can be a Mastodon instance, so the page must say it is one. `profile:username` alone is not enough
 * (other sites with `/@user` paths use it too) unless it is a fediverse `user@domain` address.
 */
function isMastodonPage(doc: Document): boolean {
  if (
    doc.querySelector('#mastodon, body.app-body, link[rel="alternate"][type="application/activity+json"]')
  ) {
    return true;
  }
  const username = doc.querySelector('meta[property="profile:username"]')?.getAttribute('content') ?? '';
  return /^@?[\w.-]+@[\w.-]+\.\w+$/.test(username.trim());
}

const HEADER = ['.account__header', '.public-account-header'];

export const mastodon = {
  readySelector: '.account__header__tabs__name h1, .public-account-header__tabs__name h1',
  isProfilePage: isMastodonPage,
  fields(doc, url, handle) {
    const header = HEADER.map((s) => doc.querySelector(s)).find(Boolean) ?? doc;
    const title = header.querySelector(
      '.account__header__tabs__name h1, .public-account-header__tabs__name h1',
    );
    // The header prints `@user@domain`; after in-app navigation it may still show the previous account.
    const [shownUser, shownDomain] =
      textOf(title?.querySelector('small')).split(/\s/, 1)[0]?.split('@').slice(1) ?? [];
    if (shownUser) {
      const [user, domain] = handle.split('@');
      // A local account's domain may differ from the web host (LOCAL_DOMAIN vs WEB_DOMAIN): compare the user only.
      const local = domain === url.hostname;
      if (shownUser.toLowerCase() !== user || (!local && shownDomain && shownDomain.toLowerCase() !== domain))
        return null;
    }
    return {
      name: textOf(title?.querySelector(':scope > span')) || firstText(header, ['.display-name__html']),
      headline: firstText(header, ['.account__header__content', '.public-account-bio']),
      photoUrl: firstImageUrl(header, ['.account__avatar img', '.avatar img'], url),
    };
  },
} satisfies SiteReader;

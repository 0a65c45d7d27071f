import { mastodonHandleFromUrl } from '../core/identity.ts';
import { defineAdapter } from './adapter.ts';
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

export const mastodon = defineAdapter({
  site: 'mastodon',
  // Every instance: the options page asks for this host permission only when the user enables Mastodon.
  matches: ['https://*/@*'],
  testUrls: {
    profile: [
      ['https://mastodon.social/@jane', 'jane@mastodon.social'],
      ['https://mastodon.social/@Jane/', 'jane@mastodon.social'],
      ['https://fosstodon.org/@jane@mastodon.social', 'jane@mastodon.social'],
      ['https://fosstodon.org/@jane@Mastodon.Social/with_replies', 'jane@mastodon.social'],
      ['https://hachyderm.io/@jane_doe/media', 'jane_doe@hachyderm.io'],
      ['https://mastodon.social/@jane?lang=ar', 'jane@mastodon.social'],
    ],
    notProfile: [
      'https://mastodon.social/',
      'https://mastodon.social/home',
      'https://mastodon.social/explore',
      'https://mastodon.social/@jane/112233445566778899',
      'https://mastodon.social/@jane/112233445566778899/reblogs',
      'https://mastodon.social/@',
      'https://mastodon.social/@jane@',
      'https://mastodon.social/users/jane',
      'https://mastodon.social/tags/trust',
      'https://mastodon.social/@jane/followers',
    ],
  },
  readySelector: '.account__header__tabs__name h1, .public-account-header__tabs__name h1',
  detect(url, doc) {
    const handle = isMastodonPage(doc) ? mastodonHandleFromUrl(url) : null;
    return handle ? { handle } : null;
  },
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
});

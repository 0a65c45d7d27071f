import type { SiteReader } from './adapter.ts';
import { cleanText, textOf } from './page-text.ts';
import { beforeSuffix, imageAt, metaAt, type Strategy, slugName, textAt, titleName } from './strategies.ts';

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

/** The header's name heading, in the 4.x web app and the 3.x public page. */
const TITLE = '.account__header__tabs__name h1, .public-account-header__tabs__name h1';

/** The display name: the heading without the `@user@domain` it also prints (and custom emoji images). */
const headerName: Strategy = {
  id: 'heading',
  read(ctx) {
    const title = ctx.card?.querySelector(TITLE);
    const span = title?.querySelector(':scope > span');
    if (span) return textOf(span) || undefined;
    if (!title) return undefined;
    const copy = title.cloneNode(true) as Element;
    for (const small of Array.from(copy.querySelectorAll('small'))) small.remove();
    return cleanText(textOf(copy)) || undefined;
  },
};

// "Jane Doe (@jane@mastodon.social) - Mastodon"
const withoutHandle = (text: string) => beforeSuffix(text, / \(@[\w.-]+@[\w.-]+\)(?: - .*)?$/);

export const mastodon = {
  isProfilePage: isMastodonPage,
  card: (doc) => doc.querySelector('.account__header, .public-account-header'),
  showsAnotherProfile(card, url, handle) {
    // The header prints `@user@domain`; after in-app navigation it may still show the previous account.
    const small = textOf(card.querySelector(TITLE)?.querySelector('small')).split(/\s/, 1)[0] ?? '';
    const [shownUser, shownDomain] = small.split('@').slice(1);
    if (!shownUser) return false;
    const [user, domain] = handle.split('@');
    // A local account's domain may differ from the web host (LOCAL_DOMAIN vs WEB_DOMAIN): compare the user only.
    const local = domain === url.hostname;
    return (
      shownUser.toLowerCase() !== user || (!local && !!shownDomain && shownDomain.toLowerCase() !== domain)
    );
  },
  expected: ['name'],
  fields: {
    name: [
      headerName,
      textAt('displayName', ['.display-name__html']),
      titleName(withoutHandle),
      metaAt('meta', 'meta[property="og:title"]', withoutHandle),
      slugName,
    ],
    headline: [
      textAt('bio', [
        '.account__header__content',
        '.public-account-bio .account__header__content',
        '.public-account-bio',
      ]),
      metaAt('meta', 'meta[property="og:description"]', (content) => content),
    ],
    location: [],
    photo: [
      imageAt('avatar', ['.account__avatar img', '.avatar img', '#profile_page_avatar']),
      imageAt('meta', ['meta[property="og:image"]'], 'page'),
    ],
  },
} satisfies SiteReader;

import type { SiteReader } from './adapter.ts';
import { cleanText, textOf } from './page-text.ts';
import { beforeSuffix, imageAt, metaAt, type Strategy, slugName, textAt, titleName } from './strategies.ts';

/** The profile header: the 2024 redesign's, or the HAML cover of GitLab 15–16. */
const CARD = '.user-profile-header, .user-profile .profile-header, .cover-block, .user-profile';

/** The name element without the pronouns GitLab prints inside it ("Inès Moreau (she/her)"). */
const nameWithoutPronouns: Strategy = {
  id: 'itemName',
  read(ctx) {
    const el = ctx.card?.querySelector('[itemprop="name"], .cover-title, .user-info h1, h1');
    if (!el) return undefined;
    const copy = el.cloneNode(true) as Element;
    for (const pronouns of Array.from(
      copy.querySelectorAll('[itemprop="pronouns"], .user-pronouns, .gl-text-gray-500'),
    )) {
      pronouns.remove();
    }
    return cleanText(textOf(copy).replace(/\s*\([^()]{1,24}\)$/, '')) || undefined;
  },
};

export const gitlab = {
  isProfilePage(doc) {
    // Groups share the `/<name>` URL shape with users; GitLab names the page's controller on <body data-page>.
    const page = doc.body?.getAttribute('data-page');
    return !page || page.startsWith('users:');
  },
  card: (doc) => doc.querySelector(CARD),
  expected: ['name'],
  fields: {
    name: [
      nameWithoutPronouns,
      titleName((title) => beforeSuffix(title, / · GitLab$/)),
      metaAt('meta', 'meta[property="og:title"]', (content) => (content === 'GitLab' ? null : content)),
      slugName,
    ],
    headline: [
      textAt('bio', ['.profile-user-bio', '.user-profile-bio', '[itemprop="description"]'], 'page'),
      textAt('jobTitle', ['[itemprop="jobTitle"]'], 'page'),
      metaAt('meta', 'meta[property="og:description"]', (content) => content),
    ],
    location: [textAt('locality', ['[itemprop="addressLocality"]', '.user-profile-location'], 'page')],
    photo: [
      imageAt('avatar', [
        'img[itemprop="image"]',
        '.user-image img',
        '.avatar-holder img',
        'a img.gl-avatar',
      ]),
      imageAt('pageAvatar', ['img[itemprop="image"]', '.avatar-holder img'], 'page'),
    ],
  },
} satisfies SiteReader;

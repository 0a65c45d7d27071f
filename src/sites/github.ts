import type { SiteReader } from './adapter.ts';
import { beforeSuffix, imageAt, metaAt, slugName, textAt, titleName } from './strategies.ts';

/** GitHub's profile sidebar: an h-card (schema.org Person) in every generation since 2019. */
const CARD = '.h-card, [itemtype="http://schema.org/Person"], .js-profile-editable-area';

export const github = {
  isProfilePage(doc) {
    // Organisations share the `/<name>` URL shape with people; GitHub tags each page with its subject.
    const subject = doc.querySelector('meta[name="hovercard-subject-tag"]')?.getAttribute('content') ?? '';
    return !subject.startsWith('organization:');
  },
  card: (doc) => doc.querySelector(CARD),
  // Someone with no display name shows only their login: that is their name here, as GitHub shows it.
  expected: ['name'],
  fields: {
    name: [
      textAt('fullName', ['.vcard-names .p-name', '[itemprop="name"]', '.p-name']),
      // "octo-jane (Jane Doe) · GitHub"
      titleName((title) => /^[\w-]+ \((.+)\) · GitHub$/.exec(title)?.[1] ?? null),
      textAt('nickname', ['.p-nickname']),
      slugName,
    ],
    headline: [
      textAt('bio', ['.p-note', '.user-profile-bio']),
      // "Compiler engineer. Rust, LLVM and 🍜 - hana-kobayashi": the bio, then the login.
      metaAt('meta', 'meta[property="og:description"]', (content) => {
        const bio = beforeSuffix(content, / - [\w-]+$/);
        return bio && !/^[\w-]+ has \d+ repositor/.test(bio) ? bio : null;
      }),
    ],
    location: [textAt('homeLocation', ['[itemprop="homeLocation"] .p-label', '[itemprop="homeLocation"]'])],
    photo: [
      imageAt('avatar', [
        'img.avatar-user.width-full',
        '.js-profile-editable-replace img.avatar',
        'a[itemprop="image"]',
      ]),
      imageAt('pageAvatar', ['img.avatar-user.width-full', 'a[itemprop="image"]'], 'page'),
    ],
  },
} satisfies SiteReader;

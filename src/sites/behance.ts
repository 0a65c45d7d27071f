import type { SiteReader } from './adapter.ts';
import { beforeSuffix, imageAt, metaAt, slugName, textAt, titleName } from './strategies.ts';

// Behance's class names are CSS modules whose hash changes with each generation (`ProfileCard-userFullName-3jr`,
// `-ule`, `-f5A`): match their stable prefix. Its own `e2e-Profile-*` test hooks outlive the hashes: tried first.
export const behance = {
  card: (doc) => doc.querySelector('[class*="ProfileCard-root"], [class*="ProfileCard-userInfo"]'),
  expected: ['name'],
  fields: {
    name: [
      textAt('fullName', ['[class*="ProfileCard-userFullName"]', 'h1']),
      titleName((title) => beforeSuffix(title, / on Behance$/)),
      metaAt('meta', 'meta[property="og:title"]', (content) => beforeSuffix(content, / on Behance$/)),
      slugName,
    ],
    headline: [
      textAt('occupation', [
        '.e2e-Profile-occupation',
        '[class*="ProfileCard-occupation"]',
        '[class*="ProfileCard-line"]',
      ]),
    ],
    location: [
      textAt('location', [
        '.e2e-Profile-location',
        '[class*="ProfileCard-userLocation"]',
        '[class*="ProfileCard-anchor"]',
      ]),
    ],
    photo: [
      imageAt('avatar', ['img[class*="AvatarImage-avatarImage"]', '[class*="ProfileCard-avatar"] img']),
    ],
  },
} satisfies SiteReader;

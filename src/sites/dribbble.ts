import type { SiteReader } from './adapter.ts';
import { beforeSuffix, imageAt, metaAt, slugName, textAt, titleName } from './strategies.ts';

// Two generations: the masthead (2019 on) and the classic hCard profile head (`.profile-head.vcard`, `.fn`).
export const dribbble = {
  card: (doc) => doc.querySelector('.profile-masthead, .profile-simple-masthead, .profile-head.vcard'),
  expected: ['name'],
  fields: {
    name: [
      textAt('mastheadName', ['.masthead-profile-name']),
      textAt('hcardName', ['.fn']),
      textAt('heading', ['h1']),
      titleName((title) => beforeSuffix(title, / \| Dribbble$/)),
      metaAt('meta', 'meta[property="og:title"]', (content) => beforeSuffix(content, / \| Dribbble$/)),
      slugName,
    ],
    headline: [textAt('intro', ['.masthead-intro', '.masthead-profile-bio']), textAt('hcardBio', ['.bio'])],
    location: [textAt('locality', ['.masthead-profile-locality', '.locality', '.location'])],
    photo: [imageAt('avatar', ['img.profile-avatar', '.masthead-avatar img', 'img.photo'])],
  },
} satisfies SiteReader;

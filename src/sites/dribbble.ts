import type { SiteReader } from './adapter.ts';
import { beforeSuffix, imageAt, metaAt, slugName, textAt, titleName } from './strategies.ts';

export const dribbble = {
  card: (doc) => doc.querySelector('.profile-masthead, .profile-simple-masthead'),
  expected: ['name'],
  fields: {
    name: [
      textAt('mastheadName', ['.masthead-profile-name', 'h1']),
      titleName((title) => beforeSuffix(title, / \| Dribbble$/)),
      metaAt('meta', 'meta[property="og:title"]', (content) => beforeSuffix(content, / \| Dribbble$/)),
      slugName,
    ],
    headline: [textAt('intro', ['.masthead-intro', '.masthead-profile-bio'])],
    location: [textAt('locality', ['.masthead-profile-locality', '.location'])],
    photo: [imageAt('avatar', ['img.profile-avatar', '.masthead-avatar img'])],
  },
} satisfies SiteReader;

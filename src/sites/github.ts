import type { SiteReader } from './adapter.ts';
import { firstImageUrl, firstText } from './page-text.ts';

const NAME = ['.vcard-names .p-name', '[itemprop="name"]', '.p-name', '.p-nickname'];
const BIO = ['.p-note', '.user-profile-bio'];
const LOCATION = ['[itemprop="homeLocation"] .p-label', '[itemprop="homeLocation"]'];

const AVATAR = [
  'img.avatar-user.width-full',
  '.js-profile-editable-replace img.avatar',
  'a[itemprop="image"]',
];

export const github = {
  readySelector: '.vcard-names, [itemprop="name"], .p-nickname',
  isProfilePage(doc) {
    // Organisations share the `/<name>` URL shape with people; GitHub tags each page with its subject.
    const subject = doc.querySelector('meta[name="hovercard-subject-tag"]')?.getAttribute('content') ?? '';
    return !subject.startsWith('organization:');
  },
  fields(doc, url) {
    return {
      name: firstText(doc, NAME),
      headline: firstText(doc, BIO),
      location: firstText(doc, LOCATION),
      photoUrl: firstImageUrl(doc, AVATAR, url),
    };
  },
} satisfies SiteReader;

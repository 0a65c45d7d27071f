import { defineAdapter, detectByUrl } from './adapter.ts';
import { firstImageUrl, firstText } from './page-text.ts';

const NAME = ['.vcard-names .p-name', '[itemprop="name"]', '.p-name', '.p-nickname'];
const BIO = ['.p-note', '.user-profile-bio'];
const LOCATION = ['[itemprop="homeLocation"] .p-label', '[itemprop="homeLocation"]'];
const byUrl = detectByUrl('github');

const AVATAR = [
  'img.avatar-user.width-full',
  '.js-profile-editable-replace img.avatar',
  'a[itemprop="image"]',
];

export const github = defineAdapter({
  site: 'github',
  matches: ['https://github.com/*'],
  testUrls: {
    profile: [
      ['https://github.com/octo-jane', 'octo-jane'],
      ['https://github.com/Octo-Jane/', 'octo-jane'],
      ['https://www.github.com/octocat', 'octocat'],
      ['http://github.com/octocat', 'octocat'],
      ['https://github.com/octocat?tab=repositories', 'octocat'],
      ['https://github.com/octocat?tab=stars#top', 'octocat'],
      ['https://github.com/a', 'a'],
      ['https://github.com/user123-x', 'user123-x'],
    ],
    notProfile: [
      'https://github.com/',
      'https://github.com/octocat/hello-world',
      'https://github.com/octocat/hello-world/issues/1',
      'https://github.com/orgs/github/people',
      'https://github.com/settings/profile',
      'https://github.com/notifications',
      'https://github.com/explore',
      'https://github.com/marketplace',
      'https://github.com/topics',
      'https://github.com/topics/typescript',
      'https://github.com/features',
      'https://github.com/login',
      'https://github.com/pulls',
      'https://github.com/sponsors/octocat',
      'https://github.com/-leading-hyphen',
      'https://github.com/double--hyphen',
      'https://github.com/robots.txt',
      'https://gist.github.com/octocat',
      'https://github.com.evil.example/octocat',
    ],
  },
  readySelector: '.vcard-names, [itemprop="name"], .p-nickname',
  detect(url, doc) {
    // Organisations share the `/<name>` URL shape with people; GitHub tags each page with its subject.
    const subject = doc.querySelector('meta[name="hovercard-subject-tag"]')?.getAttribute('content') ?? '';
    return subject.startsWith('organization:') ? null : byUrl(url, doc);
  },
  fields(doc, url) {
    return {
      name: firstText(doc, NAME),
      headline: firstText(doc, BIO),
      location: firstText(doc, LOCATION),
      photoUrl: firstImageUrl(doc, AVATAR, url),
    };
  },
});

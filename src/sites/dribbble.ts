import { defineAdapter } from './adapter.ts';
import { firstImageUrl, firstText } from './page-text.ts';

export const dribbble = defineAdapter({
  site: 'dribbble',
  matches: ['https://dribbble.com/*'],
  testUrls: {
    profile: [
      ['https://dribbble.com/janedoe', 'janedoe'],
      ['https://dribbble.com/JaneDoe/', 'janedoe'],
      ['https://www.dribbble.com/jane_doe-design', 'jane_doe-design'],
      ['https://dribbble.com/janedoe/about', 'janedoe'],
      ['https://dribbble.com/janedoe/collections', 'janedoe'],
      ['https://dribbble.com/janedoe/likes', 'janedoe'],
      ['https://dribbble.com/janedoe?utm_source=x', 'janedoe'],
    ],
    notProfile: [
      'https://dribbble.com/',
      'https://dribbble.com/shots',
      'https://dribbble.com/shots/23456789-Banking-app',
      'https://dribbble.com/shots/popular',
      'https://dribbble.com/designers',
      'https://dribbble.com/jobs',
      'https://dribbble.com/tags/logo',
      'https://dribbble.com/search/logo',
      'https://dribbble.com/signup/new',
      'https://dribbble.com/session/new',
      'https://dribbble.com/following',
      'https://dribbble.com/janedoe/projects/1234-case-study',
      'https://dribbble.com/janedoe/unknown',
      'https://dribbble.com.evil.example/janedoe',
    ],
  },
  readySelector: '.masthead-profile-name, .profile-masthead h1',
  fields(doc, url) {
    const head = doc.querySelector('.profile-masthead, .profile-simple-masthead') ?? doc;
    return {
      name: firstText(head, ['.masthead-profile-name', 'h1']),
      headline: firstText(head, ['.masthead-intro', '.masthead-profile-bio']),
      location: firstText(head, ['.masthead-profile-locality', '.location']),
      photoUrl: firstImageUrl(head, ['img.profile-avatar', '.masthead-avatar img'], url),
    };
  },
});

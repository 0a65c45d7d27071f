import { defineAdapter } from './adapter.ts';
import { firstImageUrl, firstText, textOf } from './page-text.ts';

export const stackoverflow = defineAdapter({
  site: 'stackoverflow',
  matches: ['https://stackoverflow.com/*'],
  testUrls: {
    profile: [
      ['https://stackoverflow.com/users/1234567/jane-doe', '1234567'],
      ['https://stackoverflow.com/users/1234567/jane-doe?tab=answers', '1234567'],
      ['https://stackoverflow.com/users/1234567/some-other-display-name', '1234567'],
      ['https://stackoverflow.com/users/1234567', '1234567'],
      ['https://www.stackoverflow.com/users/22656/jon-skeet', '22656'],
      ['http://stackoverflow.com/users/22656/jon-skeet/', '22656'],
    ],
    notProfile: [
      'https://stackoverflow.com/',
      'https://stackoverflow.com/users',
      'https://stackoverflow.com/users?tab=Reputation',
      'https://stackoverflow.com/users/login',
      'https://stackoverflow.com/users/signup',
      'https://stackoverflow.com/users/edit/1234567',
      'https://stackoverflow.com/users/jane-doe',
      'https://stackoverflow.com/questions/11227809/why-is-processing-a-sorted-array-faster',
      'https://stackoverflow.com/tags/typescript',
      'https://ru.stackoverflow.com/users/1234567/jane-doe',
      'https://superuser.com/users/1234567/jane-doe',
    ],
  },
  readySelector: '#mainbar-full .fs-headline2, #user-card .fs-headline2, [itemprop="name"]',
  fields(doc, url) {
    const main = doc.querySelector('#mainbar-full') ?? doc;
    return {
      name: firstText(main, ['.fs-headline2', '[itemprop="name"]', 'h1']),
      headline: firstText(main, ['.fs-title']),
      // The location is the text beside the location pin icon.
      location: textOf(main.querySelector('.iconLocation')?.parentElement) || undefined,
      photoUrl: firstImageUrl(main, ['img.s-avatar--image', '.s-avatar img', 'img.bar-sm'], url),
    };
  },
});

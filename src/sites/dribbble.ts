import type { SiteReader } from './adapter.ts';
import { firstImageUrl, firstText } from './page-text.ts';

export const dribbble = {
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
} satisfies SiteReader;

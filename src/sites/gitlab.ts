import type { SiteReader } from './adapter.ts';
import { firstImageUrl, firstText } from './page-text.ts';

export const gitlab = {
  readySelector: '.user-profile-header h1, .user-info h1, .cover-title, [itemprop="name"]',
  isProfilePage(doc) {
    // Groups share the `/<name>` URL shape with users; GitLab names the page's controller on <body data-page>.
    const page = doc.body?.getAttribute('data-page');
    return !page || page.startsWith('users:');
  },
  fields(doc, url) {
    return {
      name: firstText(doc, ['.user-profile-header [itemprop="name"]', '.user-info h1', '.cover-title', 'h1']),
      headline: firstText(doc, [
        '.profile-user-bio',
        '.user-profile-bio',
        '[itemprop="description"]',
        '[itemprop="jobTitle"]',
      ]),
      location: firstText(doc, ['[itemprop="addressLocality"]', '.user-profile-location']),
      photoUrl: firstImageUrl(doc, ['img[itemprop="image"]', '.user-image img', '.avatar-holder img'], url),
    };
  },
} satisfies SiteReader;

import { defineAdapter } from './adapter.ts';
import { firstImageUrl, firstText } from './page-text.ts';

// Behance's class names are CSS modules (`ProfileCard-userFullName-ule`): match their stable prefix.
export const behance = defineAdapter({
  site: 'behance',
  matches: ['https://*.behance.net/*'],
  testUrls: {
    profile: [
      ['https://www.behance.net/janedoe', 'janedoe'],
      ['https://behance.net/JaneDoe/', 'janedoe'],
      ['https://www.behance.net/jane_doe-studio', 'jane_doe-studio'],
      ['https://www.behance.net/janedoe/moodboards', 'janedoe'],
      ['https://www.behance.net/janedoe/appreciated', 'janedoe'],
      ['https://www.behance.net/janedoe/services', 'janedoe'],
      ['https://www.behance.net/janedoe?tracking_source=search', 'janedoe'],
    ],
    notProfile: [
      'https://www.behance.net/',
      'https://www.behance.net/gallery/123456789/Brand-Identity',
      'https://www.behance.net/search/projects?search=logo',
      'https://www.behance.net/joblist',
      'https://www.behance.net/galleries/graphic-design',
      'https://www.behance.net/hire',
      'https://www.behance.net/onboarding',
      'https://www.behance.net/janedoe/projects/123',
      'https://www.behance.net/janedoe/unknown',
      'https://www.behance.net/jane.doe',
      'https://behance.net.evil.example/janedoe',
    ],
  },
  readySelector: '[class*="ProfileCard-userFullName"], main h1',
  fields(doc, url) {
    const card = doc.querySelector('[class*="ProfileCard-root"], [class*="ProfileCard-userInfo"]') ?? doc;
    return {
      name: firstText(card, ['[class*="ProfileCard-userFullName"]', 'h1']),
      headline: firstText(card, ['[class*="ProfileCard-occupation"]', '[class*="ProfileCard-line"]']),
      location: firstText(card, ['[class*="ProfileCard-userLocation"]', '[class*="ProfileCard-anchor"]']),
      photoUrl: firstImageUrl(
        card,
        ['img[class*="AvatarImage-avatarImage"]', '[class*="ProfileCard-avatar"] img'],
        url,
      ),
    };
  },
});

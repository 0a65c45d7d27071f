import type { SiteReader } from './adapter.ts';
import { firstImageUrl, firstText } from './page-text.ts';

// Behance's class names are CSS modules (`ProfileCard-userFullName-ule`): match their stable prefix.
export const behance = {
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
} satisfies SiteReader;

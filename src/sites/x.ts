import type { SiteReader } from './adapter.ts';
import { firstImageUrl, firstText, textOf } from './page-text.ts';

export const x = {
  readySelector: '[data-testid="UserName"]',
  fields(doc, url, handle) {
    const box = doc.querySelector('[data-testid="UserName"]');
    // The name box holds the display name and the @handle, each in its own dir'd block.
    const lines = Array.from(box?.querySelectorAll('div[dir]') ?? [], textOf).filter(Boolean);
    const shownHandle = lines.find((line) => line.startsWith('@'));
    // X swaps the URL before the header on in-app navigation: a header for another @handle is the previous page.
    if (shownHandle && shownHandle.slice(1).toLowerCase() !== handle) return null;
    return {
      name: lines.find((line) => !line.startsWith('@')),
      headline: firstText(doc, ['[data-testid="UserDescription"]']),
      location: firstText(doc, ['[data-testid="UserLocation"]']),
      photoUrl: firstImageUrl(
        doc,
        ['[data-testid^="UserAvatar-Container"] img', 'a[href$="/photo"] img'],
        url,
      ),
    };
  },
} satisfies SiteReader;

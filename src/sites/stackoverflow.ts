import type { SiteReader } from './adapter.ts';
import { firstImageUrl, firstText, textOf } from './page-text.ts';

export const stackoverflow = {
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
} satisfies SiteReader;

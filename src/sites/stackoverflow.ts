import type { SiteReader } from './adapter.ts';
import { textOf } from './page-text.ts';
import { beforeSuffix, imageAt, metaAt, textAt, titleName } from './strategies.ts';

export const stackoverflow = {
  // The 2021+ layout's #mainbar-full, or the older #user-card.
  card: (doc) => doc.querySelector('#mainbar-full, #user-card'),
  expected: ['name'],
  fields: {
    name: [
      textAt('displayName', ['.fs-headline2', '.profile-user--name', '[itemprop="name"]', 'h1']),
      // "User Jane Doe - Stack Overflow"
      titleName((title) => beforeSuffix(title, / - Stack Overflow$/)?.replace(/^User /, '') ?? null),
      metaAt('meta', 'meta[property="og:title"]', (content) => content),
    ],
    headline: [textAt('title', ['.fs-title:not([title="reputation"])'])],
    location: [
      {
        id: 'besideLocationIcon',
        read: (ctx) => textOf(ctx.card?.querySelector('.iconLocation')?.parentElement) || undefined,
      },
      {
        id: 'locationListItem',
        read: (ctx) => textOf(ctx.card?.querySelector('.iconLocation')?.closest('li')) || undefined,
      },
    ],
    photo: [
      imageAt('avatar', ['img.s-avatar--image', '.s-avatar img', 'img.bar-sm', '.gravatar-wrapper-164 img']),
      imageAt('meta', ['meta[property="og:image"]'], 'page'),
    ],
  },
} satisfies SiteReader;

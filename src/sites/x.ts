import { defineAdapter } from './adapter.ts';
import { firstImageUrl, firstText, textOf } from './page-text.ts';

export const x = defineAdapter({
  site: 'x',
  // mobile.twitter.com redirects to x.com: asking for it too would only widen the permission prompt.
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  testUrls: {
    profile: [
      ['https://x.com/janedoe', 'janedoe'],
      ['https://x.com/JaneDoe/', 'janedoe'],
      ['https://twitter.com/jane_doe', 'jane_doe'],
      ['https://www.twitter.com/jane_doe', 'jane_doe'],
      ['https://mobile.twitter.com/jane_doe', 'jane_doe'],
      ['http://x.com/janedoe', 'janedoe'],
      ['https://x.com/janedoe?lang=ar', 'janedoe'],
      ['https://x.com/janedoe/with_replies', 'janedoe'],
      ['https://x.com/janedoe/media', 'janedoe'],
      ['https://x.com/janedoe/likes', 'janedoe'],
      ['https://x.com/janedoe/highlights', 'janedoe'],
      ['https://x.com/_', '_'],
    ],
    notProfile: [
      'https://x.com/',
      'https://x.com/home',
      'https://x.com/explore',
      'https://x.com/explore/tabs/trending',
      'https://x.com/i/flow/login',
      'https://x.com/i/lists/123',
      'https://x.com/search?q=trust',
      'https://x.com/settings/account',
      'https://x.com/messages',
      'https://x.com/notifications',
      'https://x.com/compose/post',
      'https://x.com/janedoe/status/1790000000000000000',
      'https://x.com/janedoe/status/1790000000000000000/photo/1',
      'https://x.com/janedoe/followers',
      'https://x.com/janedoe/lists',
      'https://x.com/hashtag/trust',
      'https://x.com/this_handle_is_too_long',
      'https://x.com/jane.doe',
      'https://x.com.evil.example/janedoe',
      'https://nitter.example/janedoe',
    ],
  },
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
});

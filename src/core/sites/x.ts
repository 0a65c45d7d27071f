import type { SiteDescriptor } from './descriptor.ts';
import { hostIs, hostOf, pathSegments, userAtRoot, words } from './urlRules.ts';

const RESERVED = words(
  'home explore i search settings messages notifications compose login logout signup tos privacy intent share ' +
    'hashtag account bookmarks lists communities download jobs premium about rules help',
);
const TABS = words('with_replies media likes highlights articles superfollows');
const USER = /^\w{1,15}$/;

export const x = {
  // mobile.twitter.com redirects to x.com: asking for it too would only widen the permission prompt.
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  urlIdentifies: true,
  atPrefixed: true,
  handleFromUrl(url) {
    const host = hostOf(url);
    const onX =
      hostIs(url, 'x.com', 'twitter.com') || host === 'mobile.twitter.com' || host === 'mobile.x.com';
    return onX ? userAtRoot(pathSegments(url), USER, RESERVED, TABS) : null;
  },
  profileUrl: (handle) => `https://x.com/${encodeURIComponent(handle)}`,
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
} as const satisfies SiteDescriptor;

import type { SiteDescriptor } from './descriptor.ts';
import { hostIs, pathSegments } from './urlRules.ts';

export const stackoverflow = {
  matches: ['https://stackoverflow.com/*'],
  urlIdentifies: true,
  handleFromUrl(url) {
    if (!hostIs(url, 'stackoverflow.com')) return null;
    const segs = pathSegments(url);
    const [first, second] = segs;
    // The numeric id is the account; the name after it is a changeable display slug.
    return first === 'users' && second && /^\d+$/.test(second) && segs.length <= 3 ? second : null;
  },
  profileUrl: (handle) => `https://stackoverflow.com/users/${encodeURIComponent(handle)}`,
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
} as const satisfies SiteDescriptor;

import type { SiteDescriptor } from './descriptor.ts';
import { hostIs, pathSegments, userAtRoot, words } from './urlRules.ts';

const RESERVED = words(
  'about account careers colors community contact designers following for-designers freelance-jobs goods hiring ' +
    'jobs learn messages notifications places popular pricing privacy pro resources search services session ' +
    'shots signup sitemap stories tags teams terms uploads',
);
const TABS = words('about shots collections likes projects services');
const USER = /^[\w-]+$/;

export const dribbble = {
  matches: ['https://dribbble.com/*'],
  urlIdentifies: true,
  handleFromUrl: (url) =>
    hostIs(url, 'dribbble.com') ? userAtRoot(pathSegments(url), USER, RESERVED, TABS) : null,
  profileUrl: (handle) => `https://dribbble.com/${encodeURIComponent(handle)}`,
  testUrls: {
    profile: [
      ['https://dribbble.com/janedoe', 'janedoe'],
      ['https://dribbble.com/JaneDoe/', 'janedoe'],
      ['https://www.dribbble.com/jane_doe-design', 'jane_doe-design'],
      ['https://dribbble.com/janedoe/about', 'janedoe'],
      ['https://dribbble.com/janedoe/collections', 'janedoe'],
      ['https://dribbble.com/janedoe/likes', 'janedoe'],
      ['https://dribbble.com/janedoe?utm_source=x', 'janedoe'],
    ],
    notProfile: [
      'https://dribbble.com/',
      'https://dribbble.com/shots',
      'https://dribbble.com/shots/23456789-Banking-app',
      'https://dribbble.com/shots/popular',
      'https://dribbble.com/designers',
      'https://dribbble.com/jobs',
      'https://dribbble.com/tags/logo',
      'https://dribbble.com/search/logo',
      'https://dribbble.com/signup/new',
      'https://dribbble.com/session/new',
      'https://dribbble.com/following',
      'https://dribbble.com/janedoe/projects/1234-case-study',
      'https://dribbble.com/janedoe/unknown',
      'https://dribbble.com.evil.example/janedoe',
    ],
  },
} as const satisfies SiteDescriptor;

import type { SiteDescriptor } from './descriptor.ts';
import { hostIs, pathSegments, userAtRoot, words } from './urlRules.ts';

const RESERVED = words(
  'about account assets blog collection discover featured following for_you galleries gallery hire inbox joblist ' +
    'jobs live login logout misc moodboard notifications onboarding pro search settings signup',
);
const TABS = words('projects moodboards appreciated insights services assets info');
const USER = /^[\w-]+$/;

export const behance = {
  matches: ['https://*.behance.net/*'],
  urlIdentifies: true,
  handleFromUrl: (url) =>
    hostIs(url, 'behance.net') ? userAtRoot(pathSegments(url), USER, RESERVED, TABS) : null,
  profileUrl: (handle) => `https://www.behance.net/${encodeURIComponent(handle)}`,
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
} as const satisfies SiteDescriptor;

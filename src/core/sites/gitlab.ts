import type { SiteDescriptor } from './descriptor.ts';
import { hostIs, pathSegments, userAtRoot, words } from './urlRules.ts';

const RESERVED = words(
  'admin api assets dashboard explore files groups help import jwt login oauth profile projects public s search ' +
    'sitemap snippets unsubscribes uploads users v2',
);
const USER_TABS = words('activity groups contributed projects starred snippets followers following');
const USERS_ROUTES = words('sign_in sign_up sign_out password confirmation unlock auth almost_there edit');
const USER = /^[\w.][\w.-]*$/;

export const gitlab = {
  matches: ['https://gitlab.com/*'],
  urlIdentifies: true,
  handleFromUrl(url) {
    if (!hostIs(url, 'gitlab.com')) return null;
    const segs = pathSegments(url);
    const [first, second] = segs;
    // `/users/<name>` and its tabs are the same profile as `/<name>`; `/users/sign_in` and friends are not.
    const handle =
      first === 'users'
        ? second && !USERS_ROUTES.has(second.toLowerCase())
          ? userAtRoot(segs.slice(1), USER, new Set(), USER_TABS)
          : null
        : userAtRoot(segs, USER, RESERVED);
    return handle && !/\.(?:git|atom)$/i.test(handle) ? handle : null;
  },
  profileUrl: (handle) => `https://gitlab.com/${encodeURIComponent(handle)}`,
  testUrls: {
    profile: [
      ['https://gitlab.com/jdoe', 'jdoe'],
      ['https://gitlab.com/JDoe/', 'jdoe'],
      ['https://www.gitlab.com/jdoe', 'jdoe'],
      ['https://gitlab.com/jane.doe', 'jane.doe'],
      ['https://gitlab.com/jane_doe-2', 'jane_doe-2'],
      ['https://gitlab.com/users/jdoe', 'jdoe'],
      ['https://gitlab.com/users/jdoe/activity', 'jdoe'],
      ['https://gitlab.com/users/jdoe/projects', 'jdoe'],
      ['https://gitlab.com/users/jdoe/contributed', 'jdoe'],
      ['https://gitlab.com/jdoe?nav_source=navbar', 'jdoe'],
    ],
    notProfile: [
      'https://gitlab.com/',
      'https://gitlab.com/explore',
      'https://gitlab.com/explore/projects',
      'https://gitlab.com/dashboard/projects',
      'https://gitlab.com/users/sign_in',
      'https://gitlab.com/users/sign_up',
      'https://gitlab.com/users/password/new',
      'https://gitlab.com/users',
      'https://gitlab.com/users/jdoe/unknown-tab',
      'https://gitlab.com/gitlab-org/gitlab',
      'https://gitlab.com/gitlab-org/gitlab/-/issues/1',
      'https://gitlab.com/groups/gitlab-org/-/epics',
      'https://gitlab.com/-/profile',
      'https://gitlab.com/help',
      'https://gitlab.com/search?search=x',
      'https://gitlab.com/jdoe.git',
      'https://gitlab.com/jdoe.atom',
      'https://gitlab.example.org/jdoe',
    ],
  },
} as const satisfies SiteDescriptor;

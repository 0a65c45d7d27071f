import type { SiteDescriptor } from './descriptor.ts';
import { hostIs, pathSegments, userAtRoot, words } from './urlRules.ts';

// Top-level paths that are GitHub's own pages, not accounts.
const RESERVED = words(
  'about account apps blog business codespaces collections contact copilot customer-stories dashboard discussions ' +
    'enterprise events explore features gist github-copilot issues join login logout marketplace mobile models new ' +
    'notifications open-source organizations orgs password_reset pricing pulls readme resources search security ' +
    'sessions settings signup site solutions sponsors stars team teams topics trending users watching',
);
const USER = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

export const github = {
  matches: ['https://github.com/*'],
  urlIdentifies: true,
  handleFromUrl: (url) => (hostIs(url, 'github.com') ? userAtRoot(pathSegments(url), USER, RESERVED) : null),
  profileUrl: (handle) => `https://github.com/${encodeURIComponent(handle)}`,
  testUrls: {
    profile: [
      ['https://github.com/octo-jane', 'octo-jane'],
      ['https://github.com/Octo-Jane/', 'octo-jane'],
      ['https://www.github.com/octocat', 'octocat'],
      ['http://github.com/octocat', 'octocat'],
      ['https://github.com/octocat?tab=repositories', 'octocat'],
      ['https://github.com/octocat?tab=stars#top', 'octocat'],
      ['https://github.com/a', 'a'],
      ['https://github.com/user123-x', 'user123-x'],
    ],
    notProfile: [
      'https://github.com/',
      'https://github.com/octocat/hello-world',
      'https://github.com/octocat/hello-world/issues/1',
      'https://github.com/orgs/github/people',
      'https://github.com/settings/profile',
      'https://github.com/notifications',
      'https://github.com/explore',
      'https://github.com/marketplace',
      'https://github.com/topics',
      'https://github.com/topics/typescript',
      'https://github.com/features',
      'https://github.com/login',
      'https://github.com/pulls',
      'https://github.com/sponsors/octocat',
      'https://github.com/-leading-hyphen',
      'https://github.com/double--hyphen',
      'https://github.com/robots.txt',
      'https://gist.github.com/octocat',
      'https://github.com.evil.example/octocat',
    ],
  },
} as const satisfies SiteDescriptor;

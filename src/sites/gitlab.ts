import { defineAdapter, detectByUrl } from './adapter.ts';
import { firstImageUrl, firstText } from './page-text.ts';

const byUrl = detectByUrl('gitlab');

export const gitlab = defineAdapter({
  site: 'gitlab',
  matches: ['https://gitlab.com/*'],
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
  readySelector: '.user-profile-header h1, .user-info h1, .cover-title, [itemprop="name"]',
  detect(url, doc) {
    // Groups share the `/<name>` URL shape with users; GitLab names the page's controller on <body data-page>.
    const page = doc.body?.getAttribute('data-page');
    return page && !page.startsWith('users:') ? null : byUrl(url, doc);
  },
  fields(doc, url) {
    return {
      name: firstText(doc, ['.user-profile-header [itemprop="name"]', '.user-info h1', '.cover-title', 'h1']),
      headline: firstText(doc, [
        '.profile-user-bio',
        '.user-profile-bio',
        '[itemprop="description"]',
        '[itemprop="jobTitle"]',
      ]),
      location: firstText(doc, ['[itemprop="addressLocality"]', '.user-profile-location']),
      photoUrl: firstImageUrl(doc, ['img[itemprop="image"]', '.user-image img', '.avatar-holder img'], url),
    };
  },
});

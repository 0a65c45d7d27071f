import type { SiteDescriptor } from './descriptor.ts';
import { hostOf, pathSegments } from './urlRules.ts';

export const linkedin = {
  matches: ['https://*.linkedin.com/*'],
  grantedAtInstall: true,
  urlIdentifies: true,
  handleFromUrl(url) {
    const host = hostOf(url);
    if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
    // `/in/<slug>/…` on any locale or mobile host, and the lite mobile site `/mwlite/in/<slug>`.
    const segs = pathSegments(url);
    const [first, second] = segs;
    const at = first === 'in' ? 1 : first === 'mwlite' && second === 'in' ? 2 : -1;
    return (at > 0 && segs[at]) || null;
  },
  profileUrl: (handle) => `https://www.linkedin.com/in/${encodeURIComponent(handle)}/`,
  testUrls: {
    profile: [
      ['https://www.linkedin.com/in/jane-doe-1a2b3c/', 'jane-doe-1a2b3c'],
      ['https://www.linkedin.com/in/jane-doe-1a2b3c', 'jane-doe-1a2b3c'],
      ['https://linkedin.com/in/Jane-Doe-1A2B3C/', 'jane-doe-1a2b3c'],
      ['http://www.linkedin.com/in/jane-doe-1a2b3c/', 'jane-doe-1a2b3c'],
      ['https://www.linkedin.com/in/jane-doe-1a2b3c/?originalSubdomain=fr', 'jane-doe-1a2b3c'],
      ['https://www.linkedin.com/in/jane-doe-1a2b3c/#experience', 'jane-doe-1a2b3c'],
      ['https://www.linkedin.com/in/jane-doe-1a2b3c/details/experience/', 'jane-doe-1a2b3c'],
      ['https://www.linkedin.com/in/jane-doe-1a2b3c/overlay/contact-info/', 'jane-doe-1a2b3c'],
      ['https://www.linkedin.com/in/jane-doe-1a2b3c/recent-activity/all/', 'jane-doe-1a2b3c'],
      ['https://fr.linkedin.com/in/jean-dupont', 'jean-dupont'],
      [
        'https://ar.linkedin.com/in/%D9%81%D8%A7%D8%AF%D9%8A-%D8%A7%D9%84%D8%AD%D8%B3%D9%86-4b5c6d',
        'فادي-الحسن-4b5c6d',
      ],
      ['https://www.linkedin.com/in/فادي-الحسن-4b5c6d/', 'فادي-الحسن-4b5c6d'],
      ['https://m.linkedin.com/in/jane-doe-1a2b3c', 'jane-doe-1a2b3c'],
      ['https://www.linkedin.com/mwlite/in/jane-doe-1a2b3c', 'jane-doe-1a2b3c'],
      ['https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/', 'josé-garcía'],
    ],
    notProfile: [
      'https://www.linkedin.com/',
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/in/',
      'https://www.linkedin.com/company/acme-corp/',
      'https://www.linkedin.com/school/cairo-university/',
      'https://www.linkedin.com/jobs/view/3901234567/',
      'https://www.linkedin.com/mynetwork/',
      'https://www.linkedin.com/search/results/people/?keywords=jane',
      'https://www.linkedin.com/posts/jane-doe-1a2b3c_activity-7123',
      'https://www.linkedin.com/feed/update/urn:li:activity:7123456789/',
      'https://www.linkedin.com/messaging/thread/2-abc/',
      'https://linkedin.com.evil.example/in/jane-doe',
      'https://evillinkedin.com/in/jane-doe',
      'https://www.linkedin.com@evil.example/in/jane-doe',
      'https://example.com/in/jane-doe',
    ],
  },
} as const satisfies SiteDescriptor;

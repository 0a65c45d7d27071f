import { normaliseHandle } from '../core/identity.ts';
import { defineAdapter } from './adapter.ts';
import { firstElement, firstImageUrl, firstText } from './page-text.ts';

// LinkedIn renames its classes often: each field is a chain from the most specific to the most general selector.
const TOP_CARD = ['section.pv-top-card', 'main section[data-member-id]', 'main section.artdeco-card', 'main'];
const NAME = ['h1.text-heading-xlarge', '.pv-text-details__left-panel h1', 'h1'];
const HEADLINE = [
  '.text-body-medium.break-words',
  '.pv-text-details__left-panel .text-body-medium',
  '[data-generated-suggestion-target]',
];
const LOCATION = [
  '.pv-text-details__left-panel .text-body-small.inline',
  'span.text-body-small.inline.t-black--light.break-words',
  '.pv-top-card--list-bullet .text-body-small',
  'span.text-body-small.inline',
];
const PHOTO = [
  'img.pv-top-card-profile-picture__image--show',
  'img.pv-top-card-profile-picture__image',
  '.pv-top-card__photo img',
  '.pv-top-card--photo img',
  'img.profile-photo-edit__preview',
];

/** LinkedIn's URN-style member ids (`ACoAA…`) appear in some URLs in place of the vanity slug. */
const isMemberId = (slug: string): boolean => slug.startsWith('acoa');

/** The normalised slug of a top-card link such as `/in/<slug>/overlay/contact-info/`. */
function cardSlug(card: ParentNode): string | null {
  for (const link of Array.from(card.querySelectorAll('a[href*="/in/"][href*="/overlay/"]'))) {
    const slug = /\/in\/([^/?#]+)\/overlay\//.exec(link.getAttribute('href') ?? '')?.[1];
    if (slug) return normaliseHandle('linkedin', slug);
  }
  return null;
}

export const linkedin = defineAdapter({
  site: 'linkedin',
  matches: ['https://*.linkedin.com/*'],
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
  readySelector: 'main h1',
  fields(doc, url, handle) {
    const card = firstElement(doc, TOP_CARD) ?? doc;
    // LinkedIn changes the URL before it swaps the top card; a card that links to another slug is the previous page.
    // Member-id URLs (`/in/ACoAA…`) and vanity slugs name the same person differently, so only compare two slugs.
    const shown = cardSlug(card);
    if (shown && shown !== handle && !isMemberId(shown) && !isMemberId(handle)) return null;
    return {
      name: firstText(card, NAME),
      headline: firstText(card, HEADLINE),
      location: firstText(card, LOCATION),
      photoUrl: firstImageUrl(card, PHOTO, url),
    };
  },
});

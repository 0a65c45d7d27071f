import { normaliseHandle } from '../core/identity.ts';
import type { SiteReader } from './adapter.ts';
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

export const linkedin = {
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
} satisfies SiteReader;

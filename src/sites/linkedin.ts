// LinkedIn serves several markup generations at once (A/B tests, the server-driven UI rollout), and renames its
// classes often. The top card is found by structure, and every field is a ranked list of strategies: what a
// generation's classes say first, then structure (the first heading in the top card, the photo's alt text, the
// blocks after the name, the row beside "Contact info"), then the title and meta, last the address.
import { normaliseHandle } from '../core/identity.ts';
import type { SiteReader } from './adapter.ts';
import { cleanText, imageUrlOf, textBlocks, textOf } from './page-text.ts';
import {
  beforeSuffix,
  imageAt,
  metaAt,
  ownTextAt,
  type ReadContext,
  type Strategy,
  slugName,
  textAt,
  titleName,
} from './strategies.ts';

/** Links every generation's top card has into the person's own overlays (photo, contact info, about). */
const OVERLAY_LINK =
  'a[href*="/overlay/photo"], a[href*="/overlay/contact-info"], a[href*="/overlay/about-this-profile"]';

/** The top card, by structure: the first that matches, in this order. */
function topCard(doc: Document): Element | null {
  // Server-driven UI names its cards by component key; the Ember and artdeco generations mark the member.
  const marked = doc.querySelector(
    'main [componentkey$="Topcard"], main section[data-member-id], main section.pv-top-card',
  );
  if (marked) return marked;
  // Otherwise the section around the person's own overlay links, or around the first heading of the page.
  const anchor = doc.querySelector(`main ${OVERLAY_LINK}`) ?? doc.querySelector('main h1');
  return anchor?.closest('main section') ?? null;
}

/** LinkedIn's URN-style member ids (`ACoAA…`) appear in some URLs in place of the vanity slug. */
const isMemberId = (slug: string): boolean => slug.startsWith('acoa');

/** The slug the card itself names: its overlay links (`/in/<slug>/overlay/…`) or its verification key. */
function cardSlug(card: Element): string | null {
  for (const link of Array.from(card.querySelectorAll(OVERLAY_LINK))) {
    const slug = /\/in\/([^/?#]+)\/overlay\//.exec(link.getAttribute('href') ?? '')?.[1];
    if (slug) return normaliseHandle('linkedin', slug);
  }
  const key = card
    .querySelector('[componentkey^="ProfileVerificationTriggerRef-"]')
    ?.getAttribute('componentkey');
  return key ? normaliseHandle('linkedin', key.slice('ProfileVerificationTriggerRef-'.length)) : null;
}

/** The person's photo in the top card: behind the photo overlay link, by a generation's class, or the big one. */
function photoOf(ctx: ReadContext): Element | null {
  const card = ctx.card;
  if (!card) return null;
  return (
    card.querySelector('a[href*="/overlay/photo"] img') ??
    card.querySelector('img[class*="pv-top-card-profile-picture__image"], .pv-top-card--photo img') ??
    Array.from(card.querySelectorAll('img[alt]')).find(
      (img) => Number(img.getAttribute('width')) >= 96 && (img.getAttribute('alt') ?? '').trim() !== '',
    ) ??
    null
  );
}

/** A photo's alt as a name: "Profile picture of Diego", "Lena's profile photo" and the like give the name. */
function nameFromAlt(alt: string): string | undefined {
  const name = cleanText(alt)
    .replace(/^(?:profile (?:picture|photo) of|photo of)\s+/i, '')
    .replace(/(?:'s)?\s+profile (?:picture|photo)$/i, '');
  return name && !/^(?:profile (?:picture|photo)|photo|avatar)$/i.test(name) ? name : undefined;
}

/** The element the name was read from (the heading), when the page has one: later fields follow it. */
function nameElement(ctx: ReadContext): Element | null {
  if (!ctx.memo.has('nameEl')) ctx.memo.set('nameEl', ctx.card?.querySelector('h1, h2') ?? null);
  return ctx.memo.get('nameEl') as Element | null;
}

/** Words around the name that are not a headline: the connection degree, pronouns, separators. */
const NOT_A_HEADLINE = /^(?:[·•|]|\(.{1,24}\)$|\d+(?:st|nd|rd|th)\b|contact info$)/i;

const heading: Strategy = { id: 'heading', read: (ctx) => textOf(nameElement(ctx)) || undefined };

const photoAlt: Strategy = {
  id: 'photoAlt',
  read: (ctx) => nameFromAlt(photoOf(ctx)?.getAttribute('alt') ?? ''),
};

/** The first text block after the name (or, with no heading, after the photo) that reads like a headline. */
const afterName: Strategy = {
  id: 'afterName',
  read(ctx) {
    const anchor = nameElement(ctx) ?? photoOf(ctx);
    if (!ctx.card || !anchor) return undefined;
    const name = textOf(nameElement(ctx));
    for (const { text } of textBlocks(ctx.card, anchor)) {
      if (text !== name && !NOT_A_HEADLINE.test(text)) return text;
    }
    return undefined;
  },
};

/** The place, written in the row that ends with the "Contact info" link. */
const besideContactInfo: Strategy = {
  id: 'besideContactInfo',
  read(ctx) {
    const link = ctx.card?.querySelector('a[href*="/overlay/contact-info"]');
    const linkText = textOf(link);
    let row = link?.parentElement ?? null;
    // Up from wrappers that hold the link alone, to the row it shares with the place.
    while (row && row !== ctx.card && textOf(row) === linkText) row = row.parentElement;
    if (!row || !link) return undefined;
    for (const { el, text } of textBlocks(row)) {
      if (el === link || el.contains(link) || link.contains(el)) break;
      if (!/^[·•|]*$/.test(text)) return text;
    }
    return undefined;
  },
};

const NAME_IN_TITLE = / [|–-] LinkedIn$/;

export const linkedin = {
  card: topCard,
  showsAnotherProfile(card, _url, handle) {
    // LinkedIn changes the URL before it swaps the top card; a card that names another slug is the previous page.
    // Member-id URLs (`/in/ACoAA…`) and vanity slugs name the same person differently: only two slugs compare.
    const shown = cardSlug(card);
    return shown !== null && shown !== handle && !isMemberId(shown) && !isMemberId(handle);
  },
  expected: ['name', 'headline', 'location'],
  fields: {
    name: [
      heading,
      photoAlt,
      // "(3) Jane Doe | LinkedIn"; a sub-page puts its own name first: "Experience | Jane Doe | LinkedIn".
      titleName((title) => beforeSuffix(title, NAME_IN_TITLE)?.split(' | ').at(-1) ?? null),
      metaAt('meta', 'meta[property="og:title"]', (content) => {
        const name = beforeSuffix(content, NAME_IN_TITLE) ?? (content === 'LinkedIn' ? null : content);
        return name?.split(' - ')[0]?.trim() || null;
      }),
      slugName,
    ],
    headline: [
      textAt('textBodyMedium', [
        '.text-body-medium.break-words',
        '.pv-text-details__left-panel .text-body-medium',
      ]),
      textAt('mobileBody', ['.body-small.text-color-text']),
      afterName,
    ],
    location: [
      textAt('textBodySmall', [
        '.pv-text-details__left-panel .text-body-small.inline',
        'span.text-body-small.inline.t-black--light.break-words',
        '.pv-top-card--list-bullet .text-body-small',
      ]),
      besideContactInfo,
      ownTextAt('mobileLowEmphasis', ['.body-small.text-color-text-low-emphasis']),
    ],
    photo: [
      imageAt('photoLink', ['a[href*="/overlay/photo"] img']),
      imageAt('topCardPhoto', [
        'img.pv-top-card-profile-picture__image--show',
        'img.pv-top-card-profile-picture__image',
        '.pv-top-card__photo img',
        '.pv-top-card--photo img',
        'img.profile-photo-edit__preview',
      ]),
      { id: 'bigPhoto', read: (ctx) => imageUrlOf(photoOf(ctx), ctx.url) },
    ],
  },
} satisfies SiteReader;

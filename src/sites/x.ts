import type { SiteReader } from './adapter.ts';
import { textOf } from './page-text.ts';
import {
  beforeSuffix,
  imageAt,
  type ReadContext,
  type Strategy,
  slugName,
  textAt,
  titleName,
} from './strategies.ts';

/** The lines of x.com's name box: the display name and the @handle, each in its own dir'd block. */
function nameLines(ctx: ReadContext): string[] {
  const box = ctx.doc.querySelector('[data-testid="UserName"]');
  return Array.from(box?.querySelectorAll('div[dir]') ?? [], textOf).filter(Boolean);
}

/** The @handle the card shows: x.com's name box, or the legacy ProfileHeaderCard's screen name. */
function shownHandle(card: Element): string | null {
  const lines = Array.from(card.querySelectorAll('div[dir]'), textOf);
  const line =
    lines.find((text) => text.startsWith('@')) ?? textOf(card.querySelector('.ProfileHeaderCard-screenname'));
  return line.startsWith('@') ? line.slice(1).toLowerCase() : null;
}

const nameBox: Strategy = {
  id: 'nameBox',
  read: (ctx) => nameLines(ctx).find((line) => !line.startsWith('@')),
};

export const x = {
  // x.com (React, data-testid) or the legacy twitter.com ProfileHeaderCard.
  card: (doc) => doc.querySelector('[data-testid="UserName"], .ProfileHeaderCard'),
  // X swaps the URL before the header on in-app navigation: a header for another @handle is the previous page.
  showsAnotherProfile(card, _url, handle) {
    const shown = shownHandle(card);
    return shown !== null && shown !== handle;
  },
  expected: ['name'],
  fields: {
    name: [
      nameBox,
      textAt('headerCard', ['.ProfileHeaderCard-nameLink', '.ProfileHeaderCard-name'], 'page'),
      // "Jane Doe (@janedoe) / X", legacy "Tomás Rivera (@tomas_rivera) | Twitter"
      titleName((title) => beforeSuffix(title, / \(@\w{1,15}\) (?:\/ X|\| Twitter|on X)$/)),
      slugName,
    ],
    headline: [textAt('description', ['[data-testid="UserDescription"]', '.ProfileHeaderCard-bio'], 'page')],
    location: [
      textAt('location', ['[data-testid="UserLocation"]', '.ProfileHeaderCard-locationText'], 'page'),
    ],
    photo: [
      imageAt(
        'avatar',
        ['[data-testid^="UserAvatar-Container"] img', 'a[href$="/photo"] img', 'img.ProfileAvatar-image'],
        'page',
      ),
    ],
  },
} satisfies SiteReader;

// Reading a field through a ranked list of independent strategies, the same way on every site: each strategy
// looks in one place (a heading found by structure, the photo's alt text, the document title, a meta tag, the
// address itself...), the first that gives a value wins, and the name is cross-checked against the title. A new
// markup generation is one more entry in a list, and every snapshot says which entry gave each field.
import type { PageField, SnapshotReading } from '../core/types.ts';
import { cleanText, imageUrlOf, ownText, textOf } from './page-text.ts';

/** What a strategy may look at. `card` is the element holding the profile (top card, header), when found. */
export interface ReadContext {
  doc: Document;
  url: URL;
  /** The normalised handle the URL names. */
  handle: string;
  card: Element | null;
  /** Values the previous profile's page gave: page-wide sources (title, meta) lag behind in-app navigation. */
  stale: ReadonlySet<string>;
  /** Lookups shared by strategies of one reading (the name's element, found once). */
  memo: Map<string, unknown>;
}

export interface Strategy {
  /** Recorded in the snapshot's `reading.sources`: keep it short and stable. */
  id: string;
  read(ctx: ReadContext): string | undefined;
  /** Page-wide (title, meta): its value is ignored when it is what the previous profile's page said. */
  pageWide?: true;
  /** Derived from the address, not the page: a field only it gives counts as missing. */
  fromAddress?: true;
}

/** One ranked list of strategies per field. */
export type FieldTable = Record<PageField, readonly Strategy[]>;

/** The strategy ids that arbitrate the name: when the others disagree, the one agreeing with this wins. */
const ARBITER = 'title';

export interface FieldsRead {
  values: Partial<Record<PageField, string>>;
  reading: SnapshotReading;
}

const sameWords = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/\s+/g, ' ') === b.toLowerCase().replace(/\s+/g, ' ');

function candidates(
  list: readonly Strategy[],
  ctx: ReadContext,
): Array<{ strategy: Strategy; value: string }> {
  const found: Array<{ strategy: Strategy; value: string }> = [];
  for (const strategy of list) {
    const value = strategy.read(ctx);
    if (!value || (strategy.pageWide && ctx.stale.has(value))) continue;
    found.push({ strategy, value });
  }
  return found;
}

/**
 * The name: the best-ranked candidate, unless it disagrees with the title and a lower-ranked one from the page
 * agrees (a heading that is not the person's, say). The title itself never overrides what the page's own
 * elements agree on.
 */
function pickName(list: readonly Strategy[], ctx: ReadContext) {
  const found = candidates(list, ctx);
  const title = found.find((c) => c.strategy.id === ARBITER)?.value;
  const [first] = found;
  if (!first || title === undefined || sameWords(first.value, title)) return first;
  const fromElements = (c: (typeof found)[number]) => !c.strategy.pageWide && !c.strategy.fromAddress;
  return found.find((c) => fromElements(c) && sameWords(c.value, title)) ?? first;
}

function pickFirst(list: readonly Strategy[], ctx: ReadContext) {
  for (const strategy of list) {
    const value = strategy.read(ctx);
    if (value && !(strategy.pageWide && ctx.stale.has(value))) return { strategy, value };
  }
  return undefined;
}

/** Reads every field through its table. `expected`: the fields this site always shows. */
export function readFields(table: FieldTable, ctx: ReadContext, expected: readonly PageField[]): FieldsRead {
  const values: FieldsRead['values'] = {};
  const reading: SnapshotReading = { sources: {}, missing: [] };
  for (const field of Object.keys(table) as PageField[]) {
    const list = table[field];
    const picked = field === 'name' ? pickName(list, ctx) : pickFirst(list, ctx);
    if (picked) {
      values[field] = picked.value;
      reading.sources[field] = picked.strategy.id;
    }
    if (expected.includes(field) && (!picked || picked.strategy.fromAddress)) reading.missing.push(field);
  }
  return { values, reading };
}

// ------------------------------------------------------------------------------------------------------------
// Strategies every site uses, built from a few parameters.

const scope = (ctx: ReadContext, within: Within): ParentNode | null =>
  within === 'card' ? ctx.card : ctx.doc;

type Within = 'card' | 'page';

/**
 * The first value `pick` gives for the elements `selectors` find, tried in order, in the card or anywhere on the
 * page. `each`: every element a selector matches, not only the first.
 */
function firstAt(
  id: string,
  selectors: readonly string[],
  within: Within,
  pick: (el: Element, ctx: ReadContext) => string | undefined,
  each = false,
): Strategy {
  return {
    id,
    read(ctx) {
      const root = scope(ctx, within);
      if (!root) return undefined;
      for (const selector of selectors) {
        const found = each ? Array.from(root.querySelectorAll(selector)) : [root.querySelector(selector)];
        for (const el of found) {
          const value = el ? pick(el, ctx) : undefined;
          if (value) return value;
        }
      }
      return undefined;
    },
  };
}

/** The text of the first element among `selectors` (in the card, or anywhere on the page) that has any. */
export const textAt = (id: string, selectors: readonly string[], within: Within = 'card'): Strategy =>
  firstAt(id, selectors, within, (el) => textOf(el) || undefined);

/** The own text (not the children's) of the elements `selectors` find: a place before a nested follower count. */
export const ownTextAt = (id: string, selectors: readonly string[], within: Within = 'card'): Strategy =>
  firstAt(id, selectors, within, (el) => ownText(el) || undefined, true);

/** The http(s) address of the first image among `selectors` that has one. */
export const imageAt = (id: string, selectors: readonly string[], within: Within = 'card'): Strategy =>
  firstAt(id, selectors, within, (el, ctx) => imageUrlOf(el, ctx.url));

/** A meta tag's content (`og:title`, `profile:first_name`...), through `shape` (null: not a usable value). */
export function metaAt(id: string, selector: string, shape: (content: string) => string | null): Strategy {
  return {
    id,
    pageWide: true,
    read(ctx) {
      const content = cleanText(ctx.doc.querySelector(selector)?.getAttribute('content') ?? '');
      return (content && shape(content)) || undefined;
    },
  };
}

/** The document title through `shape`, which takes the person's name out of the site's title pattern. */
export function titleName(shape: (title: string) => string | null): Strategy {
  return {
    id: 'title',
    pageWide: true,
    read(ctx) {
      // LinkedIn and X prefix the title with an unread count: "(3) Jane Doe | LinkedIn".
      const title = cleanText(ctx.doc.title).replace(/^\(\d+\+?\)\s*/, '');
      return (title && shape(title)) || undefined;
    },
  };
}

/** The name a slug spells (`jane-doe-1a2b3c` → "Jane Doe"): the last resort, so there is something to show. */
export const slugName: Strategy = {
  id: 'slug',
  fromAddress: true,
  read(ctx) {
    const words = ctx.handle
      .replace(/@.*$/, '')
      // LinkedIn's uniqueness suffix: hex digits with at least one digit, at the end.
      .replace(/-(?=[0-9a-f]*\d)[0-9a-f]{6,12}$/i, '')
      .split(/[-_.]+/)
      .filter(Boolean);
    // An opaque id (LinkedIn's member ids `ACoAA…`, Stack Overflow's numbers) spells no name.
    if (!words.length || (words.length === 1 && (words[0]!.length > 24 || !/\p{L}/u.test(words[0]!)))) {
      return undefined;
    }
    return words.map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join(' ');
  },
};

/** Cuts `suffixes` (a site's name in its title, ` | LinkedIn`) off the end; null when none is there. */
export function beforeSuffix(title: string, suffixes: RegExp): string | null {
  const match = suffixes.exec(title);
  if (!match || match.index === 0) return null;
  return cleanText(title.slice(0, match.index)) || null;
}

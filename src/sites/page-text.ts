// Reading untrusted page text. Everything returned is plain, trimmed, length-capped text: never markup. The tree
// is walked through prototypes captured at start (./dom.ts): a named form control cannot stand in for a property.
import { dom } from './dom.ts';

/** Page strings are stored and shown; a hostile page must not fill the database through a name field. */
const MAX_TEXT = 500;
const MAX_URL = 2048;
/** Zero-width and bidi control characters: invisible, and bidi overrides can make one name look like another. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);
/** Elements that separate words visually even when the markup has no whitespace between them. */
const BREAKS = new Set(['BR', 'DIV', 'P', 'LI']);
const SCREEN_READER_ONLY = '.visually-hidden, .sr-only, .a11y-text, .u-hiddenVisually';

type Skip = (el: Element, previous: Element | null) => boolean;

/** Letters and digits only, lower-cased: how two copies of the same words are compared. */
const letters = (text: string | null): string => (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A screen reader's copy of the words just before it: LinkedIn prints visible text in an `aria-hidden` element
 * followed by a copy for screen readers, whose class is hashed in newer generations ("· 2nd" and then "2nd degree
 * connection"). The copy holds the visible words.
 */
function isScreenReaderCopy(el: Element, previous: Element | null): boolean {
  if (!previous || dom.attr(previous, 'aria-hidden') !== 'true' || dom.attr(el, 'aria-hidden') === 'true') {
    return false;
  }
  const shown = letters(dom.textContent(previous));
  return shown !== '' && letters(dom.textContent(el)).includes(shown);
}

function collect(node: Node, skip: Skip, out: string[]): void {
  let previous: Element | null = null;
  for (const child of Array.from(dom.childNodes(node))) {
    const type = dom.nodeType(child);
    if (type === 3) {
      out.push(dom.nodeValue(child) ?? '');
    } else if (type === 1) {
      const el = child as Element;
      const before = previous;
      previous = el;
      const tag = dom.tagName(el).toUpperCase();
      if (NO_TEXT.has(tag) || skip(el, before)) continue;
      const gap = BREAKS.has(tag) ? ' ' : '';
      out.push(gap);
      collect(el, skip, out);
      out.push(gap);
    }
  }
}

export function cleanText(text: string): string {
  const flat = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFC');
  return flat.length > MAX_TEXT ? Array.from(flat).slice(0, MAX_TEXT).join('').trim() : flat;
}

// Sites print visible text twice for screen readers (LinkedIn: an aria-hidden copy plus a .visually-hidden copy).
// Take the visible copy; fall back to the screen-reader copy, then to everything, when that is all there is.
const PASSES: Skip[] = [
  (el, previous) => dom.matches(el, SCREEN_READER_ONLY) || isScreenReaderCopy(el, previous),
  (el) => dom.attr(el, 'aria-hidden') === 'true',
  () => false,
];

/** The text a sighted reader sees in `el`, once, with whitespace collapsed. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  for (const skip of PASSES) {
    const out: string[] = [];
    collect(el, skip, out);
    const text = cleanText(out.join(''));
    if (text) return text;
  }
  return '';
}

/** The text of `el`'s own text nodes, not its children's: a place written before a nested follower count. */
export function ownText(el: Element | null | undefined): string {
  if (!el) return '';
  return cleanText(
    Array.from(dom.childNodes(el))
      .filter((node) => dom.nodeType(node) === 3)
      .map((node) => dom.nodeValue(node) ?? '')
      .join(' '),
  );
}

/** The first non-empty text among selectors tried in order (fallback chains for sites that rename classes). */
export function firstText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const text = textOf(dom.query(root, selector));
    if (text) return text;
  }
  return undefined;
}

/** The first element among selectors tried in order. */
export function firstElement(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = dom.query(root, selector);
    if (el) return el;
  }
  return null;
}

/**
 * The http(s) address of an image element (its lazy-loaded address first, then `src`), a link's `href` or a meta
 * tag's `content`, resolved
 * against the page URL. Other schemes (javascript:, data:, blob:) are dropped: the URL is stored and may later be
 * loaded.
 */
export function imageUrlOf(el: Element | null | undefined, pageUrl: URL): string | undefined {
  if (!el) return undefined;
  for (const attr of ['data-delayed-url', 'src', 'href', 'content']) {
    const raw = dom.attr(el, attr);
    if (!raw) continue;
    try {
      const url = new URL(raw.trim(), pageUrl);
      if (/^https?:$/.test(url.protocol) && url.href.length <= MAX_URL) return url.href;
    } catch {
      // An unparsable address is the same as none.
    }
  }
  return undefined;
}

/** The first http(s) image URL among selectors, resolved against the page URL. */
export function firstImageUrl(
  root: ParentNode,
  selectors: readonly string[],
  pageUrl: URL,
): string | undefined {
  for (const selector of selectors) {
    const url = imageUrlOf(dom.query(root, selector), pageUrl);
    if (url) return url;
  }
  return undefined;
}

/** Elements that hold blocks of their own: a text block is an element with none of these inside. */
const CONTAINERS = 'div, p, section, article, header, footer, ul, ol, li, h1, h2, h3, h4, h5, h6, dl, table';

/**
 * The text blocks inside `root`, in document order, after `anchor` when given: the innermost elements holding only
 * inline content, each with its visible text. How a profile's headline and location are found when no class
 * names them: they are the first blocks after the name.
 */
export function* textBlocks(root: Element, anchor?: Element): Generator<{ el: Element; text: string }> {
  const walker = dom.treeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  let node = anchor ? nextOutside(walker, anchor, root) : walker.firstChild();
  while (node) {
    const el = node as Element;
    if (NO_TEXT.has(dom.tagName(el).toUpperCase())) {
      node = nextOutside(walker, el, root);
      continue;
    }
    if (!dom.query(el, CONTAINERS)) {
      const text = textOf(el);
      if (text) yield { el, text };
      node = nextOutside(walker, el, root);
      continue;
    }
    node = walker.nextNode();
  }
}

/** The next element after `el`'s subtree, within `root`. */
function nextOutside(walker: TreeWalker, el: Element, root: Element): Node | null {
  for (let up: Node | null = el; up && up !== root; up = up.parentNode) {
    walker.currentNode = up;
    const next = walker.nextSibling();
    if (next) return next;
  }
  return null;
}

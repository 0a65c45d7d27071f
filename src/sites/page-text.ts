// Reading untrusted page text. Everything returned is plain, trimmed, length-capped text: never markup.

/** Page strings are stored and shown; a hostile page must not fill the database through a name field. */
const MAX_TEXT = 500;
const MAX_URL = 2048;
/** Zero-width and bidi control characters: invisible, and bidi overrides can make one name look like another. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);
/** Elements that separate words visually even when the markup has no whitespace between them. */
const BREAKS = new Set(['BR', 'DIV', 'P', 'LI']);
const SCREEN_READER_ONLY = '.visually-hidden, .sr-only, .a11y-text';

type Skip = (el: Element) => boolean;

function collect(node: Node, skip: Skip, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      out.push(child.nodeValue ?? '');
    } else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (NO_TEXT.has(tag) || skip(el)) continue;
      const gap = BREAKS.has(tag) ? ' ' : '';
      out.push(gap);
      collect(el, skip, out);
      out.push(gap);
    }
  }
}

function clean(text: string): string {
  const flat = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFC');
  return flat.length > MAX_TEXT ? Array.from(flat).slice(0, MAX_TEXT).join('').trim() : flat;
}

// Sites print visible text twice for screen readers (LinkedIn: an aria-hidden copy plus a .visually-hidden copy).
// Take the visible copy; fall back to the screen-reader copy, then to everything, when that is all there is.
const PASSES: Skip[] = [
  (el) => el.matches(SCREEN_READER_ONLY),
  (el) => el.getAttribute('aria-hidden') === 'true',
  () => false,
];

/** The text a sighted reader sees in `el`, once, with whitespace collapsed. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  for (const skip of PASSES) {
    const out: string[] = [];
    collect(el, skip, out);
    const text = clean(out.join(''));
    if (text) return text;
  }
  return '';
}

/** The first non-empty text among selectors tried in order (fallback chains for sites that rename classes). */
export function firstText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const text = textOf(root.querySelector(selector));
    if (text) return text;
  }
  return undefined;
}

/** The first element among selectors tried in order. */
export function firstElement(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/**
 * The first http(s) image URL among selectors (an img `src`, a link `href`), resolved against the page URL.
 * Other schemes (javascript:, data:, blob:) are dropped: the URL is stored and may later be loaded.
 */
export function firstImageUrl(
  root: ParentNode,
  selectors: readonly string[],
  pageUrl: URL,
): string | undefined {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    const raw = el?.getAttribute('src') ?? el?.getAttribute('href');
    if (!raw) continue;
    try {
      const url = new URL(raw.trim(), pageUrl);
      if (/^https?:$/.test(url.protocol) && url.href.length <= MAX_URL) return url.href;
    } catch {
      // An unparsable src is the same as none: try the next selector.
    }
  }
  return undefined;
}

// The one catalog lookup, for the extension pages (i18n.ts) and the worker (background/). Strings come only from
// public/_locales: by default the browser's catalog for its UI language (browser.i18n); when the user chose a
// language in settings, that locale's messages.json, read from the package (browser.i18n cannot switch locale
// at run time), with English for any key it lacks.
import browser from 'webextension-polyfill';
import type english from '../../../public/_locales/en/messages.json';
import { type Catalog, messageIn } from '../../core/messageFormat.ts';
import type { Language } from '../../core/types.ts';

/**
 * A key of the English catalog. Typed from the file itself, so a key added there can be used at once, and tsc
 * refuses one that isn't there; test/unit/locales/locales.test.ts checks every other locale has the same keys.
 */
export type MessageKey = keyof typeof english;

export type Sub = string | number;

/** Strings in one language. */
export interface Text {
  /** The language the strings are in, for Intl number, date and plural rules. */
  lang: string;
  /** The message for `key`, `$1`…`$9` replaced by `subs`; the key itself if no catalog has it. */
  t: (key: MessageKey, ...subs: Sub[]) => string;
}

// The catalogs are part of the package, so they never change while a page or the worker runs.
const catalogs = new Map<string, Promise<Catalog>>();

function loadCatalog(lang: string): Promise<Catalog> {
  let loaded = catalogs.get(lang);
  if (!loaded) {
    loaded = fetch(browser.runtime.getURL(`_locales/${lang}/messages.json`)).then(
      (res) => res.json() as Promise<Catalog>,
    );
    // A failed read is tried again next time rather than remembered.
    loaded.catch(() => catalogs.delete(lang));
    catalogs.set(lang, loaded);
  }
  return loaded;
}

/** The browser's own catalog, in its UI language. */
export function browserText(): Text {
  return {
    lang: browser.i18n.getUILanguage(),
    t: (key, ...subs) => browser.i18n.getMessage(key, subs.map(String)) || key,
  };
}

/** Strings in the user's language setting. */
export async function textFor(language: Language): Promise<Text> {
  // Anything but a language with a catalog (a value from a damaged database), or a catalog that cannot be read,
  // is the browser's language: the page and the badge must still come up.
  if (language !== 'en' && language !== 'ar') return browserText();
  try {
    const [chosen, fallback] = await Promise.all([loadCatalog(language), loadCatalog('en')]);
    return { lang: language, t: (key, ...subs) => messageIn([chosen, fallback], key, subs) ?? key };
  } catch {
    return browserText();
  }
}

// UI strings for the worker (badge title, digest). The worker has no document, so ui/i18n's initI18n, which
// also sets <html lang dir>, can't run here; this is the same lookup: the browser's catalog by default, the
// chosen locale's messages.json (read from the package, not the network) when the user picked a language.
import browser from 'webextension-polyfill';
import { type Catalog, formatMessage } from '../core/messageFormat.ts';
import type { WordFormat } from '../core/reasonWords.ts';
import type { Language } from '../core/types.ts';
import { formatPartialDateIn } from '../ui/format.ts';

export interface Text {
  /** The language strings are in, for Intl number and plural rules. */
  lang: string;
  t: (key: string, ...subs: (string | number)[]) => string;
}

// The catalogs are part of the package, so they never change while the worker runs.
const catalogs = new Map<string, Promise<Catalog>>();

function catalog(lang: string): Promise<Catalog> {
  let loaded = catalogs.get(lang);
  if (!loaded) {
    loaded = fetch(browser.runtime.getURL(`_locales/${lang}/messages.json`)).then(
      (res) => res.json() as Promise<Catalog>,
    );
    catalogs.set(lang, loaded);
  }
  return loaded;
}

export async function textFor(language: Language): Promise<Text> {
  // Anything but a language with a catalog (a value from a damaged database) is the browser's language:
  // fetching a catalog that does not exist would fail the badge.
  if (language !== 'en' && language !== 'ar') {
    return {
      lang: browser.i18n.getUILanguage(),
      t: (key, ...subs) => browser.i18n.getMessage(key, subs.map(String)) || key,
    };
  }
  const [chosen, english] = await Promise.all([catalog(language), catalog('en')]);
  return {
    lang: language,
    t: (key, ...subs) => {
      const entry = chosen[key] ?? english[key];
      return entry ? formatMessage(entry, subs) : key;
    },
  };
}

/** A count in the language's digits (Arabic-Indic digits for Arabic). */
export function formatCount(text: Text, count: number): string {
  return new Intl.NumberFormat(text.lang).format(count);
}

/** `${key}_one` or `${key}_other` by the language's plural rules, with the count substituted as $1. */
export function plural(text: Text, key: string, count: number, ...subs: (string | number)[]): string {
  const form = new Intl.PluralRules(text.lang).select(count) === 'one' ? 'one' : 'other';
  return text.t(`${key}_${form}`, formatCount(text, count), ...subs);
}

/** The worker's words for core's reasonWords (the digest, the badge). */
export function wordFormat(text: Text): WordFormat {
  return {
    t: text.t,
    pluralForm: (count) => (new Intl.PluralRules(text.lang).select(count) === 'one' ? 'one' : 'other'),
    count: (value) => formatCount(text, value),
    date: (value) => formatPartialDateIn(text.lang, value),
  };
}

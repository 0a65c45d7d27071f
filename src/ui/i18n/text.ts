// Words for places without a document (the worker's badge title and digest, the toolbar badge an extension page
// sets) in the user's language: the same catalog lookup as the pages
// (ui/i18n/catalog.ts; the worker has no document, so it has no use for ui/i18n/i18n.ts), plus counts, plurals
// and core's warmth reasons in words.
import type { WordFormat } from '../../core/reasonWords.ts';
import type { MessageKey, Sub, Text } from './catalog.ts';
import { formatPartialDateIn } from './format.ts';

export { type Text, textFor } from './catalog.ts';

// One formatter and one plural rule set per language, made once: the first Intl formatter a page or the worker makes
// loads the locale data (measured: ~50–70 ms on a busy machine, in the task that shows the badge after an import).
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function madeOnce<T>(made: Map<string, T>, lang: string, make: (lang: string) => T): T {
  const known = made.get(lang);
  if (known !== undefined) return known;
  const value = make(lang);
  made.set(lang, value);
  return value;
}

const numberFormat = (lang: string) => madeOnce(numberFormats, lang, (l) => new Intl.NumberFormat(l));
const pluralRulesOf = (lang: string) => madeOnce(pluralRules, lang, (l) => new Intl.PluralRules(l));

/** Makes the count and plural formatters of these languages now, so the words that need them later come at once. */
export function prepareCountWords(langs: readonly string[]): void {
  for (const lang of langs) {
    numberFormat(lang);
    pluralRulesOf(lang);
  }
}

/** A count in the language's digits (Arabic-Indic digits for Arabic). */
export function formatCount(text: Text, count: number): string {
  return numberFormat(text.lang).format(count);
}

/** The message of the count's plural form by the language's rules, with the count substituted as $1. */
export function plural(
  text: Text,
  forms: { one: MessageKey; other: MessageKey },
  count: number,
  ...subs: Sub[]
): string {
  const form = pluralRulesOf(text.lang).select(count) === 'one' ? forms.one : forms.other;
  return text.t(form, formatCount(text, count), ...subs);
}

/** The worker's words for core's reasonWords (the digest, the badge). */
export function wordFormat(text: Text): WordFormat {
  return {
    t: text.t,
    pluralForm: (count) => (pluralRulesOf(text.lang).select(count) === 'one' ? 'one' : 'other'),
    count: (value) => formatCount(text, value),
    date: (value) => formatPartialDateIn(text.lang, value),
  };
}

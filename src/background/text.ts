// The worker's words (badge title, digest) in the user's language: the same catalog lookup as the pages
// (ui/i18n/catalog.ts; the worker has no document, so it has no use for ui/i18n/i18n.ts), plus counts, plurals
// and core's warmth reasons in words.
import type { WordFormat } from '../core/reasonWords.ts';
import type { MessageKey, Sub, Text } from '../ui/i18n/catalog.ts';
import { formatPartialDateIn } from '../ui/i18n/format.ts';

export { type Text, textFor } from '../ui/i18n/catalog.ts';

/** A count in the language's digits (Arabic-Indic digits for Arabic). */
export function formatCount(text: Text, count: number): string {
  return new Intl.NumberFormat(text.lang).format(count);
}

/** The message of the count's plural form by the language's rules, with the count substituted as $1. */
export function plural(
  text: Text,
  forms: { one: MessageKey; other: MessageKey },
  count: number,
  ...subs: Sub[]
): string {
  const form = new Intl.PluralRules(text.lang).select(count) === 'one' ? forms.one : forms.other;
  return text.t(form, formatCount(text, count), ...subs);
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

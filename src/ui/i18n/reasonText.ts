// Warmth reasons in the page's language: core's reasonWords with the pages' lookup and formats.
import { reasonsLine, type WordFormat } from '../../core/reasonWords.ts';
import type { WarmthReason } from '../../core/warmth.ts';
import { t, uiLanguage } from './i18n.ts';
import { formatCount, formatPartialDate } from './locale.ts';

function pageWords(): WordFormat {
  const rules = new Intl.PluralRules(uiLanguage());
  return {
    t,
    pluralForm: (count) => (rules.select(count) === 'one' ? 'one' : 'other'),
    count: formatCount,
    date: formatPartialDate,
  };
}

/** "14 messages in 2024, they endorsed you 2 times", or the words for no contact at all. */
export function reasonsText(reasons: readonly WarmthReason[]): string {
  return reasonsLine(reasons, pageWords());
}

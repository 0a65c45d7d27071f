// Warmth reasons in words. The core decides which message says what and with which values; the caller formats
// with its own lookup (the pages' t(), the worker's Text), so the popup, the record, the digest and the badge word
// a reason the same way. Every message key is `warmth_reason_<code>`, with `_one`/`_other` where it has a count.
import type { PartialDate } from './types';
import type { WarmthReason } from './warmth';

export interface WordFormat {
  /** The message for a key, with its `$n` substitutions. */
  t: (key: string, ...subs: string[]) => string;
  /** 'one' or 'other' by the language's plural rules. */
  pluralForm: (count: number) => 'one' | 'other';
  count: (value: number) => string;
  /** A partial date (a year, a month, a day) in the language. */
  date: (value: PartialDate) => string;
}

/** Every key reasonKey can produce, for the locale test. */
export const REASON_WORD_KEYS: readonly string[] = [
  'warmth_reason_messagesInYear_one',
  'warmth_reason_messagesInYear_other',
  'warmth_reason_messagesEarlier_one',
  'warmth_reason_messagesEarlier_other',
  'warmth_reason_theyWroteFirst',
  'warmth_reason_iWroteFirst',
  'warmth_reason_theyEndorsedMe_one',
  'warmth_reason_theyEndorsedMe_other',
  'warmth_reason_iEndorsedThem_one',
  'warmth_reason_iEndorsedThem_other',
  'warmth_reason_theyInvitedMe',
  'warmth_reason_theyInvitedMe_note',
  'warmth_reason_iInvitedThem',
  'warmth_reason_iInvitedThem_note',
  'warmth_reason_theyRecommendedMe',
  'warmth_reason_theyRecommendedMe_year',
  'warmth_reason_iRecommendedThem',
  'warmth_reason_iRecommendedThem_year',
  'warmth_reason_introduced',
  'warmth_reason_tagged',
  'warmth_reason_visitedProfile',
  'warmth_reason_untestedYears_one',
  'warmth_reason_untestedYears_other',
  'warmth_reasons_none',
  'list_separator',
];

/** One reason in words. */
export function reasonWords(reason: WarmthReason, f: WordFormat): string {
  const counted = (count: number, ...rest: string[]) =>
    f.t(`warmth_reason_${reason.code}_${f.pluralForm(count)}`, f.count(count), ...rest);
  switch (reason.code) {
    case 'messagesInYear':
      return counted(reason.count, f.date(String(reason.year).padStart(4, '0')));
    case 'messagesEarlier':
    case 'theyEndorsedMe':
    case 'iEndorsedThem':
      return counted(reason.count);
    case 'untestedYears':
      return counted(reason.years);
    case 'theyInvitedMe':
    case 'iInvitedThem':
      return f.t(`warmth_reason_${reason.code}${reason.note ? '_note' : ''}`);
    case 'theyRecommendedMe':
    case 'iRecommendedThem':
      return reason.year === undefined
        ? f.t(`warmth_reason_${reason.code}`)
        : f.t(`warmth_reason_${reason.code}_year`, f.date(String(reason.year).padStart(4, '0')));
    case 'tagged':
      return f.t('warmth_reason_tagged', reason.tags.join(f.t('list_separator')));
    case 'visitedProfile':
      return f.t('warmth_reason_visitedProfile', f.date(reason.date));
    case 'theyWroteFirst':
    case 'iWroteFirst':
    case 'introduced':
      return f.t(`warmth_reason_${reason.code}`);
  }
}

/** All reasons as one line ("14 messages in 2024, they endorsed you twice"); words for none at all. */
export function reasonsLine(reasons: readonly WarmthReason[], f: WordFormat): string {
  if (reasons.length === 0) return f.t('warmth_reasons_none');
  return reasons.map((reason) => reasonWords(reason, f)).join(f.t('list_separator'));
}

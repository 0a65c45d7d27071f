// Warmth reasons in words. The core decides which message says what and with which values; the caller formats
// with its own lookup (the pages' t(), the worker's Text), so the popup, the record, the digest and the badge word
// a reason the same way. Every message key is `warmth_reason_<code>`, with `_one`/`_other` where it has a count;
// each is written out in REASON_KEYS, so the callers' typed lookups check them.
import type { PartialDate } from './types.ts';
import type { WarmthCode, WarmthReason } from './warmth.ts';

/** The catalog key of each reason's words: written out, so every key is in the code literally (the locales test). */
const REASON_KEYS = {
  messagesInYear: { one: 'warmth_reason_messagesInYear_one', other: 'warmth_reason_messagesInYear_other' },
  messagesEarlier: { one: 'warmth_reason_messagesEarlier_one', other: 'warmth_reason_messagesEarlier_other' },
  theyEndorsedMe: { one: 'warmth_reason_theyEndorsedMe_one', other: 'warmth_reason_theyEndorsedMe_other' },
  iEndorsedThem: { one: 'warmth_reason_iEndorsedThem_one', other: 'warmth_reason_iEndorsedThem_other' },
  untestedYears: { one: 'warmth_reason_untestedYears_one', other: 'warmth_reason_untestedYears_other' },
  theyInvitedMe: { plain: 'warmth_reason_theyInvitedMe', note: 'warmth_reason_theyInvitedMe_note' },
  iInvitedThem: { plain: 'warmth_reason_iInvitedThem', note: 'warmth_reason_iInvitedThem_note' },
  theyRecommendedMe: {
    plain: 'warmth_reason_theyRecommendedMe',
    year: 'warmth_reason_theyRecommendedMe_year',
  },
  iRecommendedThem: { plain: 'warmth_reason_iRecommendedThem', year: 'warmth_reason_iRecommendedThem_year' },
  theyWroteFirst: 'warmth_reason_theyWroteFirst',
  iWroteFirst: 'warmth_reason_iWroteFirst',
  introduced: 'warmth_reason_introduced',
  tagged: 'warmth_reason_tagged',
  visitedProfile: 'warmth_reason_visitedProfile',
} as const satisfies Record<WarmthCode, unknown>;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];

/** Every key reasonWords and reasonsLine can ask for: the callers' lookups must know each (tsc checks it). */
export type ReasonWordKey = Leaves<typeof REASON_KEYS> | 'warmth_reasons_none' | 'list_separator';

export interface WordFormat {
  /** The message for a key, with its `$n` substitutions. */
  t: (key: ReasonWordKey, ...subs: string[]) => string;
  /** 'one' or 'other' by the language's plural rules. */
  pluralForm: (count: number) => 'one' | 'other';
  count: (value: number) => string;
  /** A partial date (a year, a month, a day) in the language. */
  date: (value: PartialDate) => string;
}

function leaves(value: unknown): string[] {
  return typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves);
}

/** Every key reasonWords can produce, for the locale test. */
export const REASON_WORD_KEYS: readonly ReasonWordKey[] = [
  ...(leaves(REASON_KEYS) as ReasonWordKey[]),
  'warmth_reasons_none',
  'list_separator',
];

/** One reason in words. */
export function reasonWords(reason: WarmthReason, f: WordFormat): string {
  switch (reason.code) {
    case 'messagesInYear':
      return f.t(
        REASON_KEYS.messagesInYear[f.pluralForm(reason.count)],
        f.count(reason.count),
        f.date(String(reason.year).padStart(4, '0')),
      );
    case 'messagesEarlier':
    case 'theyEndorsedMe':
    case 'iEndorsedThem':
      return f.t(REASON_KEYS[reason.code][f.pluralForm(reason.count)], f.count(reason.count));
    case 'untestedYears':
      return f.t(REASON_KEYS.untestedYears[f.pluralForm(reason.years)], f.count(reason.years));
    case 'theyInvitedMe':
    case 'iInvitedThem':
      return f.t(REASON_KEYS[reason.code][reason.note ? 'note' : 'plain']);
    case 'theyRecommendedMe':
    case 'iRecommendedThem':
      return reason.year === undefined
        ? f.t(REASON_KEYS[reason.code].plain)
        : f.t(REASON_KEYS[reason.code].year, f.date(String(reason.year).padStart(4, '0')));
    case 'tagged':
      return f.t(REASON_KEYS.tagged, reason.tags.join(f.t('list_separator')));
    case 'visitedProfile':
      return f.t(REASON_KEYS.visitedProfile, f.date(reason.date));
    case 'theyWroteFirst':
    case 'iWroteFirst':
    case 'introduced':
      return f.t(REASON_KEYS[reason.code]);
  }
}

/** All reasons as one line ("14 messages in 2024, they endorsed you twice"); words for none at all. */
export function reasonsLine(reasons: readonly WarmthReason[], f: WordFormat): string {
  if (reasons.length === 0) return f.t('warmth_reasons_none');
  return reasons.map((reason) => reasonWords(reason, f)).join(f.t('list_separator'));
}

// How one shared work reads in lists and as the evidence behind a verdict.
import { workDate } from '../../core/trust.ts';
import type { Outcome, SharedWork } from '../../core/types.ts';
import type { WorkError, WorkErrorCode } from '../../core/work.ts';
import type { MessageKey } from './catalog.ts';
import { t } from './i18n.ts';
import { AGAIN_KEYS, PAYMENT_KEYS, RELIABILITY_KEYS, WORK_KIND_KEYS } from './keys.ts';

/** The kind in words, the user's title and the date: kept apart so each can be isolated for bidi. */
export function workLabelParts(work: SharedWork): { kind: string; title?: string; date?: string } {
  const parts: { kind: string; title?: string; date?: string } = { kind: t(WORK_KIND_KEYS[work.kind]) };
  if (work.title) parts.title = work.title;
  const date = workDate(work);
  if (date) parts.date = date;
  return parts;
}

/** The outcome fields that were filled in, in words. */
export function outcomeParts(outcome: Outcome | undefined): string[] {
  if (!outcome) return [];
  const parts: string[] = [];
  if (outcome.quality !== undefined) parts.push(t('ui_work_quality_value', outcome.quality));
  if (outcome.reliability) parts.push(t(RELIABILITY_KEYS[outcome.reliability]));
  const payment = outcome.payment;
  if (payment) {
    parts.push(
      payment.status === 'late' && payment.lateDays
        ? t('ui_work_payment_late_days', payment.lateDays)
        : t(PAYMENT_KEYS[payment.status]),
    );
  }
  if (outcome.wouldWorkAgain) parts.push(t(AGAIN_KEYS[outcome.wouldWorkAgain]));
  return parts;
}

const WORK_ERROR_KEYS: Record<WorkErrorCode, MessageKey> = {
  dateInvalid: 'options_date_invalid',
  endBeforeStart: 'options_work_error_end_before_start',
  lateDays: 'ui_error_late_days',
  titleTooLong: 'options_work_error_too_long',
  noteTooLong: 'ui_error_note_long',
};

/** What is wrong with one field of a shared-work form, and what to write instead. */
export function workErrorText(error: WorkError): string {
  return t(WORK_ERROR_KEYS[error.code]);
}

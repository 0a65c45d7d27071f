// One line of plain text per shared work, for lists and the evidence behind a verdict.
import { workDate } from '../core/trust.ts';
import type { Outcome, SharedWork } from '../core/types.ts';
import { t } from './i18n.ts';

export function workLabel(work: SharedWork): string {
  const kind = t(`ui_work_kind_${work.kind}`);
  const head = work.title ? `${kind}: ${work.title}` : kind;
  const date = workDate(work);
  return date ? `${head} (${date})` : head;
}

/** The outcome fields that were filled in, in words. */
export function outcomeParts(outcome: Outcome | undefined): string[] {
  if (!outcome) return [];
  const parts: string[] = [];
  if (outcome.quality !== undefined) parts.push(t('ui_work_quality_value', outcome.quality));
  if (outcome.reliability) parts.push(t(`ui_work_reliability_${outcome.reliability}`));
  const payment = outcome.payment;
  if (payment) {
    parts.push(
      payment.status === 'late' && payment.lateDays
        ? t('ui_work_payment_late_days', payment.lateDays)
        : t(`ui_work_payment_${payment.status}`),
    );
  }
  if (outcome.wouldWorkAgain) parts.push(t(`ui_work_again_${outcome.wouldWorkAgain}`));
  return parts;
}

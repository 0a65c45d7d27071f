// The shared-work editor's state: every field as the form holds it (strings, '' for "not said"), and the
// conversions to and from a SharedWork. Validation names the field and a locale key, so the form can put
// each message next to its field.
import { comparePartialDates, isPartialDate } from '../../core/dates';
import type {
  Direction,
  Outcome,
  Payment,
  Reliability,
  SharedWork,
  WorkKind,
  WorkStatus,
  WouldWorkAgain,
} from '../../core/types';
import type { NewSharedWork } from '../../db/mutations';

export {
  AGAIN as WOULD_WORK_AGAIN,
  DIRECTIONS,
  PAYMENT_STATUSES,
  RELIABILITIES,
  STATUSES,
  WORK_KINDS,
} from '../../ui/components/quickWork';

export interface WorkFormState {
  kind: WorkKind;
  direction: Direction;
  status: WorkStatus;
  title: string;
  startDate: string;
  endDate: string;
  quality: '' | '1' | '2' | '3' | '4' | '5';
  reliability: '' | Reliability;
  wouldWorkAgain: '' | WouldWorkAgain;
  paymentStatus: '' | Payment['status'];
  lateDays: string;
  dueDate: string;
  note: string;
}

export type WorkFormField = keyof WorkFormState;

export interface WorkFormError {
  field: WorkFormField;
  /** Locale key of the message. */
  key: string;
}

export const EMPTY_WORK_FORM: WorkFormState = {
  kind: 'smallTask',
  direction: 'together',
  status: 'done',
  title: '',
  startDate: '',
  endDate: '',
  quality: '',
  reliability: '',
  wouldWorkAgain: '',
  paymentStatus: '',
  lateDays: '',
  dueDate: '',
  note: '',
};

/** Payment is asked about for paid kinds, and for consultations (which may or may not be paid). */
export function asksForPayment(kind: WorkKind): boolean {
  return kind === 'paidProject' || kind === 'longEngagement' || kind === 'consultation';
}

/** Referrals are events, not deliveries: quality, reliability and payment do not apply to them. */
export function asksForOutcome(kind: WorkKind): boolean {
  return kind !== 'referralGiven' && kind !== 'referralReceived';
}

export function workToForm(work: SharedWork): WorkFormState {
  const outcome = work.outcome ?? {};
  return {
    kind: work.kind,
    direction: work.direction,
    status: work.status,
    title: work.title ?? '',
    startDate: work.startDate ?? '',
    endDate: work.endDate ?? '',
    quality: outcome.quality === undefined ? '' : (String(outcome.quality) as WorkFormState['quality']),
    reliability: outcome.reliability ?? '',
    wouldWorkAgain: outcome.wouldWorkAgain ?? '',
    paymentStatus: outcome.payment?.status ?? '',
    lateDays: outcome.payment?.lateDays === undefined ? '' : String(outcome.payment.lateDays),
    dueDate: outcome.payment?.dueDate ?? '',
    note: work.note ?? '',
  };
}

export function validateWorkForm(form: WorkFormState): WorkFormError[] {
  const errors: WorkFormError[] = [];
  const start = form.startDate.trim();
  const end = form.endDate.trim();
  const due = form.dueDate.trim();
  if (start && !isPartialDate(start)) errors.push({ field: 'startDate', key: 'options_date_invalid' });
  if (end && !isPartialDate(end)) errors.push({ field: 'endDate', key: 'options_date_invalid' });
  if (start && end && isPartialDate(start) && isPartialDate(end) && comparePartialDates(end, start) < 0) {
    // Compared by the earliest day each can mean: "2020" ending "2020-03" is fine.
    if (!end.startsWith(start) && !start.startsWith(end)) {
      errors.push({ field: 'endDate', key: 'options_work_error_end_before_start' });
    }
  }
  if (asksForPayment(form.kind) && form.paymentStatus === 'late') {
    const days = Number(form.lateDays);
    if (form.lateDays.trim() !== '' && !(Number.isInteger(days) && days > 0 && days <= 3650)) {
      errors.push({ field: 'lateDays', key: 'options_work_error_late_days' });
    }
  }
  if (asksForPayment(form.kind) && due && !isPartialDate(due)) {
    errors.push({ field: 'dueDate', key: 'options_date_invalid' });
  }
  if (form.title.length > 200) errors.push({ field: 'title', key: 'options_work_error_too_long' });
  if (form.note.length > 5000) errors.push({ field: 'note', key: 'options_work_error_too_long' });
  return errors;
}

function paymentOf(form: WorkFormState): Payment | undefined {
  if (!asksForPayment(form.kind) || form.paymentStatus === '') return undefined;
  const payment: Payment = { status: form.paymentStatus };
  if (form.paymentStatus === 'late' && form.lateDays.trim() !== '') payment.lateDays = Number(form.lateDays);
  if (form.dueDate.trim()) payment.dueDate = form.dueDate.trim();
  return payment;
}

function outcomeOf(form: WorkFormState): Outcome | undefined {
  if (!asksForOutcome(form.kind)) return undefined;
  const outcome: Outcome = {};
  if (form.quality !== '') outcome.quality = Number(form.quality) as Outcome['quality'];
  if (form.reliability !== '') outcome.reliability = form.reliability;
  if (form.wouldWorkAgain !== '') outcome.wouldWorkAgain = form.wouldWorkAgain;
  const payment = paymentOf(form);
  if (payment) outcome.payment = payment;
  return Object.keys(outcome).length > 0 ? outcome : undefined;
}

/**
 * The record to save, for a form that validated. Blank fields are left out (an edit passes them as
 * undefined, which clears them).
 */
export function formToWork(form: WorkFormState): NewSharedWork {
  const text = (value: string) => value.trim() || undefined;
  return {
    kind: form.kind,
    direction: form.direction,
    status: form.status,
    title: text(form.title),
    startDate: text(form.startDate),
    endDate: text(form.endDate),
    outcome: outcomeOf(form),
    note: text(form.note),
  };
}

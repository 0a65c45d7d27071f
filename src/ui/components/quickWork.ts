// The quick-add form's model: what the fields hold, and the shared work they make. Pure, so every rule about
// which outcome fields apply is tested without a browser.
import { isPartialDate } from '../../core/dates.ts';
import type {
  Direction,
  Outcome,
  Payment,
  Reliability,
  SharedWork,
  WorkKind,
  WorkStatus,
  WouldWorkAgain,
} from '../../core/types.ts';

export type NewWork = Omit<SharedWork, 'id' | 'personId' | 'createdAt' | 'updatedAt'>;

// The lists live with the domain's types; the forms take them from here.
export { DIRECTIONS, WORK_KINDS } from '../../core/types.ts';
export const STATUSES: readonly WorkStatus[] = ['planned', 'inProgress', 'done', 'abandoned'];
export const RELIABILITIES: readonly Reliability[] = ['onTime', 'late', 'missed'];
export const PAYMENT_STATUSES: readonly Payment['status'][] = ['pending', 'onTime', 'late', 'unpaid'];
export const AGAIN: readonly WouldWorkAgain[] = ['yes', 'no', 'unsure'];

/** Every field as the form holds it: strings, '' meaning "not said". */
export interface QuickWorkForm {
  kind: WorkKind;
  direction: Direction;
  status: WorkStatus;
  date: string;
  quality: string;
  reliability: '' | Reliability;
  payment: '' | Payment['status'];
  lateDays: string;
  again: '' | WouldWorkAgain;
  note: string;
}

export function emptyQuickWork(today: string): QuickWorkForm {
  return {
    kind: 'smallTask',
    direction: 'together',
    status: 'planned',
    date: today,
    quality: '',
    reliability: '',
    payment: '',
    lateDays: '',
    again: '',
    note: '',
  };
}

/** Outcome fields are asked once the work is over, done or abandoned. */
export const hasOutcome = (status: WorkStatus): boolean => status === 'done' || status === 'abandoned';

/** Payment is asked for the paid kinds (a consultation may or may not be paid: it counts as paid once one is recorded). */
export const isPayableKind = (kind: WorkKind): boolean =>
  kind === 'paidProject' || kind === 'longEngagement' || kind === 'consultation';

export type QuickWorkError = 'ui_error_date' | 'ui_error_late_days' | 'ui_error_note_long';

export const NOTE_MAX = 2000;

/** The shared work the form describes, or the locale key of what is wrong. */
export function quickWorkInput(form: QuickWorkForm): { work: NewWork } | { error: QuickWorkError } {
  const date = form.date.trim();
  if (date && !isPartialDate(date)) return { error: 'ui_error_date' };
  if (form.note.length > NOTE_MAX) return { error: 'ui_error_note_long' };
  const work: NewWork = { kind: form.kind, direction: form.direction, status: form.status };
  // A plan is dated by when it should start; finished work by when it ended.
  if (date) {
    if (hasOutcome(form.status)) work.endDate = date;
    else work.startDate = date;
  }
  const note = form.note.trim();
  if (note) work.note = note;
  if (!hasOutcome(form.status)) return { work };

  const outcome: Outcome = {};
  const quality = Number(form.quality);
  if (form.quality && quality >= 1 && quality <= 5) outcome.quality = quality as Outcome['quality'];
  if (form.reliability) outcome.reliability = form.reliability;
  if (form.again) outcome.wouldWorkAgain = form.again;
  if (form.payment && isPayableKind(form.kind)) {
    const payment: Payment = { status: form.payment };
    if (form.payment === 'late') {
      const days = Number(form.lateDays);
      if (!Number.isInteger(days) || days < 1 || days > 3650) return { error: 'ui_error_late_days' };
      payment.lateDays = days;
    }
    outcome.payment = payment;
  }
  if (Object.keys(outcome).length > 0) work.outcome = outcome;
  return { work };
}

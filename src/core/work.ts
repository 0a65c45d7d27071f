// The rules of one shared-work record, written once. Quick add (panel and popup) and the options page's editor
// are two views of one draft (WorkDraft): quick add shows a subset of its fields, and both check and convert it
// here. The trust ledger (trust.ts) reads the same table to decide what counts as paid work.
//
// Disagreements between the two forms, settled (test/unit/core/work.test.ts tests each once):
// - The outcome is asked once the work is over (done or abandoned), and only of kinds that are deliveries.
//   A plan has no outcome yet, and the ledger reads none from unfinished work. Referrals (given or received) are
//   events, not deliveries: their quality, delivery or payment would judge the referred party, not the referrer,
//   and the ledger counts a referral by its being made, never by an outcome.
// - Payment is asked of paid projects and long engagements, and of consultations, which may or may not be paid
//   and count as paid work once a payment is recorded.
// - Days late are optional when a payment was late: the user may not know the exact count, and nothing in the
//   ledger depends on it (late is noted, never serious); a made-up number would be worse than none. When given,
//   it is a whole number of days from 1 to 3650.
// - A note holds up to 5,000 characters, as a person's notes do: the editor has always accepted that much, and a
//   smaller limit would refuse an edit of any other field of a record the app itself let in.
import { comparePartialDates, isPartialDate } from './dates.ts';
import type {
  Direction,
  NewSharedWork,
  Outcome,
  Payment,
  Reliability,
  SharedWork,
  WorkKind,
  WorkStatus,
  WouldWorkAgain,
} from './types.ts';

export interface WorkKindRules {
  /** Payment: always paid, paid once a payment is recorded (the payment is asked), or never. */
  payment: 'paid' | 'whenRecorded' | 'none';
  /** Whether the work is a delivery whose outcome is asked (quality, delivery, would work again, payment). */
  outcome: boolean;
}

export const WORK_KIND_RULES = {
  smallTask: { payment: 'none', outcome: true },
  trial: { payment: 'none', outcome: true },
  freeSampleGiven: { payment: 'none', outcome: true },
  freeSampleReceived: { payment: 'none', outcome: true },
  volunteer: { payment: 'none', outcome: true },
  consultation: { payment: 'whenRecorded', outcome: true },
  paidProject: { payment: 'paid', outcome: true },
  longEngagement: { payment: 'paid', outcome: true },
  referralGiven: { payment: 'none', outcome: false },
  referralReceived: { payment: 'none', outcome: false },
} as const satisfies Record<WorkKind, WorkKindRules>;

/** Lengths in characters (UTF-16 code units, as a text field's maxLength counts them), and days. */
export const WORK_LIMITS = { title: 200, note: 5000, lateDays: 3650 } as const;

/** Done or abandoned: the work has an outcome to tell (an abandoned job can still be a missed delivery). */
export function isOver(status: WorkStatus): boolean {
  return status === 'done' || status === 'abandoned';
}

export function asksForOutcome(kind: WorkKind, status: WorkStatus): boolean {
  return WORK_KIND_RULES[kind].outcome && isOver(status);
}

export function asksForPayment(kind: WorkKind, status: WorkStatus): boolean {
  return asksForOutcome(kind, status) && WORK_KIND_RULES[kind].payment !== 'none';
}

/** Paid work: a kind that is always paid, or one that may be, once a payment is recorded. */
export function isPaidWork(work: Pick<SharedWork, 'kind' | 'outcome'>): boolean {
  const payment = WORK_KIND_RULES[work.kind].payment;
  return payment === 'paid' || (payment === 'whenRecorded' && work.outcome?.payment !== undefined);
}

/** The one date quick add asks for: when a plan starts, or when finished work ended. */
export function datedBy(status: WorkStatus): 'startDate' | 'endDate' {
  return isOver(status) ? 'endDate' : 'startDate';
}

/** A shared work as a form holds it: every field a string, '' meaning "not said". */
export interface WorkDraft {
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

export type WorkField = keyof WorkDraft;

export const QUALITIES = ['1', '2', '3', '4', '5'] as const;

export type WorkErrorCode = 'dateInvalid' | 'endBeforeStart' | 'lateDays' | 'titleTooLong' | 'noteTooLong';

export interface WorkError {
  field: WorkField;
  code: WorkErrorCode;
}

export const EMPTY_WORK_DRAFT: WorkDraft = {
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

export function draftOf(work: NewSharedWork): WorkDraft {
  const outcome = work.outcome ?? {};
  return {
    kind: work.kind,
    direction: work.direction,
    status: work.status,
    title: work.title ?? '',
    startDate: work.startDate ?? '',
    endDate: work.endDate ?? '',
    quality: outcome.quality === undefined ? '' : (String(outcome.quality) as WorkDraft['quality']),
    reliability: outcome.reliability ?? '',
    wouldWorkAgain: outcome.wouldWorkAgain ?? '',
    paymentStatus: outcome.payment?.status ?? '',
    lateDays: outcome.payment?.lateDays === undefined ? '' : String(outcome.payment.lateDays),
    dueDate: outcome.payment?.dueDate ?? '',
    note: work.note ?? '',
  };
}

/** Every problem, each with the field it belongs to; fields the draft's kind and status don't ask are ignored. */
export function validateWork(draft: WorkDraft): WorkError[] {
  const errors: WorkError[] = [];
  const start = draft.startDate.trim();
  const end = draft.endDate.trim();
  if (start && !isPartialDate(start)) errors.push({ field: 'startDate', code: 'dateInvalid' });
  if (end && !isPartialDate(end)) errors.push({ field: 'endDate', code: 'dateInvalid' });
  // Compared by the earliest day each can mean, except that one inside the other is fine: "2020" ending "2020-03".
  if (isPartialDate(start) && isPartialDate(end) && comparePartialDates(end, start) < 0) {
    if (!end.startsWith(start) && !start.startsWith(end)) {
      errors.push({ field: 'endDate', code: 'endBeforeStart' });
    }
  }
  if (asksForPayment(draft.kind, draft.status)) {
    const days = draft.lateDays.trim();
    if (draft.paymentStatus === 'late' && days !== '' && lateDaysOf(days) === undefined) {
      errors.push({ field: 'lateDays', code: 'lateDays' });
    }
    const due = draft.dueDate.trim();
    if (draft.paymentStatus !== '' && due && !isPartialDate(due)) {
      errors.push({ field: 'dueDate', code: 'dateInvalid' });
    }
  }
  if (draft.title.length > WORK_LIMITS.title) errors.push({ field: 'title', code: 'titleTooLong' });
  if (draft.note.length > WORK_LIMITS.note) errors.push({ field: 'note', code: 'noteTooLong' });
  return errors;
}

function lateDaysOf(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const days = Number(text);
  return days >= 1 && days <= WORK_LIMITS.lateDays ? days : undefined;
}

function paymentOf(draft: WorkDraft): Payment | undefined {
  if (!asksForPayment(draft.kind, draft.status) || draft.paymentStatus === '') return undefined;
  const payment: Payment = { status: draft.paymentStatus };
  const days = draft.paymentStatus === 'late' ? lateDaysOf(draft.lateDays.trim()) : undefined;
  if (days !== undefined) payment.lateDays = days;
  if (draft.dueDate.trim()) payment.dueDate = draft.dueDate.trim();
  return payment;
}

function outcomeOf(draft: WorkDraft): Outcome | undefined {
  if (!asksForOutcome(draft.kind, draft.status)) return undefined;
  const outcome: Outcome = {};
  if (draft.quality !== '') outcome.quality = Number(draft.quality) as Outcome['quality'];
  if (draft.reliability !== '') outcome.reliability = draft.reliability;
  if (draft.wouldWorkAgain !== '') outcome.wouldWorkAgain = draft.wouldWorkAgain;
  const payment = paymentOf(draft);
  if (payment) outcome.payment = payment;
  return Object.keys(outcome).length > 0 ? outcome : undefined;
}

/**
 * The record a valid draft describes. Every field is present, blank ones as undefined, so an edit that blanks
 * a field clears it (the database leaves undefined fields out). Fields the kind and status don't ask are dropped.
 */
export function toNewSharedWork(draft: WorkDraft): NewSharedWork {
  const text = (value: string) => value.trim() || undefined;
  return {
    kind: draft.kind,
    direction: draft.direction,
    status: draft.status,
    title: text(draft.title),
    startDate: text(draft.startDate),
    endDate: text(draft.endDate),
    outcome: outcomeOf(draft),
    note: text(draft.note),
  };
}

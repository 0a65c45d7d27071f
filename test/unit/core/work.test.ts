// The rules of one shared-work record (src/core/work.ts), each settled rule tested once. Both forms, quick add
// and the options page's editor, check and convert through these functions.
import { describe, expect, test } from 'vitest';
import { type NewSharedWork, WORK_KINDS, WORK_STATUSES, type WorkKind } from '../../../src/core/types.ts';
import {
  asksForOutcome,
  asksForPayment,
  datedBy,
  draftOf,
  EMPTY_WORK_DRAFT,
  isPaidWork,
  toNewSharedWork,
  validateWork,
  type WorkDraft,
} from '../../../src/core/work.ts';

const draft = (changes: Partial<WorkDraft>): WorkDraft => ({ ...EMPTY_WORK_DRAFT, ...changes });

// kind, asks for an outcome, asks for payment, counts as paid work without / with a payment recorded
const KIND_RULES: [WorkKind, boolean, boolean, boolean, boolean][] = [
  ['smallTask', true, false, false, false],
  ['trial', true, false, false, false],
  ['freeSampleGiven', true, false, false, false],
  ['freeSampleReceived', true, false, false, false],
  ['volunteer', true, false, false, false],
  ['consultation', true, true, false, true],
  ['paidProject', true, true, true, true],
  ['longEngagement', true, true, true, true],
  // A referral is an event, not a delivery: no outcome, no payment.
  ['referralGiven', false, false, false, false],
  ['referralReceived', false, false, false, false],
];

describe('which kinds ask what, once the work is over', () => {
  test.each(KIND_RULES)(
    '%s: outcome %s, payment %s, paid %s / %s with a payment',
    (kind, outcome, payment, paid, paidWithPayment) => {
      expect(asksForOutcome(kind, 'done')).toBe(outcome);
      expect(asksForPayment(kind, 'done')).toBe(payment);
      expect(isPaidWork({ kind })).toBe(paid);
      expect(isPaidWork({ kind, outcome: { payment: { status: 'onTime' } } })).toBe(paidWithPayment);
    },
  );

  test('the table above lists every kind', () => {
    expect(KIND_RULES.map(([kind]) => kind)).toEqual(WORK_KINDS);
  });
});

describe('the outcome is asked once the work is over', () => {
  test.each([
    ['planned', false, 'startDate'],
    ['inProgress', false, 'startDate'],
    ['done', true, 'endDate'],
    ['abandoned', true, 'endDate'],
  ] as const)('%s: outcome %s; quick add dates it by its %s', (status, over, dateField) => {
    expect(asksForOutcome('paidProject', status)).toBe(over);
    expect(asksForPayment('paidProject', status)).toBe(over);
    expect(datedBy(status)).toBe(dateField);
  });

  test('the outcome fields of unfinished work are not recorded', () => {
    for (const status of WORK_STATUSES) {
      const work = toNewSharedWork(
        draft({ kind: 'paidProject', status, quality: '5', paymentStatus: 'unpaid' }),
      );
      expect(work.outcome === undefined, status).toBe(status === 'planned' || status === 'inProgress');
    }
  });

  test('a referral records no outcome, even if one was chosen before its kind changed', () => {
    expect(
      toNewSharedWork(draft({ kind: 'referralReceived', quality: '5', reliability: 'onTime' })).outcome,
    ).toBe(undefined);
  });

  test('payment is dropped for kinds without payment', () => {
    expect(toNewSharedWork(draft({ kind: 'trial', paymentStatus: 'unpaid' })).outcome).toBeUndefined();
  });
});

describe('validateWork', () => {
  test.each<[string, Partial<WorkDraft>, { field: string; code: string }[]]>([
    ['an empty draft is valid', {}, []],
    ['partial dates are fine', { startDate: '2019', endDate: '2019-06-30' }, []],
    ['an end inside the start is fine', { startDate: '2019-05', endDate: '2019' }, []],
    ['a malformed start', { startDate: '2019-13' }, [{ field: 'startDate', code: 'dateInvalid' }]],
    ['a date in another format', { endDate: '20/05/2024' }, [{ field: 'endDate', code: 'dateInvalid' }]],
    [
      'an end before the start',
      { startDate: '2020-03', endDate: '2019-12' },
      [{ field: 'endDate', code: 'endBeforeStart' }],
    ],
    // Days late are optional when late; given, a whole number from 1 to 3650.
    ['days late may be left blank', { kind: 'paidProject', paymentStatus: 'late', lateDays: '' }, []],
    ['days late: 1', { kind: 'paidProject', paymentStatus: 'late', lateDays: '1' }, []],
    ['days late: 3650', { kind: 'consultation', paymentStatus: 'late', lateDays: '3650' }, []],
    ...(['0', '-3', '2.5', '3651', 'ten'] as const).map(
      (lateDays): [string, Partial<WorkDraft>, { field: string; code: string }[]] => [
        `days late: ${lateDays}`,
        { kind: 'paidProject', paymentStatus: 'late', lateDays },
        [{ field: 'lateDays', code: 'lateDays' }],
      ],
    ),
    [
      'days late are not checked unless late',
      { kind: 'paidProject', paymentStatus: 'onTime', lateDays: 'x' },
      [],
    ],
    [
      'a malformed due date',
      { kind: 'consultation', paymentStatus: 'pending', dueDate: '31/12/2024' },
      [{ field: 'dueDate', code: 'dateInvalid' }],
    ],
    [
      'payment fields are not checked when payment is not asked',
      { kind: 'smallTask', paymentStatus: 'late', lateDays: 'x', dueDate: 'x' },
      [],
    ],
    [
      'payment fields are not checked on a plan',
      { kind: 'paidProject', status: 'planned', paymentStatus: 'late', lateDays: 'x' },
      [],
    ],
    // A note holds 5,000 characters, as a person's notes do; a title 200.
    ['a note of 5,000 characters', { note: 'x'.repeat(5000) }, []],
    ['a note of 5,001 characters', { note: 'x'.repeat(5001) }, [{ field: 'note', code: 'noteTooLong' }]],
    ['a title of 200 characters', { title: 'x'.repeat(200) }, []],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, [{ field: 'title', code: 'titleTooLong' }]],
  ])('%s', (_, changes, errors) => {
    expect(validateWork(draft(changes))).toEqual(errors);
  });
});

describe('toNewSharedWork', () => {
  test('blank fields are undefined (an edit clears them), text is trimmed', () => {
    expect(toNewSharedWork(draft({ title: '  Logo  ', note: ' ' }))).toEqual({
      kind: 'smallTask',
      direction: 'together',
      status: 'done',
      title: 'Logo',
      startDate: undefined,
      endDate: undefined,
      outcome: undefined,
      note: undefined,
    });
  });

  test('a paid project keeps its whole outcome and payment', () => {
    const work = toNewSharedWork(
      draft({
        kind: 'paidProject',
        quality: '4',
        reliability: 'late',
        wouldWorkAgain: 'yes',
        paymentStatus: 'late',
        lateDays: '12',
        dueDate: '2024-02-01',
      }),
    );
    expect(work.outcome).toEqual({
      quality: 4,
      reliability: 'late',
      wouldWorkAgain: 'yes',
      payment: { status: 'late', lateDays: 12, dueDate: '2024-02-01' },
    });
  });

  test('late without days is late; days are kept only when late', () => {
    expect(toNewSharedWork(draft({ kind: 'paidProject', paymentStatus: 'late' })).outcome).toEqual({
      payment: { status: 'late' },
    });
    expect(
      toNewSharedWork(draft({ kind: 'consultation', paymentStatus: 'onTime', lateDays: '5' })).outcome,
    ).toEqual({
      payment: { status: 'onTime' },
    });
  });
});

test('a stored work survives a round trip through the draft', () => {
  const work: NewSharedWork = {
    kind: 'longEngagement',
    direction: 'theyDelivered',
    status: 'done',
    title: 'مشروع الهوية',
    startDate: '2016',
    endDate: '2019-04',
    outcome: {
      quality: 5,
      reliability: 'onTime',
      wouldWorkAgain: 'yes',
      payment: { status: 'late', lateDays: 9, dueDate: '2019-05-01' },
    },
    note: 'Great 👍',
  };
  expect(toNewSharedWork(draftOf(work))).toEqual(work);
});

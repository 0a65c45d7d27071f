import { describe, expect, test } from 'vitest';
import type { SharedWork } from '../../../../src/core/types';
import {
  EMPTY_WORK_FORM,
  formToWork,
  validateWorkForm,
  type WorkFormState,
  workToForm,
} from '../../../../src/options/person/workForm';

const form = (changes: Partial<WorkFormState>): WorkFormState => ({ ...EMPTY_WORK_FORM, ...changes });

describe('validateWorkForm', () => {
  test.each<[string, Partial<WorkFormState>, { field: string; key: string }[]]>([
    ['an empty form is valid', {}, []],
    ['partial dates are fine', { startDate: '2019', endDate: '2019-06-30' }, []],
    ['a year ending inside itself is fine', { startDate: '2019-05', endDate: '2019' }, []],
    ['a malformed start', { startDate: '2019-13' }, [{ field: 'startDate', key: 'options_date_invalid' }]],
    ['a malformed end', { endDate: 'soon' }, [{ field: 'endDate', key: 'options_date_invalid' }]],
    [
      'an end before the start',
      { startDate: '2020-03', endDate: '2019-12' },
      [{ field: 'endDate', key: 'options_work_error_end_before_start' }],
    ],
    [
      'late payment days must be a positive whole number',
      { kind: 'paidProject', paymentStatus: 'late', lateDays: '-3' },
      [{ field: 'lateDays', key: 'options_work_error_late_days' }],
    ],
    ['late days may be left blank', { kind: 'paidProject', paymentStatus: 'late', lateDays: '' }, []],
    [
      'a malformed due date',
      { kind: 'consultation', paymentStatus: 'pending', dueDate: '31/12/2024' },
      [{ field: 'dueDate', key: 'options_date_invalid' }],
    ],
    ['payment fields are ignored for kinds without payment', { kind: 'smallTask', dueDate: 'x' }, []],
    [
      'an over-long title',
      { title: 'x'.repeat(201) },
      [{ field: 'title', key: 'options_work_error_too_long' }],
    ],
  ])('%s', (_, changes, errors) => {
    expect(validateWorkForm(form(changes))).toEqual(errors);
  });
});

describe('formToWork', () => {
  test('blank fields are left out, text is trimmed', () => {
    expect(formToWork(form({ title: '  Logo  ', note: ' ' }))).toEqual({
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

  test('a paid project keeps its full outcome and payment', () => {
    const work = formToWork(
      form({
        kind: 'paidProject',
        direction: 'iDelivered',
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

  test('payment is dropped when the kind has none, and late days unless late', () => {
    expect(formToWork(form({ kind: 'trial', paymentStatus: 'unpaid' })).outcome).toBeUndefined();
    expect(
      formToWork(form({ kind: 'consultation', paymentStatus: 'onTime', lateDays: '5' })).outcome,
    ).toEqual({ payment: { status: 'onTime' } });
  });

  test('referrals carry no outcome', () => {
    expect(formToWork(form({ kind: 'referralReceived', quality: '5' })).outcome).toBeUndefined();
  });
});

test('a stored work survives a round trip through the form', () => {
  const work: SharedWork = {
    id: 'w1',
    personId: 'p1',
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
      payment: { status: 'pending', dueDate: '2019-05-01' },
    },
    note: 'Great 👍',
    createdAt: 1,
    updatedAt: 2,
  };
  const { id, personId, createdAt, updatedAt, ...rest } = work;
  expect(formToWork(workToForm(work))).toEqual(rest);
});

import { describe, expect, test } from 'vitest';
import {
  emptyQuickWork,
  hasOutcome,
  isPayableKind,
  type QuickWorkForm,
  quickWorkInput,
} from '../../../src/ui/components/quickWork';

const base = (changes: Partial<QuickWorkForm>): QuickWorkForm => ({
  ...emptyQuickWork('2026-05-20'),
  ...changes,
});

describe('quickWorkInput', () => {
  test.each<[string, Partial<QuickWorkForm>, unknown]>([
    [
      'a plan is dated by its start',
      { kind: 'smallTask', status: 'planned', date: '2026-06' },
      { work: { kind: 'smallTask', direction: 'together', status: 'planned', startDate: '2026-06' } },
    ],
    [
      'finished work is dated by its end, with the outcome given',
      {
        kind: 'trial',
        direction: 'theyDelivered',
        status: 'done',
        date: '2024',
        quality: '4',
        reliability: 'late',
        again: 'yes',
      },
      {
        work: {
          kind: 'trial',
          direction: 'theyDelivered',
          status: 'done',
          endDate: '2024',
          outcome: { quality: 4, reliability: 'late', wouldWorkAgain: 'yes' },
        },
      },
    ],
    [
      'outcome fields of an unfinished work are ignored',
      { status: 'inProgress', quality: '5', reliability: 'missed', again: 'no' },
      { work: { kind: 'smallTask', direction: 'together', status: 'inProgress', startDate: '2026-05-20' } },
    ],
    [
      'payment only counts for paid kinds',
      { kind: 'volunteer', status: 'done', payment: 'unpaid' },
      { work: { kind: 'volunteer', direction: 'together', status: 'done', endDate: '2026-05-20' } },
    ],
    [
      'a late payment carries its days',
      { kind: 'paidProject', status: 'done', payment: 'late', lateDays: '12' },
      {
        work: {
          kind: 'paidProject',
          direction: 'together',
          status: 'done',
          endDate: '2026-05-20',
          outcome: { payment: { status: 'late', lateDays: 12 } },
        },
      },
    ],
    [
      'an abandoned work can record a missed delivery',
      { status: 'abandoned', reliability: 'missed', note: '  never delivered  ' },
      {
        work: {
          kind: 'smallTask',
          direction: 'together',
          status: 'abandoned',
          endDate: '2026-05-20',
          note: 'never delivered',
          outcome: { reliability: 'missed' },
        },
      },
    ],
    [
      'an empty date is allowed',
      { date: '' },
      { work: { kind: 'smallTask', direction: 'together', status: 'planned' } },
    ],
    ['a date that is not a partial date', { date: '2024-13' }, { error: 'ui_error_date' }],
    ['a date in another format', { date: '20/05/2024' }, { error: 'ui_error_date' }],
    [
      'late days must be a whole number',
      { kind: 'consultation', status: 'done', payment: 'late', lateDays: '2.5' },
      { error: 'ui_error_late_days' },
    ],
    [
      'late days must be given',
      { kind: 'paidProject', status: 'done', payment: 'late', lateDays: '' },
      { error: 'ui_error_late_days' },
    ],
    ['a note too long', { note: 'x'.repeat(2001) }, { error: 'ui_error_note_long' }],
  ])('%s', (_, changes, expected) => {
    expect(quickWorkInput(base(changes))).toEqual(expected);
  });
});

test.each([
  ['planned', false],
  ['inProgress', false],
  ['done', true],
  ['abandoned', true],
] as const)('outcome is asked when the status is %s: %s', (status, expected) => {
  expect(hasOutcome(status)).toBe(expected);
});

test.each([
  ['paidProject', true],
  ['longEngagement', true],
  ['consultation', true],
  ['smallTask', false],
  ['trial', false],
  ['referralGiven', false],
] as const)('payment is asked for %s: %s', (kind, expected) => {
  expect(isPayableKind(kind)).toBe(expected);
});

import { describe, expect, test } from 'vitest';
import {
  dormancyCutoff,
  flagCandidates,
  isDormant,
  reconcileFlags,
  suggestedSteps,
  untestedSince,
} from '../../../src/core/flags.ts';
import { DEFAULT_SETTINGS, type Flag, type Person, type SharedWork } from '../../../src/core/types.ts';
import { day, NOW, person, work } from './build.ts';

const settings = DEFAULT_SETTINGS; // dormant at 3 years, stalled after 2, payment due 30 days after the end.

function kinds(who: Partial<Person>, works: SharedWork[], today = NOW): string[] {
  return flagCandidates(person(who), works, settings, today).map((c) => c.id);
}

describe('dormant (not a flag: the queue picks from them)', () => {
  test.each<[string, Partial<Person>, SharedWork[], string, boolean]>([
    ['connected exactly 3 years ago', { connectedOn: '2021-06-15' }, [], '2024-06-15', true],
    ['one day short of 3 years', { connectedOn: '2021-06-15' }, [], '2024-06-14', false],
    [
      'met on a leap day, 3 years later on 28 Feb',
      { firstMet: { date: '2020-02-29' } },
      [],
      '2023-02-28',
      false,
    ],
    [
      'met on a leap day, 3 years later on 1 Mar',
      { firstMet: { date: '2020-02-29' } },
      [],
      '2023-03-01',
      true,
    ],
    [
      'met on a leap day, 4 years later on 29 Feb',
      { firstMet: { date: '2020-02-29' } },
      [],
      '2024-02-29',
      true,
    ],
    [
      'connected "in 2021": not certain before its last day',
      { connectedOn: '2021' },
      [],
      '2024-12-30',
      false,
    ],
    ['connected "in 2021": certain on 31 Dec 2024', { connectedOn: '2021' }, [], '2024-12-31', true],
    ['connected 2021-06: certain from 30 Jun 2024', { connectedOn: '2021-06' }, [], '2024-06-30', true],
    [
      'the earlier of met and connected counts',
      { connectedOn: '2023-01-01', firstMet: { date: '2019' } },
      [],
      '2024-06-15',
      true,
    ],
    ['no dates at all', { firstMet: { where: 'a conference' } }, [], '2024-06-15', false],
    ['a broken date is no date', { connectedOn: '2019-13-01' }, [], '2024-06-15', false],
    ['connected in the future', { connectedOn: '2030-01-01' }, [], '2024-06-15', false],
    [
      'planned work is a step',
      { connectedOn: '2015' },
      [work({ status: 'planned', endDate: undefined })],
      '2024-06-15',
      false,
    ],
    [
      'in-progress work is a step',
      { connectedOn: '2015' },
      [work({ status: 'inProgress' })],
      '2024-06-15',
      false,
    ],
    ['done work ends dormancy', { connectedOn: '2015' }, [work({ status: 'done' })], '2024-06-15', false],
    [
      'a referral is something shared',
      { connectedOn: '2015' },
      [work({ kind: 'referralReceived' })],
      '2024-06-15',
      false,
    ],
    [
      'abandoned work shared nothing',
      { connectedOn: '2015' },
      [work({ status: 'abandoned' })],
      '2024-06-15',
      true,
    ],
    [
      "the archive's first message counts as first contact",
      {
        connectedOn: '2023-01-01',
        archive: {
          messages: {
            total: 2,
            fromThem: 1,
            conversations: 1,
            first: '2019-05-02',
            last: '2019-05-03',
            firstFrom: 'them',
            perYear: [{ year: 2019, count: 2 }],
          },
        },
      },
      [],
      '2024-06-15',
      true,
    ],
    [
      "the archive's invitation counts as first contact",
      { connectedOn: '2023-01-01', archive: { invitation: { direction: 'received', date: '2020-02-02' } } },
      [],
      '2024-06-15',
      true,
    ],
  ])('%s → %s', (_, who, works, today, dormant) => {
    const now = day(today);
    expect(isDormant(person(who), works, settings, now)).toBe(dormant);
    // The stored index narrows the candidates; isDormant decides. Every dormant person is inside the cutoff.
    const since = untestedSince(person(who), works);
    if (dormant) expect(since! <= dormancyCutoff(settings, now)).toBe(true);
    // And no flag is ever raised for it.
    expect(kinds(who, works, now).some((id) => id.endsWith(':dormant'))).toBe(false);
  });

  test.each([
    [1, '2023-06-15', true],
    [5, '2021-06-15', false],
  ])('dormancy threshold %i years, connected %s → %s', (dormancyYears, connectedOn, dormant) => {
    expect(isDormant(person({ connectedOn }), [], { ...settings, dormancyYears }, NOW)).toBe(dormant);
  });

  test.each([
    ['2024-06-15', 3, '2021-06-15'],
    ['2024-02-29', 1, '2023-02-29'],
    ['2024-01-01', 10, '2014-01-01'],
  ])('the cutoff on %s for %i years is %s', (today, dormancyYears, cutoff) => {
    expect(dormancyCutoff({ ...settings, dormancyYears }, day(today))).toBe(cutoff);
  });

  test('untestedSince is the last day of the first contact, and undefined once a step is taken', () => {
    expect(untestedSince(person({ connectedOn: '2019' }), [])).toBe('2019-12-31');
    expect(untestedSince(person({ connectedOn: '2019-02' }), [work({ status: 'abandoned' })])).toBe(
      '2019-02-28',
    );
    expect(untestedSince(person({ connectedOn: '2019' }), [work({ status: 'planned' })])).toBeUndefined();
    expect(untestedSince(person({}), [])).toBeUndefined();
  });
});

describe('vouchWithoutWork', () => {
  const given = (extra: Partial<SharedWork> = {}) =>
    work({ kind: 'referralGiven', endDate: '2022-03-01', ...extra });
  test.each<[string, SharedWork[], boolean]>([
    ['a recommendation I gave, nothing done together', [given()], true],
    ['a recommendation I gave after a done small task', [given(), work({ status: 'done' })], false],
    ['work in progress counts as doing something together', [given(), work({ status: 'inProgress' })], false],
    ['only planned work: nothing done together yet', [given(), work({ status: 'planned' })], true],
    ['only abandoned work: nothing done together', [given(), work({ status: 'abandoned' })], true],
    ['a recommendation they gave me is not my vouch', [work({ kind: 'referralReceived' })], false],
    ['a planned recommendation is not yet a vouch', [given({ status: 'planned' })], false],
    ['a recommendation dated in the future is not yet a vouch', [given({ endDate: '2030-01-01' })], false],
  ])('%s → %s', (_, works, flagged) => {
    expect(kinds({}, works).includes('p1:vouchWithoutWork')).toBe(flagged);
  });
});

describe('stalled', () => {
  test.each<[string, SharedWork[], string, boolean]>([
    [
      'last good work ended exactly 2 years ago: not yet',
      [work({ endDate: '2022-06-15' })],
      '2024-06-15',
      false,
    ],
    ['2 years and a day', [work({ endDate: '2022-06-14' })], '2024-06-15', true],
    ['ended on a leap day, 2 years later on 1 Mar', [work({ endDate: '2020-02-29' })], '2022-03-01', false],
    ['ended on a leap day, 2 Mar two years later', [work({ endDate: '2020-02-29' })], '2022-03-02', true],
    ['ended "in 2022": counted from 31 Dec 2022', [work({ endDate: '2022' })], '2024-12-31', false],
    ['ended "in 2022", on 1 Jan 2025', [work({ endDate: '2022' })], '2025-01-01', true],
    [
      'only the last good work matters',
      [work({ endDate: '2015' }), work({ endDate: '2023-01' })],
      '2024-06-15',
      false,
    ],
    ['start date when no end date', [work({ endDate: undefined, startDate: '2019' })], '2024-06-15', true],
    [
      'something planned',
      [work({ endDate: '2015' }), work({ status: 'planned', endDate: undefined })],
      '2024-06-15',
      false,
    ],
    [
      'something in progress',
      [work({ endDate: '2015' }), work({ status: 'inProgress' })],
      '2024-06-15',
      false,
    ],
    [
      'abandoned work does not block',
      [work({ endDate: '2015' }), work({ status: 'abandoned' })],
      '2024-06-15',
      true,
    ],
    ['no good work: not stalled', [work({ status: 'abandoned', endDate: '2015' })], '2024-06-15', false],
    [
      'a serious negative: caution, not stalled',
      [work({ endDate: '2015' }), work({ endDate: '2016', outcome: { quality: 1 } })],
      '2024-06-15',
      false,
    ],
    [
      'referrals are not shared work',
      [work({ kind: 'referralReceived', endDate: '2015' })],
      '2024-06-15',
      false,
    ],
  ])('%s → %s', (_, works, today, stalled) => {
    expect(kinds({}, works, day(today)).includes('p1:stalled')).toBe(stalled);
  });

  test.each([
    [Date.UTC(2020, 0, 1), true],
    [Date.UTC(2024, 0, 1), false],
  ])('undated good work ended by the day it was recorded (%i) → %s', (createdAt, stalled) => {
    const undated = work({ endDate: undefined, startDate: undefined, createdAt });
    expect(kinds({}, [undated]).includes('p1:stalled')).toBe(stalled);
  });
});

describe('payment overdue', () => {
  const paid = (payment: NonNullable<SharedWork['outcome']>['payment'], extra: Partial<SharedWork> = {}) =>
    work({
      id: 'pw',
      kind: 'paidProject',
      direction: 'iDelivered',
      endDate: '2024-05-01',
      outcome: { payment },
      ...extra,
    });

  test.each<[string, SharedWork, string, boolean]>([
    [
      'pending, 30 days after the end: due that day, not passed',
      paid({ status: 'pending' }),
      '2024-05-31',
      false,
    ],
    ['pending, 31 days after the end', paid({ status: 'pending' }), '2024-06-01', true],
    [
      'pending with an agreed due date still ahead',
      paid({ status: 'pending', dueDate: '2024-07-01' }),
      '2024-06-15',
      false,
    ],
    [
      'pending with an agreed due date passed',
      paid({ status: 'pending', dueDate: '2024-06-14' }),
      '2024-06-15',
      true,
    ],
    [
      'due "in June": not over until July',
      paid({ status: 'pending', dueDate: '2024-06' }),
      '2024-06-30',
      false,
    ],
    ['unpaid after the due date', paid({ status: 'unpaid' }), '2024-06-15', true],
    ['unpaid with no date at all', paid({ status: 'unpaid' }, { endDate: undefined }), '2024-06-15', true],
    [
      'pending with no date at all: nothing to miss',
      paid({ status: 'pending' }, { endDate: undefined }),
      '2024-06-15',
      false,
    ],
    ['paid on time', paid({ status: 'onTime' }), '2024-06-15', false],
    ['paid late', paid({ status: 'late', lateDays: 12 }), '2024-06-15', false],
    ['no payment recorded', paid(undefined), '2024-06-15', false],
    ['work still in progress', paid({ status: 'pending' }, { status: 'inProgress' }), '2024-06-15', false],
    ['a paid consultation', paid({ status: 'pending' }, { kind: 'consultation' }), '2024-06-15', true],
    [
      'a long engagement I paid for',
      paid({ status: 'pending' }, { kind: 'longEngagement', direction: 'theyDelivered' }),
      '2024-06-15',
      true,
    ],
    ['an unpaid kind of work', paid({ status: 'pending' }, { kind: 'smallTask' }), '2024-06-15', false],
    [
      'month-end plus terms across a leap February',
      paid({ status: 'pending' }, { endDate: '2024-01-31' }),
      '2024-03-01',
      false,
    ],
    ['the day after', paid({ status: 'pending' }, { endDate: '2024-01-31' }), '2024-03-02', true],
  ])('%s → %s', (_, w, today, overdue) => {
    expect(kinds({}, [w], day(today)).includes('p1:paymentOverdue:pw')).toBe(overdue);
  });

  test('one flag per work', () => {
    const a = paid({ status: 'unpaid' }, { id: 'a' });
    const b = paid({ status: 'unpaid' }, { id: 'b' });
    expect(kinds({}, [b, a])).toEqual(['p1:paymentOverdue:a', 'p1:paymentOverdue:b']);
  });

  test('payment terms come from settings', () => {
    const w = paid({ status: 'pending' });
    const ids = flagCandidates(
      person(),
      [w],
      { ...settings, defaultPaymentTermsDays: 60 },
      day('2024-06-15'),
    );
    expect(ids).toEqual([]);
  });
});

describe('follow-up due', () => {
  const plan = (extra: Partial<SharedWork>) =>
    work({ id: 'pl', status: 'planned', endDate: undefined, ...extra });

  test.each<[string, SharedWork, boolean]>([
    ['start date passed', plan({ startDate: '2024-06-14' }), true],
    ['starts today', plan({ startDate: '2024-06-15' }), false],
    ['starts later', plan({ startDate: '2024-07-01' }), false],
    ['starts "this month"', plan({ startDate: '2024-06' }), false],
    ['started "last month"', plan({ startDate: '2024-05' }), true],
    ['no start, end passed', plan({ endDate: '2024-01-01' }), true],
    ['no dates', plan({}), false],
    ['in progress is not a plan', plan({ status: 'inProgress', startDate: '2023' }), false],
    ['done is not a plan', plan({ status: 'done', startDate: '2023' }), false],
  ])('%s → %s', (_, w, due) => {
    expect(kinds({}, [w]).includes('p1:followUpDue:pl')).toBe(due);
  });
});

test('candidates carry deterministic ids, person and work', () => {
  const w = work({ id: 'w9', status: 'planned', startDate: '2024-01-01', endDate: undefined });
  expect(flagCandidates(person({ id: 'x' }), [w], settings, NOW)).toEqual([
    { id: 'x:followUpDue:w9', personId: 'x', kind: 'followUpDue', workId: 'w9' },
  ]);
  expect(flagCandidates(person({ id: 'x', connectedOn: '2001' }), [], settings, NOW)).toEqual([]);
  const vouch = work({ id: 'v1', kind: 'referralGiven' });
  expect(flagCandidates(person({ id: 'x' }), [vouch], settings, NOW)).toEqual([
    { id: 'x:vouchWithoutWork', personId: 'x', kind: 'vouchWithoutWork' },
  ]);
});

describe('reconcileFlags', () => {
  const T0 = 1_000;
  const T1 = 2_000;
  const stalled = { id: 'p1:stalled', personId: 'p1', kind: 'stalled' as const };
  const flag = (state: Flag['state'], extra: Partial<Flag> = {}): Flag => ({
    ...stalled,
    state,
    raisedAt: T0,
    updatedAt: T0,
    ...extra,
  });

  test.each<[string, Flag[], boolean, Flag[]]>([
    ['a new candidate opens a flag', [], true, [flag('open', { raisedAt: T1, updatedAt: T1 })]],
    ['an open flag that still applies is unchanged', [flag('open')], true, []],
    [
      'an open flag that no longer applies closes',
      [flag('open')],
      false,
      [flag('closed', { updatedAt: T1 })],
    ],
    [
      'a closed flag that applies again reopens, raised anew',
      [flag('closed')],
      true,
      [flag('open', { raisedAt: T1, updatedAt: T1 })],
    ],
    ['a closed flag that does not apply stays closed', [flag('closed')], false, []],
    ['snoozed until later stays snoozed', [flag('snoozed', { snoozedUntil: T1 + 1 })], true, []],
    [
      'snoozed until later stays snoozed even if resolved',
      [flag('snoozed', { snoozedUntil: T1 + 1 })],
      false,
      [],
    ],
    [
      'snooze over and still applies: reopens',
      [flag('snoozed', { snoozedUntil: T1 })],
      true,
      [flag('open', { updatedAt: T1 })],
    ],
    [
      'snooze over and resolved: closes',
      [flag('snoozed', { snoozedUntil: T1 - 1 })],
      false,
      [flag('closed', { updatedAt: T1 })],
    ],
    ['snoozed with no end stays snoozed', [flag('snoozed')], true, []],
    ['dismissed stays dismissed', [flag('dismissed')], true, []],
    ['dismissed and resolved stays dismissed', [flag('dismissed')], false, []],
  ])('%s', (_, existing, applies, expected) => {
    const { put } = reconcileFlags(existing, applies ? [stalled] : [], T1);
    expect(put).toEqual(expected);
  });

  test('a work flag keeps its work id', () => {
    const c = { id: 'p1:followUpDue:w1', personId: 'p1', kind: 'followUpDue' as const, workId: 'w1' };
    expect(reconcileFlags([], [c], T1).put).toEqual([
      {
        id: c.id,
        personId: 'p1',
        kind: 'followUpDue',
        workId: 'w1',
        state: 'open',
        raisedAt: T1,
        updatedAt: T1,
      },
    ]);
  });

  test('does not mutate its input', () => {
    const existing = [flag('snoozed', { snoozedUntil: T0 })];
    const copy = structuredClone(existing);
    reconcileFlags(existing, [stalled], T1);
    expect(existing).toEqual(copy);
  });
});

describe('suggestedSteps', () => {
  test.each([
    ['stalled', ['proposeSmallPaidTrial', 'offerShortConsultation', 'proposeSmallTask', 'volunteerTogether']],
    ['paymentOverdue', ['sendPoliteReminder']],
    ['followUpDue', ['confirmPlannedWork', 'reschedulePlannedWork']],
    ['vouchWithoutWork', ['recordWorkTogether', 'proposeSmallTask']],
  ] as const)('%s → %j', (kind, steps) => {
    expect(suggestedSteps(kind)).toEqual(steps);
  });
});

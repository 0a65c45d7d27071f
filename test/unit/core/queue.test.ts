import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type EntryStatus,
  firstStep,
  type QueueCandidate,
  queueHistory,
  queueRank,
  queueReasons,
  queueSize,
  refreshQueue,
  stepWork,
} from '../../../src/core/queue.ts';
import type { QueueEntry } from '../../../src/core/types.ts';
import { warmth } from '../../../src/core/warmth.ts';
import { personArb } from './arbitraries.ts';
import { NOW, person, work } from './build.ts';

const T = 1_000_000;

function entry(personId: string, state: QueueEntry['state'], extra: Partial<QueueEntry> = {}): QueueEntry {
  return {
    id: personId,
    personId,
    state,
    queuedAt: T - 10,
    reasons: [],
    step: 'volunteerTogether',
    ...extra,
  };
}

function candidate(personId: string, rank: number): QueueCandidate {
  return { personId, rank, reasons: [{ code: 'untestedYears', years: 4 }], step: 'volunteerTogether' };
}

const dormant = (rank: number): EntryStatus => ({ status: 'dormant', candidate: candidate('x', rank) });

describe('queueRank and reasons', () => {
  test('only people with an untested first contact have a rank', () => {
    expect(queueRank(person({ connectedOn: '2018' }), [])).toBeTypeOf('number');
    expect(queueRank(person({ connectedOn: '2018' }), [work({ status: 'planned' })])).toBeUndefined();
    expect(queueRank(person(), [])).toBeUndefined();
  });

  test('among people equally warm, the longest untested comes first', () => {
    expect(queueRank(person({ connectedOn: '2012' }), [])!).toBeGreaterThan(
      queueRank(person({ connectedOn: '2020' }), [])!,
    );
  });

  test('any contact outweighs a longer silence', () => {
    const talked = person({
      connectedOn: '2020',
      archive: {
        endorsements: {
          received: 1,
          given: 0,
          skillsReceived: [],
          skillsGiven: [],
          lastReceived: '2021-01-01',
        },
      },
    });
    expect(queueRank(talked, [])!).toBeGreaterThan(queueRank(person({ connectedOn: '2008' }), [])!);
  });

  test('the rank never depends on the order of the work records', () => {
    fc.assert(
      fc.property(
        personArb(),
        fc.array(fc.constantFrom('abandoned' as const), { maxLength: 3 }),
        (who, states) => {
          const works = states.map((status) => work({ status }));
          expect(queueRank(who, works)).toBe(queueRank(who, [...works].reverse()));
        },
      ),
    );
  });

  test('reasons end with how long they have gone untested', () => {
    expect(queueReasons(person({ connectedOn: '2018-01-01' }), [], NOW)).toEqual([
      { code: 'untestedYears', years: 6 },
    ]);
  });

  test.each([
    ['they endorsed me', [{ code: 'theyEndorsedMe', count: 1 }], 'offerFreeSample'],
    ['we talked', [{ code: 'iWroteFirst' }], 'proposeSmallTask'],
    ['I endorsed them', [{ code: 'iEndorsedThem', count: 2 }], 'offerShortConsultation'],
    ['introduced', [{ code: 'introduced' }], 'offerShortConsultation'],
    ['nothing known', [{ code: 'untestedYears', years: 5 }], 'volunteerTogether'],
  ] as const)('first step when %s: %s', (_, reasons, step) => {
    expect(firstStep(reasons)).toBe(step);
  });

  test('the warmth score never depends on today: there is no date in its inputs but the records', () => {
    const who = person({ connectedOn: '2015', tags: ['a'] });
    expect(warmth(who, [])).toEqual(warmth(structuredClone(who), []));
  });
});

describe('refreshQueue', () => {
  const statusOf =
    (map: Record<string, EntryStatus>) =>
    (id: string): EntryStatus =>
      map[id] ?? { status: 'gone' };

  test('an empty queue fills from the best candidates', () => {
    const { put, remove } = refreshQueue({
      entries: [],
      statusOf: statusOf({}),
      fillers: [candidate('a', 9), candidate('b', 8), candidate('c', 7)],
      size: 2,
      now: T,
    });
    expect(put.map((e) => [e.id, e.state, e.queuedAt])).toEqual([
      ['a', 'queued', T],
      ['b', 'queued', T],
    ]);
    expect(remove).toEqual([]);
  });

  test('a dismissal moves the next person in, and the dismissed person never comes back', () => {
    const entries = [entry('a', 'dismissed'), entry('b', 'queued')];
    const { put } = refreshQueue({
      entries,
      statusOf: statusOf({ a: dormant(9), b: dormant(8) }),
      fillers: [candidate('a', 9), candidate('c', 7)],
      size: 2,
      now: T,
    });
    // b keeps its place (its reasons refreshed), c comes in, a stays dismissed.
    expect(put.map((e) => [e.id, e.state])).toEqual([
      ['b', 'queued'],
      ['c', 'queued'],
    ]);
  });

  test('a queued person with work recorded is started, for the history, and the slot refills', () => {
    const { put } = refreshQueue({
      entries: [entry('a', 'queued')],
      statusOf: statusOf({ a: { status: 'started' } }),
      fillers: [candidate('b', 5)],
      size: 1,
      now: T,
    });
    expect(put).toEqual([
      { ...entry('a', 'queued'), state: 'started', decidedAt: T, startedAt: T },
      expect.objectContaining({ id: 'b', state: 'queued' }),
    ]);
  });

  test('a snooze that is over frees the person; one still running holds them', () => {
    const over = refreshQueue({
      entries: [entry('a', 'snoozed', { snoozedUntil: T })],
      statusOf: statusOf({ a: dormant(1) }),
      fillers: [],
      size: 5,
      now: T,
    });
    expect(over).toEqual({ put: [], remove: ['a'] });
    const running = refreshQueue({
      entries: [entry('a', 'snoozed', { snoozedUntil: T + 1 })],
      statusOf: statusOf({ a: dormant(1) }),
      fillers: [candidate('a', 1)],
      size: 5,
      now: T,
    });
    expect(running).toEqual({ put: [], remove: [] });
  });

  test('a smaller queue size lets the lowest-ranked go', () => {
    const { put, remove } = refreshQueue({
      entries: [entry('a', 'queued'), entry('b', 'queued'), entry('c', 'queued')],
      statusOf: statusOf({ a: dormant(3), b: dormant(9), c: dormant(5) }),
      fillers: [],
      size: 2,
      now: T,
    });
    expect(remove).toEqual(['a']);
    expect(put.every((e) => e.id !== 'a')).toBe(true);
  });

  test('deleted people leave the queue', () => {
    expect(
      refreshQueue({ entries: [entry('a', 'queued')], statusOf: statusOf({}), fillers: [], size: 5, now: T }),
    ).toEqual({ put: [], remove: ['a'] });
  });

  test('picked again after an abandoned start, the person keeps when they first started', () => {
    const { put } = refreshQueue({
      entries: [entry('a', 'started', { startedAt: T - 5 })],
      statusOf: statusOf({ a: dormant(5) }),
      fillers: [candidate('a', 5)],
      size: 1,
      now: T,
    });
    expect(put).toEqual([expect.objectContaining({ id: 'a', state: 'queued', startedAt: T - 5 })]);
  });

  test.each([
    [0, 1],
    [25, 20],
    [7, 7],
    [Number.NaN, 5],
  ])('queue size %s is taken as %s', (setting, size) => {
    expect(queueSize(setting)).toBe(size);
  });
});

const states = ['queued', 'snoozed', 'dismissed', 'started'] as const;
const scenario = fc.record({
  entries: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      state: fc.constantFrom(...states),
      snoozedUntil: fc.option(fc.integer({ min: T - 10, max: T + 10 }), { nil: undefined }),
    }),
    { selector: (e) => e.id, maxLength: 6 },
  ),
  status: fc.dictionary(
    fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    fc.oneof(
      fc
        .integer({ min: 0, max: 50 })
        .map((rank): EntryStatus => ({ status: 'dormant', candidate: candidate('x', rank) })),
      fc.constant<EntryStatus>({ status: 'started' }),
      fc.constant<EntryStatus>({ status: 'gone' }),
    ),
  ),
  fillers: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 8 }),
  size: fc.integer({ min: 1, max: 20 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function applyChanges(entries: QueueEntry[], changes: { put: QueueEntry[]; remove: string[] }): QueueEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const id of changes.remove) byId.delete(id);
  for (const e of changes.put) byId.set(e.id, e);
  return [...byId.values()];
}

describe('refreshQueue properties', () => {
  const build = (s: Scenario) => {
    const entries = s.entries.map((e) =>
      entry(
        e.id,
        e.state,
        e.state === 'snoozed' && e.snoozedUntil !== undefined ? { snoozedUntil: e.snoozedUntil } : {},
      ),
    );
    // Fillers are dormant people, as the worker reads them: their status says so, with the same rank.
    const fillers = s.fillers.map((id, i) => candidate(id, 100 - i));
    const statusOf = (id: string): EntryStatus => {
      const filler = fillers.find((f) => f.personId === id);
      if (filler) return { status: 'dormant', candidate: filler };
      const found = s.status[id];
      if (found?.status === 'dormant')
        return { status: 'dormant', candidate: { ...found.candidate, personId: id } };
      return found ?? { status: 'gone' };
    };
    return { entries, statusOf, fillers };
  };

  test('never more than the queue size, never a dismissed person queued, idempotent', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { entries, statusOf, fillers } = build(s);
        const changes = refreshQueue({ entries, statusOf, fillers, size: s.size, now: T });
        const after = applyChanges(entries, changes);
        expect(after.filter((e) => e.state === 'queued').length).toBeLessThanOrEqual(s.size);
        for (const e of entries.filter((x) => x.state === 'dismissed' && statusOf(x.id).status !== 'gone')) {
          expect(after.find((x) => x.id === e.id)?.state).toBe('dismissed');
        }
        // Running it again over its own result (same fillers, same statuses) changes nothing.
        expect(refreshQueue({ entries: after, statusOf, fillers, size: s.size, now: T })).toEqual({
          put: [],
          remove: [],
        });
      }),
      { numRuns: 400 },
    );
  });
});

describe('queueHistory', () => {
  test('counts starts this month and this year in local time', () => {
    const now = new Date(2024, 5, 15, 12);
    const at = (y: number, m: number) => new Date(y, m, 10, 12).getTime();
    const history = queueHistory(
      [
        entry('a', 'started', { startedAt: at(2024, 5) }),
        entry('b', 'started', { startedAt: at(2024, 1) }),
        entry('c', 'queued', { startedAt: at(2023, 5) }),
        entry('d', 'queued'),
        entry('e', 'dismissed'),
        entry('f', 'snoozed'),
      ],
      now,
    );
    expect(history).toEqual({
      queued: 2,
      snoozed: 1,
      dismissed: 1,
      startedThisMonth: 1,
      startedThisYear: 2,
      startedEver: 3,
    });
  });
});

describe('stepWork', () => {
  test.each([
    ['proposeSmallTask', 'smallTask', 'together'],
    ['offerFreeSample', 'freeSampleGiven', 'iDelivered'],
    ['offerShortConsultation', 'consultation', 'iDelivered'],
    ['volunteerTogether', 'volunteer', 'together'],
    ['proposeSmallPaidTrial', 'trial', 'together'],
  ] as const)('%s is a planned %s, %s', (step, kind, direction) => {
    expect(stepWork(step)).toEqual({ kind, direction, status: 'planned' });
  });
});

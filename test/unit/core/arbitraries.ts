// fast-check generators of people and shared work, shared by the core property tests.
import fc from 'fast-check';
import { type Outcome, type Person, type SharedWork, WORK_KINDS } from '../../../src/core/types.ts';

export { WORK_KINDS };

/** Partial dates from 2010 to 2030 (so some are in the future of the tests' 2024 "now"), or none. */
export const partialDate = fc.option(
  fc
    .tuple(
      fc.integer({ min: 2010, max: 2030 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .chain(([y, m, d]) => {
      const mm = String(m).padStart(2, '0');
      return fc.constantFrom(String(y), `${y}-${mm}`, `${y}-${mm}-${String(d).padStart(2, '0')}`);
    }),
  { nil: undefined },
);

export const outcome: fc.Arbitrary<Outcome | undefined> = fc.option(
  fc.record(
    {
      quality: fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<1 | 2 | 3 | 4 | 5>,
      reliability: fc.constantFrom('onTime', 'late', 'missed') as fc.Arbitrary<'onTime' | 'late' | 'missed'>,
      payment: fc.record(
        {
          status: fc.constantFrom('pending', 'onTime', 'late', 'unpaid') as fc.Arbitrary<
            'pending' | 'onTime' | 'late' | 'unpaid'
          >,
          dueDate: partialDate,
        },
        { requiredKeys: ['status'] },
      ),
      wouldWorkAgain: fc.constantFrom('yes', 'no', 'unsure') as fc.Arbitrary<'yes' | 'no' | 'unsure'>,
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

export function sharedWork(personId = 'p1'): fc.Arbitrary<SharedWork> {
  return fc.record({
    id: fc.uuid(),
    personId: fc.constant(personId),
    kind: fc.constantFrom(...WORK_KINDS),
    direction: fc.constantFrom('theyDelivered', 'iDelivered', 'together') as fc.Arbitrary<
      SharedWork['direction']
    >,
    status: fc.constantFrom('planned', 'inProgress', 'done', 'abandoned') as fc.Arbitrary<
      SharedWork['status']
    >,
    startDate: partialDate,
    endDate: partialDate,
    outcome,
    createdAt: fc.integer({ min: 1_262_304_000_000, max: 1_718_000_000_000 }),
    updatedAt: fc.constant(0),
  });
}

export const works = fc.uniqueArray(sharedWork(), { maxLength: 8, selector: (w) => w.id });

export function personArb(id = 'p1'): fc.Arbitrary<Person> {
  return fc.record({
    id: fc.constant(id),
    name: fc.constant('Someone'),
    tags: fc.constant([]),
    userEdited: fc.constant([]),
    createdAt: fc.constant(0),
    updatedAt: fc.constant(0),
    connectedOn: partialDate,
    firstMet: fc.option(fc.record({ date: partialDate }), { nil: undefined }),
  });
}

/** Work with a good outcome: done, past or undated, not a referral, nothing seriously wrong. */
export const goodWork: fc.Arbitrary<SharedWork> = fc
  .tuple(
    sharedWork(),
    fc.constantFrom(...WORK_KINDS.filter((k) => !k.startsWith('referral'))),
    fc.option(fc.integer({ min: 2010, max: 2023 }).map(String), { nil: undefined }),
    fc.constantFrom(3, 4, 5) as fc.Arbitrary<3 | 4 | 5>,
  )
  .map(([w, kind, date, quality]) => ({
    ...w,
    id: `good-${w.id}`,
    kind,
    status: 'done' as const,
    startDate: date,
    endDate: date,
    outcome: { quality, reliability: 'onTime' as const, wouldWorkAgain: 'yes' as const },
  }));

/** Work carrying one serious negative that counts: done or abandoned, past or undated. */
export const seriouslyBadWork: fc.Arbitrary<SharedWork> = fc
  .tuple(
    sharedWork(),
    fc.constantFrom<Outcome>(
      { payment: { status: 'unpaid' } },
      { reliability: 'missed' },
      { quality: 2 },
      { quality: 1 },
      { wouldWorkAgain: 'no' },
    ),
    fc.option(fc.integer({ min: 2010, max: 2023 }).map(String), { nil: undefined }),
  )
  .map(([w, bad, date]) => ({
    ...w,
    id: `bad-${w.id}`,
    status: 'done' as const,
    startDate: date,
    endDate: date,
    outcome: { ...w.outcome, ...bad },
  }));

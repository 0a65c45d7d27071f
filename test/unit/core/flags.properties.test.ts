import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FLAG_KINDS, flagCandidates, flagId, reconcileFlags } from '../../../src/core/flags.ts';
import { DEFAULT_SETTINGS, type Flag } from '../../../src/core/types.ts';
import { personArb, works } from './arbitraries.ts';
import { NOW } from './build.ts';

const ids = fc.constantFrom(...FLAG_KINDS.flatMap((kind) => ['p1', 'p2'].map((p) => flagId(p, kind))));

const flagArb: fc.Arbitrary<Flag> = fc
  .record({
    id: ids,
    state: fc.constantFrom('open', 'snoozed', 'dismissed', 'closed') as fc.Arbitrary<Flag['state']>,
    raisedAt: fc.integer({ min: 0, max: 1_000 }),
    snoozedUntil: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
  })
  .map(({ id, state, raisedAt, snoozedUntil }) => {
    const [personId, kind] = id.split(':') as [string, Flag['kind']];
    const flag: Flag = { id, personId, kind, state, raisedAt, updatedAt: raisedAt };
    if (state === 'snoozed' && snoozedUntil !== undefined) flag.snoozedUntil = snoozedUntil;
    return flag;
  });

const scenario = fc.record({
  existing: fc.uniqueArray(flagArb, { selector: (f) => f.id, maxLength: 8 }),
  applicable: fc.uniqueArray(ids, { maxLength: 8 }),
  now: fc.integer({ min: 1_000, max: 3_000 }),
});

function candidatesOf(applicable: string[]) {
  return applicable.map((id) => {
    const [personId, kind] = id.split(':') as [string, Flag['kind']];
    return { id, personId, kind };
  });
}

function apply(existing: Flag[], put: Flag[]): Flag[] {
  const byId = new Map(existing.map((f) => [f.id, f]));
  for (const f of put) byId.set(f.id, f);
  return [...byId.values()];
}

describe('reconcileFlags properties', () => {
  test('is idempotent: reconciling its own result changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ existing, applicable, now }) => {
        const candidates = candidatesOf(applicable);
        const first = reconcileFlags(existing, candidates, now).put;
        expect(reconcileFlags(apply(existing, first), candidates, now).put).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  test('never touches dismissed flags, and leaves every applicable flag open or held by the user', () => {
    fc.assert(
      fc.property(scenario, ({ existing, applicable, now }) => {
        const put = reconcileFlags(existing, candidatesOf(applicable), now).put;
        const dismissed = new Set(existing.filter((f) => f.state === 'dismissed').map((f) => f.id));
        for (const f of put) expect(dismissed.has(f.id)).toBe(false);
        const after = apply(existing, put);
        for (const id of applicable) {
          const f = after.find((x) => x.id === id);
          expect(f && ['open', 'snoozed', 'dismissed'].includes(f.state)).toBe(true);
          if (f?.state === 'snoozed') expect(f.snoozedUntil === undefined || f.snoozedUntil > now).toBe(true);
        }
        for (const f of after) {
          if (!applicable.includes(f.id) && f.state === 'open') expect.fail(`${f.id} open without a cause`);
        }
      }),
      { numRuns: 500 },
    );
  });
});

test('flag candidates do not depend on the order of records', () => {
  fc.assert(
    fc.property(
      personArb(),
      works.chain((ws) => fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length }))),
      (person, [ordered, shuffled]) => {
        expect(flagCandidates(person, shuffled, DEFAULT_SETTINGS, NOW)).toEqual(
          flagCandidates(person, ordered, DEFAULT_SETTINGS, NOW),
        );
      },
    ),
    { numRuns: 300 },
  );
});

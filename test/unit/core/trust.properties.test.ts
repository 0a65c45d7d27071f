import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluatePerson, LADDER_STAGES } from '../../../src/core/trust.ts';
import { goodWork, personArb, seriouslyBadWork, works } from './arbitraries.ts';
import { NOW } from './build.ts';

describe('evaluatePerson properties', () => {
  test('adding good evidence never lowers the ladder stage', () => {
    fc.assert(
      fc.property(personArb(), works, goodWork, (person, before, extra) => {
        const was = evaluatePerson({ person, works: before, now: NOW }).stage.ladder;
        const is = evaluatePerson({ person, works: [...before, extra], now: NOW }).stage.ladder;
        expect(LADDER_STAGES.indexOf(is)).toBeGreaterThanOrEqual(LADDER_STAGES.indexOf(was));
        expect(LADDER_STAGES.indexOf(is)).toBeGreaterThanOrEqual(LADDER_STAGES.indexOf('tested'));
      }),
      { numRuns: 300 },
    );
  });

  test('the order of records does not matter', () => {
    fc.assert(
      fc.property(
        personArb(),
        works.chain((ws) => fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws, { minLength: ws.length }))),
        (person, [ordered, shuffled]) => {
          expect(evaluatePerson({ person, works: shuffled, now: NOW })).toEqual(
            evaluatePerson({ person, works: ordered, now: NOW }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a serious negative always yields caution, with that work as evidence', () => {
    fc.assert(
      fc.property(personArb(), works, seriouslyBadWork, (person, others, bad) => {
        const stage = evaluatePerson({ person, works: [...others, bad], now: NOW }).stage;
        expect(stage.stage).toBe('caution');
        expect(stage.caution?.evidence).toContain(bad.id);
      }),
      { numRuns: 300 },
    );
  });

  test('every id an evaluation cites is one of the records given', () => {
    fc.assert(
      fc.property(personArb(), works, (person, ws) => {
        const result = evaluatePerson({ person, works: ws, now: NOW });
        const known = new Set(ws.map((w) => w.id));
        const cited = [
          ...result.stage.evidence,
          ...(result.stage.caution?.evidence ?? []),
          ...result.myTrust.evidence,
          ...result.theirTrust.evidence,
          ...result.vouch.evidence,
        ];
        for (const id of cited) expect(known.has(id)).toBe(true);
        if (result.stage.ladder !== 'connected' && result.stage.reason !== 'metNoWork') {
          expect(result.stage.evidence.length).toBeGreaterThan(0);
        }
        expect(result.vouch.canVouch).toBe(
          result.myTrust.level === 'tested' || result.myTrust.level === 'proven',
        );
      }),
      { numRuns: 300 },
    );
  });
});

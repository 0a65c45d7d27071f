import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  contentId,
  mergeArchiveFacts,
  nameKey,
  type Recommendation,
  recommendationWork,
  recommendationWorkId,
  sameValue,
} from '../../../src/core/archive.ts';
import { flagCandidates } from '../../../src/core/flags.ts';
import { evaluatePerson } from '../../../src/core/trust.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/types.ts';
import { NOW, person, work } from './build.ts';

const rec = (extra: Partial<Recommendation> = {}): Recommendation => ({
  firstName: 'Jane',
  lastName: 'Hwang, MSPH',
  company: 'Acme',
  jobTitle: 'Director',
  text: 'Jane ran our field study with care.',
  date: '2021-08-11',
  status: 'VISIBLE',
  ...extra,
});

describe('nameKey', () => {
  test.each([
    ['Jane Hwang, MSPH', 'jane hwang'],
    ['Jane Hwang', 'jane hwang'],
    ['  JANE   hwang ', 'jane hwang'],
    ['Zoë O’Brien', 'zoe o brien'],
    ['Zoe O Brien', 'zoe o brien'],
    ['أمل الحسيني، دكتوراه', 'امل الحسيني'],
    ['Dr. Sam Lee 🌟', 'dr sam lee'],
  ])('%s → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe('a recommendation received', () => {
  test('makes them an ambassador, counts toward their trust in me with its text, and dates the first recommendation', () => {
    const w = recommendationWork('received', rec(), 'p1', 5);
    expect(w).toMatchObject({
      kind: 'referralReceived',
      status: 'done',
      endDate: '2021-08-11',
      note: 'Jane ran our field study with care.',
      title: 'Director, Acme',
      personId: 'p1',
    });
    const result = evaluatePerson({ person: person({ connectedOn: '2015' }), works: [w], now: NOW });
    expect(result.stage).toMatchObject({ stage: 'ambassador', reason: 'recommendedMe', evidence: [w.id] });
    expect(result.theirTrust).toEqual({ level: 'tested', reason: 'theyRecommendedMe', evidence: [w.id] });
    expect(result.milestones.firstRecommendation).toEqual({
      kind: 'firstRecommendation',
      date: '2021-08-11',
      workId: w.id,
    });
  });

  test('property: any received recommendation with a past date does all three', () => {
    const past = fc
      .tuple(
        fc.integer({ min: 2004, max: 2023 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ minLength: 1 }), past, (first, last, text, date) => {
        const w = recommendationWork(
          'received',
          rec({ firstName: first, lastName: last, text, date }),
          'p1',
          0,
        );
        const result = evaluatePerson({ person: person(), works: [w], now: NOW });
        expect(result.stage.ladder).toBe('ambassador');
        expect(result.theirTrust.evidence).toContain(w.id);
        expect(result.milestones.firstRecommendation?.date).toBe(date);
        expect(w.note ?? '').toBe(text.trim().slice(0, 5000));
      }),
    );
  });
});

describe('a recommendation given', () => {
  test('is a vouch, flagged while nothing we did together is recorded', () => {
    const w = recommendationWork('given', rec(), 'p1', 5);
    expect(w).toMatchObject({ kind: 'referralGiven', direction: 'theyDelivered', status: 'done' });
    const flags = (works = [w]) => flagCandidates(person(), works, DEFAULT_SETTINGS, NOW).map((c) => c.kind);
    expect(flags()).toContain('vouchWithoutWork');
    expect(flags([w, work({ status: 'done', direction: 'theyDelivered' })])).not.toContain(
      'vouchWithoutWork',
    );
    // Not celebrated either: without proof, a vouch alone does not make them an ambassador.
    expect(evaluatePerson({ person: person(), works: [w], now: NOW }).stage.ladder).not.toBe('ambassador');
  });
});

describe('recommendation ids', () => {
  test('depend on who, when and what, never on the person matched', () => {
    expect(recommendationWork('received', rec(), 'p1', 1).id).toBe(
      recommendationWork('received', rec(), 'p2', 9).id,
    );
    expect(recommendationWorkId('received', rec())).not.toBe(recommendationWorkId('given', rec()));
    expect(recommendationWorkId('received', rec())).not.toBe(
      recommendationWorkId('received', rec({ text: 'x' })),
    );
    expect(recommendationWorkId('received', rec())).toBe(
      recommendationWorkId('received', rec({ lastName: 'Hwang' })),
    );
  });

  test('content ids do not collide over many different texts', () => {
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => contentId(`row ${i}`)));
    expect(ids.size).toBe(20_000);
  });
});

describe('archive facts', () => {
  const messages = {
    total: 1,
    fromThem: 1,
    conversations: 1,
    first: '2020-01-01',
    last: '2020-01-01',
    firstFrom: 'them' as const,
    perYear: [{ year: 2020, count: 1 }],
  };
  test('an import replaces only the parts it read', () => {
    const stored = { messages, invitation: { direction: 'sent' as const, date: '2019-01-01' } };
    const endorsements = { received: 1, given: 0, skillsReceived: ['Go'], skillsGiven: [] };
    expect(mergeArchiveFacts(stored, { endorsements })).toEqual({ ...stored, endorsements });
    expect(mergeArchiveFacts(undefined, {})).toBeUndefined();
  });

  test('sameValue ignores key order and undefined keys', () => {
    expect(sameValue({ a: 1, b: { c: 2, d: undefined } }, { b: { c: 2 }, a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});

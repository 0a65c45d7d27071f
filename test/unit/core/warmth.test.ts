import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ArchiveFacts, MessageFacts, Person } from '../../../src/core/types.ts';
import { lastContact, warmth } from '../../../src/core/warmth.ts';
import { personArb } from './arbitraries.ts';
import { person, work } from './build.ts';

function messages(overrides: Partial<MessageFacts> = {}): MessageFacts {
  return {
    total: 14,
    fromThem: 6,
    conversations: 2,
    first: '2022-03-01',
    last: '2024-05-02',
    firstFrom: 'them',
    perYear: [
      { year: 2022, count: 4 },
      { year: 2024, count: 10 },
    ],
    ...overrides,
  };
}

describe('warmth reasons, in the words of the issue', () => {
  test('messages per latest year, who wrote first, endorsements both ways', () => {
    const who = person({
      archive: {
        messages: messages(),
        endorsements: { received: 2, given: 1, skillsReceived: ['UX'], skillsGiven: ['SQL'] },
      },
    });
    expect(warmth(who, []).reasons).toEqual([
      { code: 'messagesInYear', count: 10, year: 2024 },
      { code: 'messagesEarlier', count: 4 },
      { code: 'theyWroteFirst' },
      { code: 'theyEndorsedMe', count: 2 },
      { code: 'iEndorsedThem', count: 1 },
    ]);
  });

  test('recommendations, invitation, introduction, tags and a visit are all reasons', () => {
    const who = person({
      introducedBy: 'p9',
      tags: ['client'],
      lastVisitedOn: '2024-01-05',
      archive: { invitation: { direction: 'received', date: '2019-01-02', message: 'Loved your talk' } },
    });
    const works = [
      work({ kind: 'referralReceived', endDate: '2021-04-01' }),
      work({ kind: 'referralGiven', endDate: '2020-04-01' }),
    ];
    expect(warmth(who, works).reasons).toEqual([
      { code: 'theyRecommendedMe', year: 2021 },
      { code: 'iRecommendedThem', year: 2020 },
      { code: 'theyInvitedMe', note: true },
      { code: 'introduced' },
      { code: 'tagged', tags: ['client'] },
      { code: 'visitedProfile', date: '2024-01-05' },
    ]);
  });

  test('nothing known: no reasons, and colder than anyone with a sign of contact', () => {
    const cold = warmth(person(), []);
    expect(cold.reasons).toEqual([]);
    const endorsedOnce = warmth(
      person({ archive: { endorsements: { received: 1, given: 0, skillsReceived: [], skillsGiven: [] } } }),
      [],
    );
    expect(endorsedOnce.score).toBeGreaterThan(cold.score);
  });

  test('the last contact is the latest of messages, invitation, endorsements and visits', () => {
    expect(
      lastContact(
        person({
          lastVisitedOn: '2023-01-01',
          archive: {
            messages: messages({ last: '2022-01-01' }),
            endorsements: {
              received: 1,
              given: 1,
              skillsReceived: [],
              skillsGiven: [],
              lastGiven: '2023-06-01',
            },
          },
        }),
      ),
    ).toBe('2023-06-01');
    expect(lastContact(person())).toBeUndefined();
  });
});

const archiveArb: fc.Arbitrary<ArchiveFacts> = fc.record(
  {
    messages: fc
      .tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 2005, max: 2025 }), fc.boolean())
      .map(([total, year, theyFirst]) =>
        messages({
          total,
          fromThem: Math.floor(total / 2),
          last: `${year}-06-01`,
          first: `${year - 1}-01-01`,
          firstFrom: theyFirst ? 'them' : 'me',
          perYear: [{ year, count: total }],
        }),
      ),
    endorsements: fc
      .tuple(fc.nat(10), fc.nat(10))
      .map(([received, given]) => ({ received, given, skillsReceived: [], skillsGiven: [] })),
  },
  { requiredKeys: [] },
);

const withArchive: fc.Arbitrary<Person> = fc
  .tuple(personArb(), archiveArb)
  .map(([p, archive]) => ({ ...p, archive }));

describe('warmth properties', () => {
  test('more messages, the rest equal, never makes someone colder', () => {
    fc.assert(
      fc.property(withArchive, fc.integer({ min: 1, max: 100 }), (who, more) => {
        const base = who.archive?.messages;
        if (!base) return;
        const warmer = {
          ...who,
          archive: { ...who.archive, messages: { ...base, total: base.total + more } },
        };
        expect(warmth(warmer, []).score).toBeGreaterThanOrEqual(warmth(who, []).score);
      }),
    );
  });

  test('a later last message, the rest equal, never makes someone colder', () => {
    fc.assert(
      fc.property(withArchive, fc.integer({ min: 1, max: 3000 }), (who, days) => {
        const base = who.archive?.messages;
        if (!base) return;
        const later = new Date(Date.UTC(Number(base.last.slice(0, 4)), 5, 1) + days * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const warmer = { ...who, archive: { ...who.archive, messages: { ...base, last: later } } };
        expect(warmth(warmer, []).score).toBeGreaterThanOrEqual(warmth(who, []).score);
      }),
    );
  });

  test('an endorsement, a tag or an introduction never makes someone colder', () => {
    fc.assert(
      fc.property(withArchive, (who) => {
        const before = warmth(who, []).score;
        const endorsements = who.archive?.endorsements ?? {
          received: 0,
          given: 0,
          skillsReceived: [],
          skillsGiven: [],
        };
        const endorsed = {
          ...who,
          archive: { ...who.archive, endorsements: { ...endorsements, received: endorsements.received + 1 } },
        };
        expect(warmth(endorsed, []).score).toBeGreaterThanOrEqual(before);
        expect(warmth({ ...who, tags: ['x'] }, []).score).toBeGreaterThan(before);
        expect(warmth({ ...who, introducedBy: 'p2' }, []).score).toBeGreaterThan(before);
      }),
    );
  });

  test('every sign of contact gives at least one reason: warmth is never a bare number', () => {
    fc.assert(
      fc.property(withArchive, (who) => {
        const { score, reasons } = warmth(who, []);
        if (score > 0) expect(reasons.length).toBeGreaterThan(0);
      }),
    );
  });
});

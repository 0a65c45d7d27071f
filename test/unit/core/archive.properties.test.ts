// Property tests of the rules that turn LinkedIn's archive into evidence (issue #14, part 2): a recommendation
// given is a vouch that is flagged while no work together is recorded; the archive's first message or invitation
// is the `met` milestone only when it is earlier than every other first contact; and warmth always comes as
// reasons in words, in English and in Arabic, never as a bare number.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Recommendation, recommendationWork } from '../../../src/core/archive.ts';
import { comparePartialDates, isPartialDate } from '../../../src/core/dates.ts';
import { flagCandidates } from '../../../src/core/flags.ts';
import { type Catalog, formatMessage } from '../../../src/core/messageFormat.ts';
import { REASON_WORD_KEYS, reasonWords, type WordFormat } from '../../../src/core/reasonWords.ts';
import { evaluatePerson } from '../../../src/core/trust.ts';
import {
  type ArchiveFacts,
  DEFAULT_SETTINGS,
  type Person,
  type SharedWork,
} from '../../../src/core/types.ts';
import { WARMTH_CODES, warmth } from '../../../src/core/warmth.ts';
import { partialDate, personArb, sharedWork } from './arbitraries.ts';
import { NOW } from './build.ts';

/** Full dates up to the tests' "now" (2024-06-15). */
const pastDay = fc
  .tuple(
    fc.integer({ min: 2004, max: 2023 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const recommendation: fc.Arbitrary<Recommendation> = fc.record({
  firstName: fc.string({ maxLength: 12 }),
  lastName: fc.string({ maxLength: 12 }),
  text: fc.string({ minLength: 1, maxLength: 80 }),
  date: pastDay,
});

/** Work other than referrals, in any state: what "work together" can be. */
const otherWork = fc.uniqueArray(
  sharedWork().filter((w) => w.kind !== 'referralGiven' && w.kind !== 'referralReceived'),
  { maxLength: 5, selector: (w) => w.id },
);

describe('a recommendation given', () => {
  test('is flagged "record what you did together" exactly while no work together is done or under way', () => {
    fc.assert(
      fc.property(personArb(), recommendation, otherWork, (who, rec, works) => {
        const vouch = recommendationWork('given', rec, who.id, 0);
        const kinds = flagCandidates(who, [...works, vouch], DEFAULT_SETTINGS, NOW).map((c) => c.kind);
        const together = works.some((w) => w.status === 'done' || w.status === 'inProgress');
        expect(kinds.includes('vouchWithoutWork')).toBe(!together);
        // Without the vouch, the same work never raises it: the flag is about the recommendation.
        expect(flagCandidates(who, works, DEFAULT_SETTINGS, NOW).map((c) => c.kind)).not.toContain(
          'vouchWithoutWork',
        );
      }),
    );
  });

  test('joins the vouch history (a done referral I gave, dated, in the milestones) and is never celebrated alone', () => {
    fc.assert(
      fc.property(personArb(), recommendation, (who, rec) => {
        const vouch = recommendationWork('given', rec, who.id, 0);
        expect(vouch).toMatchObject({ kind: 'referralGiven', status: 'done', endDate: rec.date });
        const result = evaluatePerson({ person: who, works: [vouch], now: NOW });
        expect(result.milestones.firstRecommendation).toEqual({
          kind: 'firstRecommendation',
          date: rec.date,
          workId: vouch.id,
        });
        // A vouch without proof of their work makes nobody an ambassador, and says nothing of my trust in them.
        expect(result.stage.ladder).not.toBe('ambassador');
        expect(result.myTrust.level).toBe('none');
      }),
    );
  });
});

const archiveContact: fc.Arbitrary<ArchiveFacts> = fc.record(
  {
    messages: fc.tuple(partialDate, fc.boolean()).map(([first, theyFirst]) => ({
      total: 2,
      fromThem: 1,
      conversations: 1,
      first: first ?? '2019-01-01',
      last: '2024-01-01',
      firstFrom: theyFirst ? ('them' as const) : ('me' as const),
      perYear: [{ year: 2024, count: 2 }],
    })),
    invitation: fc.tuple(partialDate, fc.boolean()).map(([date, received]) => {
      const invitation: NonNullable<ArchiveFacts['invitation']> = {
        direction: received ? 'received' : 'sent',
      };
      if (date) invitation.date = date;
      return invitation;
    }),
  },
  { requiredKeys: [] },
);

describe('the first contact', () => {
  test('the met milestone is the earliest of meeting, connecting, the first message and the invitation', () => {
    fc.assert(
      fc.property(personArb(), archiveContact, (base, archive) => {
        const who: Person = { ...base, archive };
        const met = evaluatePerson({ person: who, works: [], now: NOW }).milestones.met;
        const typed = [who.connectedOn, who.firstMet?.date].filter(isPartialDate);
        const archived = [archive.messages?.first, archive.invitation?.date].filter(isPartialDate);
        const all = [...typed, ...archived];
        if (all.length === 0) {
          expect(met?.date).toBeUndefined();
          return;
        }
        // Never later than any first contact known.
        for (const date of all) expect(comparePartialDates(met!.date, date)).toBeLessThanOrEqual(0);
        if (met!.source === 'message' || met!.source === 'invitation') {
          // The archive wins only when strictly earlier than what was typed in or exported as the connection date.
          for (const date of typed) expect(comparePartialDates(met!.date, date)).toBeLessThan(0);
          expect(met!.date).toBe(
            met!.source === 'message' ? archive.messages?.first : archive.invitation?.date,
          );
        } else if (archived.some((a) => typed.every((t) => comparePartialDates(a, t) < 0))) {
          throw new Error(`an archive date earlier than ${JSON.stringify(typed)} lost to ${met!.source}`);
        }
      }),
    );
  });
});

// Warmth in words: each reason through the real catalogs, English and Arabic, as the popup, record and digest do.
const catalog = (lang: string): Catalog =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8'),
  );

function words(lang: 'en' | 'ar'): WordFormat & { missing: string[] } {
  const messages = catalog(lang);
  const rules = new Intl.PluralRules(lang);
  const missing: string[] = [];
  return {
    missing,
    t: (key, ...subs) => {
      const entry = messages[key];
      if (!entry) {
        missing.push(key);
        return key;
      }
      return formatMessage(entry, subs);
    },
    pluralForm: (count) => (rules.select(count) === 'one' ? 'one' : 'other'),
    count: (value) => new Intl.NumberFormat(lang).format(value),
    date: (value) => value,
  };
}

const facts: fc.Arbitrary<ArchiveFacts> = fc.record(
  {
    messages: fc
      .tuple(
        fc.integer({ min: 1, max: 900 }),
        fc.nat(900),
        fc.integer({ min: 2005, max: 2024 }),
        fc.boolean(),
      )
      .map(([total, theirs, year, theyFirst]) => ({
        total,
        fromThem: Math.min(theirs, total),
        conversations: 1,
        first: `${year - 1}-03-04`,
        last: `${year}-05-06`,
        firstFrom: theyFirst ? ('them' as const) : ('me' as const),
        perYear:
          total > 1
            ? [
                { year: year - 1, count: 1 },
                { year, count: total - 1 },
              ]
            : [{ year, count: 1 }],
      })),
    invitation: fc.record(
      {
        direction: fc.constantFrom('sent' as const, 'received' as const),
        date: pastDay,
        message: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: ['direction'] },
    ),
    endorsements: fc
      .tuple(fc.nat(30), fc.nat(30), fc.option(pastDay, { nil: undefined }))
      .map(([r, g, last]) => {
        const e: NonNullable<ArchiveFacts['endorsements']> = {
          received: r,
          given: g,
          skillsReceived: [],
          skillsGiven: [],
        };
        if (last && r > 0) e.lastReceived = last;
        return e;
      }),
  },
  { requiredKeys: [] },
);

const warmPerson: fc.Arbitrary<Person> = fc
  .tuple(
    personArb(),
    facts,
    fc.array(fc.constantFrom('design', 'وثيقة', 'go'), { maxLength: 2 }),
    fc.boolean(),
    fc.option(pastDay, { nil: undefined }),
  )
  .map(([p, archive, tags, introduced, visited]) => {
    const who: Person = { ...p, archive, tags };
    if (introduced) who.introducedBy = 'p2';
    if (visited) who.lastVisitedOn = visited;
    return who;
  });

const recommendations: fc.Arbitrary<SharedWork[]> = fc
  .tuple(fc.option(recommendation, { nil: undefined }), fc.option(recommendation, { nil: undefined }))
  .map(([received, given]) => [
    ...(received ? [recommendationWork('received', received, 'p1', 0)] : []),
    ...(given ? [recommendationWork('given', given, 'p1', 0)] : []),
  ]);

describe('warmth, in words', () => {
  test.each(['en', 'ar'] as const)(
    '%s: every reason is a phrase of the catalog with its values, never a bare number or a placeholder',
    (lang) => {
      const f = words(lang);
      fc.assert(
        fc.property(warmPerson, recommendations, (who, works) => {
          const { score, reasons } = warmth(who, works);
          if (score > 0) expect(reasons.length).toBeGreaterThan(0);
          for (const reason of reasons) {
            const text = reasonWords(reason, f);
            expect(text).not.toMatch(/\$\d|\$[A-Z_]+\$/);
            // Words, not just the number it carries.
            expect(text.replace(/[\d٠-٩\s.,،-]/g, '').length, JSON.stringify(reason)).toBeGreaterThan(2);
            // The singular may say the count in words ("once", "مرة واحدة"); every other form shows the number.
            if ('count' in reason && f.pluralForm(reason.count) === 'other')
              expect(text).toContain(f.count(reason.count));
            if ('year' in reason && reason.year !== undefined) expect(text).toContain(String(reason.year));
          }
          expect(f.missing).toEqual([]);
        }),
      );
    },
  );

  test('every reason code the rules can give has its words in both catalogs', () => {
    for (const lang of ['en', 'ar']) {
      const messages = catalog(lang);
      expect(
        REASON_WORD_KEYS.filter((key) => !messages[key]),
        lang,
      ).toEqual([]);
    }
    for (const code of WARMTH_CODES)
      expect(REASON_WORD_KEYS.some((key) => key.includes(`_${code}`))).toBe(true);
  });
});

import { describe, expect, test } from 'vitest';
import { evaluatePerson, STAGES, type Stage, type TrustLevel } from '../../../src/core/trust.ts';
import type { MessageFacts, Outcome, Person, SharedWork } from '../../../src/core/types.ts';
import { NOW, person, work } from './build.ts';

function evaluate(works: SharedWork[], who: Person = person()) {
  return evaluatePerson({ person: who, works, now: NOW });
}

const good: Outcome = { quality: 4, reliability: 'onTime', wouldWorkAgain: 'yes' };

describe('STAGES', () => {
  test('lists the ladder in order, caution last', () => {
    expect(STAGES).toEqual(['connected', 'acquainted', 'tested', 'proven', 'ambassador', 'caution']);
  });
});

describe('ladder stage', () => {
  const test1 = work({ id: 'a', kind: 'smallTask', outcome: good, endDate: '2016-03' });
  const test2 = work({ id: 'b', kind: 'trial', outcome: { quality: 3 }, endDate: '2017' });
  const paid = work({ id: 'c', kind: 'paidProject', outcome: { ...good, payment: { status: 'onTime' } } });
  const paidConsult = work({
    id: 'd',
    kind: 'consultation',
    outcome: { payment: { status: 'late', lateDays: 9 } },
  });
  const freeConsult = work({ id: 'e', kind: 'consultation', outcome: { quality: 5 } });
  const longJob = work({ id: 'f', kind: 'longEngagement', direction: 'theyDelivered' });
  const received = work({ id: 'r', kind: 'referralReceived', direction: 'theyDelivered' });
  const given = work({ id: 'g', kind: 'referralGiven', direction: 'iDelivered' });
  const planned = work({ id: 'pl', status: 'planned', endDate: undefined, startDate: '2025-01' });
  const running = work({ id: 'ip', status: 'inProgress' });
  const dropped = work({ id: 'ab', status: 'abandoned' });
  const future = work({ id: 'fu', endDate: '2024-06-16', outcome: good });
  const undated = work({ id: 'ud', endDate: undefined, outcome: good });

  test.each<[string, SharedWork[], Partial<Person>, Stage, string, string[]]>([
    ['nothing at all', [], {}, 'connected', 'nothingShared', []],
    ['only a LinkedIn connection date', [], { connectedOn: '2015-01-01' }, 'connected', 'nothingShared', []],
    ['met, no work', [], { firstMet: { date: '2015' } }, 'acquainted', 'metNoWork', []],
    ['met somewhere, undated', [], { firstMet: { where: 'Cairo meetup' } }, 'acquainted', 'metNoWork', []],
    ['empty firstMet is not meeting', [], { firstMet: {} }, 'connected', 'nothingShared', []],
    [
      'talked in LinkedIn messages, both ways',
      [],
      { archive: { messages: msgs(3, 1) } },
      'acquainted',
      'talkedNoWork',
      [],
    ],
    [
      'only my messages, never answered',
      [],
      { archive: { messages: msgs(3, 0) } },
      'connected',
      'nothingShared',
      [],
    ],
    [
      'only theirs, never answered',
      [],
      { archive: { messages: msgs(2, 2) } },
      'connected',
      'nothingShared',
      [],
    ],
    [
      'endorsements never change the stage',
      [],
      { archive: { endorsements: { received: 5, given: 3, skillsReceived: [], skillsGiven: [] } } },
      'connected',
      'nothingShared',
      [],
    ],
    ['only planned work', [planned], {}, 'acquainted', 'noGoodWorkYet', ['pl']],
    ['only in-progress work', [running], {}, 'acquainted', 'noGoodWorkYet', ['ip']],
    ['only abandoned work', [dropped], {}, 'acquainted', 'noGoodWorkYet', ['ab']],
    ['done work dated tomorrow', [future], {}, 'acquainted', 'noGoodWorkYet', ['fu']],
    ['one good small task', [test1], {}, 'tested', 'oneGoodTest', ['a']],
    ['one good test without a date', [undated], {}, 'tested', 'oneGoodTest', ['ud']],
    ['an unpaid good consultation is a test', [freeConsult], {}, 'tested', 'oneGoodTest', ['e']],
    ['a test plus planned work', [planned, test1], {}, 'tested', 'oneGoodTest', ['a']],
    ['two good tests', [test2, test1], {}, 'proven', 'repeatedGoodTests', ['a', 'b']],
    ['one good paid project', [paid], {}, 'proven', 'goodPaidWork', ['c']],
    ['a paid consultation (late pay is not serious)', [paidConsult], {}, 'proven', 'goodPaidWork', ['d']],
    ['a long engagement, no outcome recorded', [longJob], {}, 'proven', 'goodPaidWork', ['f']],
    ['paid plus a test: all good work is evidence', [paid, test1], {}, 'proven', 'goodPaidWork', ['a', 'c']],
    ['they recommended me, nothing else', [received], {}, 'ambassador', 'recommendedMe', ['r']],
    ['they recommended me after a test', [test1, received], {}, 'ambassador', 'recommendedMe', ['r']],
    ['I vouched after proof', [paid, given], {}, 'ambassador', 'vouchedAfterProof', ['c', 'g']],
    ['I vouched after only one test', [test1, given], {}, 'tested', 'oneGoodTest', ['a']],
    ['I vouched with no proof at all', [given], {}, 'acquainted', 'noGoodWorkYet', ['g']],
    [
      'a planned referral is not a referral',
      [{ ...received, status: 'planned' }],
      {},
      'acquainted',
      'noGoodWorkYet',
      ['r'],
    ],
    [
      'a future-dated referral is not one yet',
      [{ ...received, endDate: '2030' }],
      {},
      'acquainted',
      'noGoodWorkYet',
      ['r'],
    ],
  ])('%s → %s (%s)', (_, works, who, stage, reason, evidence) => {
    const result = evaluate(works, person(who)).stage;
    expect(result).toEqual({ stage, ladder: stage, reason, evidence });
  });
});

describe('caution', () => {
  test.each<[string, Outcome, SharedWork['status'], string]>([
    ['unpaid', { quality: 5, payment: { status: 'unpaid' } }, 'done', 'unpaid'],
    ['missed delivery', { reliability: 'missed' }, 'done', 'missedDelivery'],
    ['quality 2', { quality: 2 }, 'done', 'poorQuality'],
    ['quality 1', { quality: 1 }, 'done', 'poorQuality'],
    ['would not work again', { quality: 5, wouldWorkAgain: 'no' }, 'done', 'wouldNotWorkAgain'],
    ['abandoned and missed', { reliability: 'missed' }, 'abandoned', 'missedDelivery'],
    ['abandoned and unpaid', { payment: { status: 'unpaid' } }, 'abandoned', 'unpaid'],
    [
      'several at once: unpaid is the headline',
      { quality: 1, reliability: 'missed', payment: { status: 'unpaid' } },
      'done',
      'unpaid',
    ],
    [
      'missed beats poor quality',
      { quality: 1, reliability: 'missed', wouldWorkAgain: 'no' },
      'done',
      'missedDelivery',
    ],
  ])('%s overrides a proven ladder', (_, outcome, status, reason) => {
    const proof = work({ id: 'p', kind: 'paidProject', outcome: good });
    const bad = work({ id: 'x', kind: 'paidProject', status, outcome });
    const result = evaluate([proof, bad]).stage;
    expect(result.stage).toBe('caution');
    expect(result.ladder).toBe('proven');
    expect(result.evidence).toEqual(['p']);
    expect(result.caution).toEqual({ reason, evidence: ['x'] });
  });

  test.each<[string, Partial<SharedWork>]>([
    ['quality 3 is fine', { outcome: { quality: 3 } }],
    ['late delivery is not serious', { outcome: { reliability: 'late' } }],
    ['late payment is not serious', { outcome: { payment: { status: 'late', lateDays: 40 } } }],
    ['pending payment is not serious', { outcome: { payment: { status: 'pending' } } }],
    ['unsure is not no', { outcome: { wouldWorkAgain: 'unsure' } }],
    ['poor quality on abandoned work is not judged', { status: 'abandoned', outcome: { quality: 1 } }],
    ['a planned work cannot be missed yet', { status: 'planned', outcome: { reliability: 'missed' } }],
    [
      'in-progress work cannot be unpaid yet',
      { status: 'inProgress', outcome: { payment: { status: 'unpaid' } } },
    ],
    ['future-dated bad work is not evidence yet', { endDate: '2025', outcome: { quality: 1 } }],
  ])('no caution: %s', (_, overrides) => {
    const result = evaluate([work(overrides)]).stage;
    expect(result.stage).not.toBe('caution');
    expect(result.caution).toBeUndefined();
  });

  test('caution evidence lists every negative work, oldest first', () => {
    const late = work({ id: 'z', endDate: '2022', outcome: { quality: 2 } });
    const early = work({ id: 'y', endDate: '2019', outcome: { wouldWorkAgain: 'no' } });
    const result = evaluate([late, early]).stage;
    expect(result.caution).toEqual({ reason: 'poorQuality', evidence: ['y', 'z'] });
    expect(result.ladder).toBe('acquainted');
  });

  test('my own poor work is a serious negative too', () => {
    const mine = work({ id: 'm', direction: 'iDelivered', outcome: { quality: 2 } });
    expect(evaluate([mine]).stage.caution).toEqual({ reason: 'poorQuality', evidence: ['m'] });
  });
});

describe('two-way trust', () => {
  const theirs = (id: string, extra: Partial<SharedWork> = {}) =>
    work({ id, direction: 'theyDelivered', outcome: good, ...extra });
  const mine = (id: string, extra: Partial<SharedWork> = {}) =>
    work({ id, direction: 'iDelivered', outcome: good, ...extra });
  const both = (id: string, extra: Partial<SharedWork> = {}) =>
    work({ id, direction: 'together', outcome: good, ...extra });

  test.each<[string, SharedWork[], [TrustLevel, string, string[]], [TrustLevel, string, string[]]]>([
    ['nothing', [], ['none', 'noWorkSeen', []], ['none', 'noWorkSeen', []]],
    ['their small task', [theirs('t')], ['tested', 'oneGoodTest', ['t']], ['none', 'noWorkSeen', []]],
    ['my small task', [mine('m')], ['none', 'noWorkSeen', []], ['tested', 'oneGoodTest', ['m']]],
    [
      'side by side counts both ways',
      [both('s')],
      ['tested', 'oneGoodTest', ['s']],
      ['tested', 'oneGoodTest', ['s']],
    ],
    [
      'their paid project',
      [theirs('t', { kind: 'paidProject' })],
      ['proven', 'goodPaidWork', ['t']],
      ['none', 'noWorkSeen', []],
    ],
    [
      'two of their tests',
      [theirs('t2', { endDate: '2019' }), theirs('t1', { endDate: '2018' })],
      ['proven', 'repeatedGoodTests', ['t1', 't2']],
      ['none', 'noWorkSeen', []],
    ],
    [
      'their planned work',
      [theirs('t', { status: 'planned' })],
      ['untested', 'workNotFinished', ['t']],
      ['none', 'noWorkSeen', []],
    ],
    [
      'their abandoned work',
      [theirs('t', { status: 'abandoned', outcome: undefined })],
      ['untested', 'workAbandoned', ['t']],
      ['none', 'noWorkSeen', []],
    ],
    [
      'their future-dated work',
      [theirs('t', { endDate: '2030-01-01' })],
      ['untested', 'workNotFinished', ['t']],
      ['none', 'noWorkSeen', []],
    ],
    [
      'their poor work',
      [theirs('t', { outcome: { quality: 2 } }), theirs('u')],
      ['negative', 'poorQuality', ['t']],
      ['none', 'noWorkSeen', []],
    ],
    [
      'my missed delivery lowers their trust in me only',
      [mine('m', { outcome: { reliability: 'missed' } }), theirs('t')],
      ['tested', 'oneGoodTest', ['t']],
      ['negative', 'missedDelivery', ['m']],
    ],
    [
      'a client who never paid me: my work stands, my trust in them is negative',
      [mine('m', { kind: 'paidProject', outcome: { quality: 5, payment: { status: 'unpaid' } } })],
      ['negative', 'unpaid', ['m']],
      ['proven', 'goodPaidWork', ['m']],
    ],
    [
      'I never paid them: their work stands, their trust in me is negative',
      [theirs('t', { kind: 'paidProject', outcome: { quality: 5, payment: { status: 'unpaid' } } })],
      ['proven', 'goodPaidWork', ['t']],
      ['negative', 'unpaid', ['t']],
    ],
    [
      'I would not work with them again, even on my own delivery',
      [mine('m', { outcome: { quality: 5, wouldWorkAgain: 'no' } })],
      ['negative', 'wouldNotWorkAgain', ['m']],
      ['tested', 'oneGoodTest', ['m']],
    ],
    [
      'referrals are not work either way; a recommendation they wrote is their trust in me',
      [theirs('r', { kind: 'referralReceived' }), mine('g', { kind: 'referralGiven' })],
      ['none', 'noWorkSeen', []],
      ['tested', 'theyRecommendedMe', ['r']],
    ],
    [
      'a recommendation joins the evidence of work they saw me deliver',
      [mine('m', { kind: 'paidProject' }), theirs('r', { kind: 'referralReceived', endDate: '2021-01-01' })],
      ['none', 'noWorkSeen', []],
      ['proven', 'goodPaidWork', ['m', 'r']],
    ],
    [
      'a planned recommendation is not yet anything',
      [theirs('r', { kind: 'referralReceived', status: 'planned' })],
      ['none', 'noWorkSeen', []],
      ['none', 'noWorkSeen', []],
    ],
  ])('%s', (_, works, [myLevel, myReason, myEvidence], [theirLevel, theirReason, theirEvidence]) => {
    const result = evaluate(works);
    expect(result.myTrust).toEqual({ level: myLevel, reason: myReason, evidence: myEvidence });
    expect(result.theirTrust).toEqual({ level: theirLevel, reason: theirReason, evidence: theirEvidence });
  });
});

function msgs(total: number, fromThem: number, first = '2020-01-02'): MessageFacts {
  return {
    total,
    fromThem,
    conversations: 1,
    first,
    last: first,
    firstFrom: fromThem > 0 ? 'them' : 'me',
    perYear: [{ year: Number(first.slice(0, 4)), count: total }],
  };
}

describe('can I vouch?', () => {
  test.each<[string, SharedWork[], boolean, string, string[], string | undefined]>([
    ['never seen their work', [], false, 'neverSeenTheirWork', [], 'proposeSmallTask'],
    [
      'they saw my work, I never saw theirs',
      [work({ id: 'm', direction: 'iDelivered' })],
      false,
      'onlyTheySawMyWork',
      ['m'],
      'proposeSmallTask',
    ],
    [
      'only planned work with them',
      [work({ id: 'p', direction: 'theyDelivered', status: 'planned' })],
      false,
      'workNotFinished',
      ['p'],
      'finishPlannedWork',
    ],
    [
      'only abandoned work',
      [work({ id: 'a', direction: 'theyDelivered', status: 'abandoned' })],
      false,
      'workAbandoned',
      ['a'],
      'proposeSmallTask',
    ],
    [
      'only negative evidence',
      [work({ id: 'n', direction: 'theyDelivered', outcome: { reliability: 'missed' } })],
      false,
      'missedDelivery',
      ['n'],
      undefined,
    ],
    [
      'good and negative evidence: the negative wins',
      [
        work({ id: 'g', direction: 'theyDelivered', endDate: '2018' }),
        work({ id: 'n', direction: 'theyDelivered', endDate: '2019', outcome: { quality: 1 } }),
      ],
      false,
      'poorQuality',
      ['n'],
      undefined,
    ],
    [
      'one good test: yes, and a paid trial would prove it',
      [work({ id: 't', direction: 'theyDelivered' })],
      true,
      'oneGoodTest',
      ['t'],
      'proposeSmallPaidTrial',
    ],
    [
      'proven: yes',
      [work({ id: 'p', direction: 'together', kind: 'paidProject' })],
      true,
      'goodPaidWork',
      ['p'],
      undefined,
    ],
    [
      'a recommendation from them is not evidence of their work (only of mine)',
      [work({ id: 'r', direction: 'theyDelivered', kind: 'referralReceived' })],
      false,
      'onlyTheySawMyWork',
      ['r'],
      'proposeSmallTask',
    ],
  ])('%s', (_, works, canVouch, reason, evidence, nextStep) => {
    const vouch = evaluate(works).vouch;
    expect(vouch).toEqual(
      nextStep === undefined ? { canVouch, reason, evidence } : { canVouch, reason, evidence, nextStep },
    );
  });
});

describe('time to trust', () => {
  test('the essay: met 2015, trial 2016, paid work 2019, then a recommendation', () => {
    const result = evaluate(
      [
        work({ id: 'rec', kind: 'referralReceived', endDate: '2021-03' }),
        work({ id: 'paid', kind: 'paidProject', endDate: '2019' }),
        work({ id: 'trial', kind: 'trial', endDate: '2016' }),
        work({ id: 'trial2', kind: 'trial', endDate: '2017' }),
      ],
      person({ firstMet: { date: '2015', where: 'Riyadh' }, connectedOn: '2018-04-02' }),
    ).milestones;
    expect(result).toEqual({
      met: { kind: 'met', date: '2015', source: 'firstMet' },
      firstTest: { kind: 'firstTest', date: '2016', workId: 'trial' },
      firstPaid: { kind: 'firstPaid', date: '2019', workId: 'paid' },
      firstRecommendation: { kind: 'firstRecommendation', date: '2021-03', workId: 'rec' },
      gaps: [
        { from: 'met', to: 'firstTest', years: 1 },
        { from: 'firstTest', to: 'firstPaid', years: 3 },
        { from: 'firstPaid', to: 'firstRecommendation', years: 2 },
      ],
    });
  });

  test.each<[string, Partial<Person>, object | undefined]>([
    [
      'connected before meeting',
      { connectedOn: '2014-02-01', firstMet: { date: '2015' } },
      { date: '2014-02-01', source: 'connectedOn' },
    ],
    [
      'met before connecting',
      { connectedOn: '2016-02-01', firstMet: { date: '2015' } },
      { date: '2015', source: 'firstMet' },
    ],
    [
      'same day prefers the meeting',
      { connectedOn: '2015-01-01', firstMet: { date: '2015-01-01' } },
      { date: '2015-01-01', source: 'firstMet' },
    ],
    ['only connected', { connectedOn: '2016-02-01' }, { date: '2016-02-01', source: 'connectedOn' }],
    ['met, date unknown', { firstMet: { context: 'conference talk' } }, { source: 'firstMet' }],
    ['a broken date is missing', { connectedOn: '2016-02-30' }, undefined],
    ['nothing known', {}, undefined],
    [
      'first message before connecting',
      { connectedOn: '2016-02-01', archive: { messages: msgs(2, 1, '2014-05-06') } },
      { date: '2014-05-06', source: 'message' },
    ],
    [
      'an invitation earlier than the first message',
      {
        connectedOn: '2016-02-01',
        archive: {
          messages: msgs(2, 1, '2015-05-06'),
          invitation: { direction: 'received', date: '2015-01-02' },
        },
      },
      { date: '2015-01-02', source: 'invitation' },
    ],
    [
      'a first message after connecting changes nothing',
      { connectedOn: '2016-02-01', archive: { messages: msgs(2, 1, '2017-05-06') } },
      { date: '2016-02-01', source: 'connectedOn' },
    ],
    [
      'the same day as connecting: the connection stays',
      { connectedOn: '2016-02-01', archive: { invitation: { direction: 'sent', date: '2016-02-01' } } },
      { date: '2016-02-01', source: 'connectedOn' },
    ],
    [
      'a typed first meeting earlier than the archive wins',
      { firstMet: { date: '2010' }, archive: { messages: msgs(2, 1, '2012-01-01') } },
      { date: '2010', source: 'firstMet' },
    ],
    [
      'only the archive knows',
      { archive: { invitation: { direction: 'sent', date: '2013-03-03' } } },
      { date: '2013-03-03', source: 'invitation' },
    ],
  ])('met milestone: %s', (_, who, expected) => {
    const met = evaluate([], person(who)).milestones.met;
    expect(met).toEqual(expected && { kind: 'met', ...expected });
  });

  test('milestones use good, dated, past evidence only', () => {
    const result = evaluate([
      work({ id: 'bad', kind: 'trial', endDate: '2015', outcome: { quality: 1 } }),
      work({ id: 'plan', kind: 'paidProject', status: 'planned', endDate: '2016' }),
      work({ id: 'soon', kind: 'paidProject', endDate: '2030' }),
      work({ id: 'ok', kind: 'trial', endDate: '2017' }),
      work({ id: 'given', kind: 'referralGiven', status: 'abandoned', endDate: '2016' }),
    ]).milestones;
    expect(result.firstTest).toEqual({ kind: 'firstTest', date: '2017', workId: 'ok' });
    expect(result.firstPaid).toBeUndefined();
    expect(result.firstRecommendation).toBeUndefined();
    expect(result.gaps).toEqual([]);
  });

  test('undated milestones have no gap in years', () => {
    const result = evaluate(
      [work({ id: 'u', endDate: undefined })],
      person({ connectedOn: '2020-02-29' }),
    ).milestones;
    expect(result.firstTest).toEqual({ kind: 'firstTest', workId: 'u' });
    expect(result.gaps).toEqual([{ from: 'met', to: 'firstTest' }]);
  });

  test.each([
    ['2021-02-28', 0],
    ['2021-03-01', 1],
    ['2024-02-29', 4],
  ])('met on 2020-02-29, first test on %s: %i years', (testDate, years) => {
    const result = evaluate([work({ endDate: testDate })], person({ firstMet: { date: '2020-02-29' } }));
    expect(result.milestones.gaps).toEqual([{ from: 'met', to: 'firstTest', years }]);
  });

  test('a recommendation before any test gives a negative gap', () => {
    const result = evaluate([
      work({ id: 'r', kind: 'referralReceived', endDate: '2015' }),
      work({ id: 't', endDate: '2018' }),
    ]);
    expect(result.milestones.gaps).toEqual([{ from: 'firstTest', to: 'firstRecommendation', years: -3 }]);
  });
});

test('the evaluation carries the person id', () => {
  expect(evaluate([], person({ id: 'abc' })).personId).toBe('abc');
});

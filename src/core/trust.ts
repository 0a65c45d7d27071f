// The trust ledger of product.md: from one person's shared work, derive the stage, both trust directions,
// vouch readiness and the time it took. Every verdict names its reason code and the exact SharedWork ids behind
// it, so nothing the UI shows is a bare number.
//
// Definitions used throughout (the spec's words, made precise):
// - A work is *dated* by its endDate, else its startDate. It is *future-dated* when either date is after today;
//   future-dated work is not evidence of anything yet.
// - *Paid* work: paidProject, longEngagement, or a consultation that records a payment (work.ts's table).
// - *Serious negatives* (product.md): payment unpaid, delivery missed, quality 2 or less, would not work again.
//   Quality is judged only on done work (unfinished work is not evidence of quality); reliability, payment and
//   "would work again" count on done or abandoned work (an abandoned job can still be a missed delivery).
// - A *good outcome*: status done, not future-dated, not a referral, and no serious negative: quality 3+ or not
//   rated, reliability on time, late or not rated, payment not unpaid, would work again yes, unsure or not said.
//   A finished job with nothing bad recorded is good evidence; "late" is noted, not serious.
// - Each serious negative is *about* one side, for the two trust directions: quality and reliability judge
//   whoever delivered (both for side-by-side work); payment judges whoever pays (me when they delivered, them
//   when I delivered or we worked side by side, since the ledger records money owed to me); "would work again"
//   is my verdict on them. So a client who never paid lowers my trust in them, not theirs in me.
import type { ReasonCode, StepCode } from './codes.ts';
import { comparePartialDates, isAfter, isPartialDate, wholeYearsBetween } from './dates.ts';
import type { PartialDate, Person, SharedWork } from './types.ts';
import { isPaidWork } from './work.ts';

export type { ReasonCode, StepCode } from './codes.ts';

export const STAGES = ['connected', 'acquainted', 'tested', 'proven', 'ambassador', 'caution'] as const;
export type Stage = (typeof STAGES)[number];
export type LadderStage = Exclude<Stage, 'caution'>;
export const LADDER_STAGES: readonly LadderStage[] = [
  'connected',
  'acquainted',
  'tested',
  'proven',
  'ambassador',
];

export const TRUST_LEVELS = ['none', 'untested', 'tested', 'proven', 'negative'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

export type NegativeReason = Extract<
  ReasonCode,
  'unpaid' | 'missedDelivery' | 'poorQuality' | 'wouldNotWorkAgain'
>;
/** Most serious first: when several apply, the first one found here is the headline reason. */
export const NEGATIVE_REASONS: readonly NegativeReason[] = [
  'unpaid',
  'missedDelivery',
  'poorQuality',
  'wouldNotWorkAgain',
];

export interface Finding {
  reason: ReasonCode;
  /** SharedWork ids, oldest first. */
  evidence: string[];
}

export interface StageResult extends Finding {
  /** `caution` when a serious negative exists, else the ladder stage. */
  stage: Stage;
  /** The ladder stage underneath; `reason` and `evidence` explain this one. */
  ladder: LadderStage;
  caution?: Finding;
}

export interface TrustFinding extends Finding {
  level: TrustLevel;
}

export interface Vouch extends Finding {
  canVouch: boolean;
  nextStep?: StepCode;
}

export const MILESTONE_KINDS = ['met', 'firstTest', 'firstPaid', 'firstRecommendation'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export interface Milestone {
  kind: MilestoneKind;
  date?: PartialDate;
  /** The shared work that marks it (all but `met`). */
  workId?: string;
  /** Where the `met` date comes from: typed in, LinkedIn's connection date, or the archive's first message or invitation. */
  source?: 'firstMet' | 'connectedOn' | 'message' | 'invitation';
}

export interface MilestoneGap {
  from: MilestoneKind;
  to: MilestoneKind;
  /** Whole years (see wholeYearsBetween); negative if the later milestone came first; unknown without dates. */
  years?: number;
}

export interface Milestones {
  met?: Milestone;
  firstTest?: Milestone;
  firstPaid?: Milestone;
  firstRecommendation?: Milestone;
  /** Between consecutive milestones that exist, in the order above. */
  gaps: MilestoneGap[];
}

export interface Evaluation {
  personId: string;
  stage: StageResult;
  /** My trust in them: their work that I witnessed. */
  myTrust: TrustFinding;
  /** Their trust in me: my work that they witnessed. */
  theirTrust: TrustFinding;
  vouch: Vouch;
  milestones: Milestones;
}

/** Whose conduct a serious negative judges: theirs (my trust in them) or mine (their trust in me). */
export type Party = 'them' | 'me';

interface Negative {
  reason: NegativeReason;
  about: readonly Party[];
}

export function workDate(work: SharedWork): PartialDate | undefined {
  if (isPartialDate(work.endDate)) return work.endDate;
  return isPartialDate(work.startDate) ? work.startDate : undefined;
}

export function isFutureDated(work: SharedWork, now: Date): boolean {
  return isAfter(work.startDate, now) || isAfter(work.endDate, now);
}

export function isReferral(work: SharedWork): boolean {
  return work.kind === 'referralGiven' || work.kind === 'referralReceived';
}

function deliverers(work: SharedWork): readonly Party[] {
  if (work.direction === 'theyDelivered') return ['them'];
  return work.direction === 'iDelivered' ? ['me'] : ['them', 'me'];
}

function payer(work: SharedWork): readonly Party[] {
  return work.direction === 'theyDelivered' ? ['me'] : ['them'];
}

function negativesOf(work: SharedWork, now: Date): Negative[] {
  const outcome = work.outcome;
  const finished = work.status === 'done' || work.status === 'abandoned';
  if (!outcome || !finished || isFutureDated(work, now)) return [];
  const found: Negative[] = [];
  if (outcome.payment?.status === 'unpaid') found.push({ reason: 'unpaid', about: payer(work) });
  if (outcome.reliability === 'missed') found.push({ reason: 'missedDelivery', about: deliverers(work) });
  if (work.status === 'done' && outcome.quality !== undefined && outcome.quality <= 2) {
    found.push({ reason: 'poorQuality', about: deliverers(work) });
  }
  if (outcome.wouldWorkAgain === 'no') found.push({ reason: 'wouldNotWorkAgain', about: ['them'] });
  return found;
}

/** The serious negatives of a work that judge one side, most serious first. */
export function negativeReasonsAbout(work: SharedWork, now: Date, party: Party): NegativeReason[] {
  const found = negativesOf(work, now).filter((n) => n.about.includes(party));
  return NEGATIVE_REASONS.filter((reason) => found.some((n) => n.reason === reason));
}

/** Has at least one serious negative (about either side). */
export function hasSeriousNegative(work: SharedWork, now: Date): boolean {
  return negativesOf(work, now).length > 0;
}

function isCompletedWork(work: SharedWork, now: Date): boolean {
  return work.status === 'done' && !isReferral(work) && !isFutureDated(work, now);
}

/** A good outcome as defined at the top of this file. */
export function isGoodWork(work: SharedWork, now: Date): boolean {
  return isCompletedWork(work, now) && !hasSeriousNegative(work, now);
}

/** A done, non-future referral (either way). */
export function isReferralMade(work: SharedWork, now: Date): boolean {
  return isReferral(work) && work.status === 'done' && !isFutureDated(work, now);
}

/** Oldest first; undated last; ties by id, so the result never depends on the input order. */
export function byDate(a: SharedWork, b: SharedWork): number {
  return comparePartialDates(workDate(a), workDate(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function ids(works: readonly SharedWork[]): string[] {
  return [...works].sort(byDate).map((work) => work.id);
}

function headline(negatives: readonly Negative[]): NegativeReason {
  return NEGATIVE_REASONS.find((reason) => negatives.some((n) => n.reason === reason)) ?? 'unpaid';
}

function negativeFinding(works: readonly SharedWork[], now: Date, about?: Party): Finding | undefined {
  const relevant = (work: SharedWork) =>
    negativesOf(work, now).filter((n) => about === undefined || n.about.includes(about));
  const negativeWorks = works.filter((work) => relevant(work).length > 0);
  if (negativeWorks.length === 0) return undefined;
  return { reason: headline(negativeWorks.flatMap(relevant)), evidence: ids(negativeWorks) };
}

/** The proof part of the ladder (tested / proven) over works already known to be good. */
function proofOf(good: readonly SharedWork[]): (Finding & { level: 'tested' | 'proven' }) | undefined {
  if (good.some(isPaidWork)) return { level: 'proven', reason: 'goodPaidWork', evidence: ids(good) };
  if (good.length >= 2) return { level: 'proven', reason: 'repeatedGoodTests', evidence: ids(good) };
  if (good.length === 1) return { level: 'tested', reason: 'oneGoodTest', evidence: ids(good) };
  return undefined;
}

function hasMet(person: Person): boolean {
  const met = person.firstMet;
  return met !== undefined && Boolean(met.date || met.where || met.context);
}

/** A conversation in LinkedIn's messages: both of us wrote at least once. One-way messages are not talking. */
export function hasTalked(person: Person): boolean {
  const messages = person.archive?.messages;
  return messages !== undefined && messages.fromThem > 0 && messages.total > messages.fromThem;
}

/** The earliest message or connection invitation in LinkedIn's archive, whichever came first. */
export function archiveFirstContact(
  person: Person,
): { date: PartialDate; source: 'message' | 'invitation' } | undefined {
  const message = person.archive?.messages?.first;
  const invitation = person.archive?.invitation?.date;
  const found: { date: PartialDate; source: 'message' | 'invitation' }[] = [];
  if (isPartialDate(message)) found.push({ date: message, source: 'message' });
  if (isPartialDate(invitation)) found.push({ date: invitation, source: 'invitation' });
  return found.sort((a, b) => comparePartialDates(a.date, b.date))[0];
}

function stageOf(person: Person, works: readonly SharedWork[], now: Date): StageResult {
  const proof = proofOf(works.filter((work) => isGoodWork(work, now)));
  const referrals = works.filter((work) => isReferralMade(work, now));
  const received = referrals.filter((work) => work.kind === 'referralReceived');
  const given = referrals.filter((work) => work.kind === 'referralGiven');

  let ladder: Finding & { stage: LadderStage };
  if (received.length > 0) {
    ladder = { stage: 'ambassador', reason: 'recommendedMe', evidence: ids(received) };
  } else if (given.length > 0 && proof?.level === 'proven') {
    const behind = works.filter((work) => given.includes(work) || proof.evidence.includes(work.id));
    ladder = { stage: 'ambassador', reason: 'vouchedAfterProof', evidence: ids(behind) };
  } else if (proof) {
    ladder = { stage: proof.level, reason: proof.reason, evidence: proof.evidence };
  } else if (works.length > 0) {
    // Planned, unfinished, abandoned or negative records: we have talked about work, none of it proves anything.
    ladder = { stage: 'acquainted', reason: 'noGoodWorkYet', evidence: ids(works) };
  } else if (hasMet(person)) {
    ladder = { stage: 'acquainted', reason: 'metNoWork', evidence: [] };
  } else if (hasTalked(person)) {
    ladder = { stage: 'acquainted', reason: 'talkedNoWork', evidence: [] };
  } else {
    ladder = { stage: 'connected', reason: 'nothingShared', evidence: [] };
  }

  const caution = negativeFinding(works, now);
  const result: StageResult = {
    stage: caution ? 'caution' : ladder.stage,
    ladder: ladder.stage,
    reason: ladder.reason,
    evidence: ladder.evidence,
  };
  if (caution) result.caution = caution;
  return result;
}

/**
 * My trust in them, or theirs in me. A recommendation they wrote for me (a done referralReceived, such as one
 * imported from LinkedIn with its text) is their word that they saw my work: it counts toward their trust in
 * me as tested, and joins the evidence of any proof from work they saw me deliver.
 */
function trustOf(works: readonly SharedWork[], now: Date, party: Party): TrustFinding {
  const negative = negativeFinding(works, now, party);
  if (negative) return { level: 'negative', ...negative };

  const delivered = works.filter((work) => !isReferral(work) && deliverers(work).includes(party));
  const proof = proofOf(delivered.filter((work) => isCompletedWork(work, now)));
  const recommendations =
    party === 'me'
      ? works.filter((work) => work.kind === 'referralReceived' && isReferralMade(work, now))
      : [];
  if (proof && recommendations.length > 0) {
    return {
      ...proof,
      evidence: ids([...delivered.filter((w) => proof.evidence.includes(w.id)), ...recommendations]),
    };
  }
  if (proof) return proof;
  if (recommendations.length > 0) {
    return { level: 'tested', reason: 'theyRecommendedMe', evidence: ids(recommendations) };
  }

  if (delivered.length === 0) return { level: 'none', reason: 'noWorkSeen', evidence: [] };
  const pending = delivered.some(
    (work) => work.status === 'planned' || work.status === 'inProgress' || isFutureDated(work, now),
  );
  return {
    level: 'untested',
    reason: pending ? 'workNotFinished' : 'workAbandoned',
    evidence: ids(delivered),
  };
}

function vouchOf(myTrust: TrustFinding, theirTrust: TrustFinding): Vouch {
  const { reason, evidence } = myTrust;
  switch (myTrust.level) {
    case 'proven':
      return { canVouch: true, reason, evidence };
    case 'tested':
      return { canVouch: true, reason, evidence, nextStep: 'proposeSmallPaidTrial' };
    case 'negative':
      return { canVouch: false, reason, evidence };
    case 'untested':
      return {
        canVouch: false,
        reason,
        evidence,
        nextStep: reason === 'workNotFinished' ? 'finishPlannedWork' : 'proposeSmallTask',
      };
    case 'none':
      if (theirTrust.level === 'tested' || theirTrust.level === 'proven') {
        return {
          canVouch: false,
          reason: 'onlyTheySawMyWork',
          evidence: theirTrust.evidence,
          nextStep: 'proposeSmallTask',
        };
      }
      return { canVouch: false, reason: 'neverSeenTheirWork', evidence: [], nextStep: 'proposeSmallTask' };
  }
}

function metMilestone(person: Person): Milestone | undefined {
  const metDate = isPartialDate(person.firstMet?.date) ? person.firstMet?.date : undefined;
  const connected = isPartialDate(person.connectedOn) ? person.connectedOn : undefined;
  const archived = archiveFirstContact(person);
  // First contact is whichever came first: meeting in person, connecting online, or (from LinkedIn's archive) the
  // first message or invitation, which counts only when strictly earlier than the other two.
  const earlier = (date: PartialDate, than: PartialDate | undefined) =>
    than === undefined || comparePartialDates(date, than) < 0;
  if (archived && earlier(archived.date, connected) && earlier(archived.date, metDate)) {
    return { kind: 'met', date: archived.date, source: archived.source };
  }
  if (connected && (!metDate || comparePartialDates(connected, metDate) < 0)) {
    return { kind: 'met', date: connected, source: 'connectedOn' };
  }
  if (metDate || hasMet(person)) return { kind: 'met', date: metDate, source: 'firstMet' };
  return undefined;
}

function firstWork(kind: MilestoneKind, works: readonly SharedWork[]): Milestone | undefined {
  const first = [...works].sort(byDate)[0];
  if (!first) return undefined;
  const date = workDate(first);
  return date ? { kind, date, workId: first.id } : { kind, workId: first.id };
}

function milestonesOf(person: Person, works: readonly SharedWork[], now: Date): Milestones {
  const good = works.filter((work) => isGoodWork(work, now));
  const found: Milestones = { gaps: [] };
  const met = metMilestone(person);
  const firstTest = firstWork('firstTest', good);
  const firstPaid = firstWork('firstPaid', good.filter(isPaidWork));
  const firstRecommendation = firstWork(
    'firstRecommendation',
    works.filter((work) => isReferralMade(work, now)),
  );
  if (met) found.met = met;
  if (firstTest) found.firstTest = firstTest;
  if (firstPaid) found.firstPaid = firstPaid;
  if (firstRecommendation) found.firstRecommendation = firstRecommendation;

  const present = [met, firstTest, firstPaid, firstRecommendation].filter(
    (m): m is Milestone => m !== undefined,
  );
  for (let i = 1; i < present.length; i++) {
    const from = present[i - 1]!;
    const to = present[i]!;
    const years = wholeYearsBetween(from.date, to.date);
    found.gaps.push(
      years === undefined ? { from: from.kind, to: to.kind } : { from: from.kind, to: to.kind, years },
    );
  }
  return found;
}

/** The whole evaluation of one person. `works` are this person's shared work records, in any order. */
export function evaluatePerson(input: { person: Person; works: SharedWork[]; now: Date }): Evaluation {
  const { person, works, now } = input;
  const myTrust = trustOf(works, now, 'them');
  const theirTrust = trustOf(works, now, 'me');
  return {
    personId: person.id,
    stage: stageOf(person, works, now),
    myTrust,
    theirTrust,
    vouch: vouchOf(myTrust, theirTrust),
    milestones: milestonesOf(person, works, now),
  };
}

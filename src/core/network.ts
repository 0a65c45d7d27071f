// The network view of product.md: how much of a large network is really tested, how long trust took, and my
// own record (what I delivered and who recommends me). Built only from evaluations, so every figure comes
// from the same evidence rules as a single person's page.
import { wholeYearsBetween, yearOf } from './dates.ts';
import {
  byDate,
  type Evaluation,
  evaluatePerson,
  isFutureDated,
  isReferral,
  isReferralMade,
  type LadderStage,
  type NegativeReason,
  negativeReasonsAbout,
  STAGES,
  type Stage,
  workDate,
} from './trust.ts';
import type { Direction, Outcome, PartialDate, Person, SharedWork, WorkKind } from './types.ts';

export interface PersonRecords {
  person: Person;
  works: SharedWork[];
}

export interface TimeToTrust {
  /** Median whole years; undefined when no person has both dates. */
  medianYears?: number;
  /** How many people the median is taken over. */
  people: number;
}

export interface YearCount {
  year: number;
  firstTests: number;
  firstPaid: number;
}

export interface NetworkSummary {
  total: number;
  byStage: Record<Stage, number>;
  /** People at tested, proven or ambassador. */
  tested: number;
  /** `tested / total`, 0 for an empty network. */
  testedShare: number;
  /** From first contact (met or connected) to the first good test, and to the first good paid work. */
  toFirstTest: TimeToTrust;
  toFirstPaid: TimeToTrust;
  /** First tests and first paid works per calendar year, every year from the first to the last (for a chart). */
  perYear: YearCount[];
}

const TESTED_STAGES: readonly Stage[] = ['tested', 'proven', 'ambassador'];

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeToTrust(evaluations: readonly Evaluation[], to: 'firstTest' | 'firstPaid'): TimeToTrust {
  const years: number[] = [];
  for (const { milestones } of evaluations) {
    const span = wholeYearsBetween(milestones.met?.date, milestones[to]?.date);
    // Work dated before the recorded first contact means we knew each other earlier than recorded: no wait.
    if (span !== undefined) years.push(Math.max(0, span));
  }
  const medianYears = median(years);
  return medianYears === undefined ? { people: years.length } : { medianYears, people: years.length };
}

function perYear(evaluations: readonly Evaluation[]): YearCount[] {
  const counts = new Map<number, YearCount>();
  const count = (date: PartialDate | undefined, field: 'firstTests' | 'firstPaid') => {
    const year = yearOf(date);
    if (year === undefined) return;
    const entry = counts.get(year) ?? { year, firstTests: 0, firstPaid: 0 };
    entry[field] += 1;
    counts.set(year, entry);
  };
  for (const { milestones } of evaluations) {
    count(milestones.firstTest?.date, 'firstTests');
    count(milestones.firstPaid?.date, 'firstPaid');
  }
  if (counts.size === 0) return [];
  const years = [...counts.keys()];
  const result: YearCount[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    result.push(counts.get(year) ?? { year, firstTests: 0, firstPaid: 0 });
  }
  return result;
}

/** The network summary over evaluations already made (e.g. cached by the caller). */
export function summarizeEvaluations(evaluations: readonly Evaluation[]): NetworkSummary {
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  for (const { stage } of evaluations) byStage[stage.stage] += 1;
  const total = evaluations.length;
  const tested = TESTED_STAGES.reduce((sum, stage) => sum + byStage[stage], 0);
  return {
    total,
    byStage,
    tested,
    testedShare: total === 0 ? 0 : tested / total,
    toFirstTest: timeToTrust(evaluations, 'firstTest'),
    toFirstPaid: timeToTrust(evaluations, 'firstPaid'),
    perYear: perYear(evaluations),
  };
}

export function networkSummary(entries: readonly PersonRecords[], now: Date): NetworkSummary {
  return summarizeEvaluations(entries.map(({ person, works }) => evaluatePerson({ person, works, now })));
}

export interface DeliveredWork {
  personId: string;
  workId: string;
  kind: WorkKind;
  direction: Direction;
  date?: PartialDate;
  outcome?: Outcome;
  /** How my side was judged: good, or the serious negatives about my delivery (quality, reliability). */
  verdict: 'good' | 'negative';
  reasons: NegativeReason[];
}

export interface Ambassador {
  personId: string;
  /** Their referralReceived records, oldest first. */
  referrals: string[];
  firstDate?: PartialDate;
  lastDate?: PartialDate;
}

export interface MyRecord {
  /** Done, past work I delivered alone or side by side, oldest first. */
  delivered: DeliveredWork[];
  /** People who recommended or introduced me, by their first recommendation. */
  ambassadors: Ambassador[];
}

/** My own record: what I delivered and how it was judged, and who recommends me. */
export function myRecord(entries: readonly PersonRecords[], now: Date): MyRecord {
  const delivered: { work: SharedWork; item: DeliveredWork }[] = [];
  const ambassadors: { first: SharedWork; item: Ambassador }[] = [];

  for (const { person, works } of entries) {
    for (const work of works) {
      const mine = work.direction === 'iDelivered' || work.direction === 'together';
      if (!mine || work.status !== 'done' || isReferral(work) || isFutureDated(work, now)) continue;
      const reasons = negativeReasonsAbout(work, now, 'me');
      const item: DeliveredWork = {
        personId: person.id,
        workId: work.id,
        kind: work.kind,
        direction: work.direction,
        verdict: reasons.length === 0 ? 'good' : 'negative',
        reasons,
      };
      const date = workDate(work);
      if (date) item.date = date;
      if (work.outcome) item.outcome = work.outcome;
      delivered.push({ work, item });
    }

    const sorted = works
      .filter((work) => work.kind === 'referralReceived' && isReferralMade(work, now))
      .sort(byDate);
    const first = sorted[0];
    if (first) {
      const item: Ambassador = { personId: person.id, referrals: sorted.map((work) => work.id) };
      const dates = sorted.map(workDate).filter((date) => date !== undefined);
      if (dates.length > 0) {
        item.firstDate = dates[0];
        item.lastDate = dates.at(-1);
      }
      ambassadors.push({ first, item });
    }
  }

  return {
    delivered: delivered.sort((a, b) => byDate(a.work, b.work)).map(({ item }) => item),
    ambassadors: ambassadors.sort((a, b) => byDate(a.first, b.first)).map(({ item }) => item),
  };
}

/** From connections to ambassadors: each step is a subset of the one before it. */
export interface Funnel {
  connections: number;
  /** Met, talked, worked or planned work together, or any message, endorsement or invitation note between us. */
  anyContact: number;
  /** Ladder at tested or beyond (a caution overrides the stage shown, not the ladder underneath). */
  tested: number;
  proven: number;
  ambassadors: number;
}

const LADDER_RANK: Record<LadderStage, number> = {
  connected: 0,
  acquainted: 1,
  tested: 2,
  proven: 3,
  ambassador: 4,
};

/** Any sign of contact beyond the connection itself. */
export function hasAnyContact(person: Person, evaluation: Evaluation): boolean {
  if (evaluation.stage.ladder !== 'connected') return true;
  const archive = person.archive;
  return (
    (archive?.messages?.total ?? 0) > 0 ||
    (archive?.endorsements?.received ?? 0) + (archive?.endorsements?.given ?? 0) > 0 ||
    Boolean(archive?.invitation?.message?.trim())
  );
}

export function networkFunnel(items: Iterable<{ person: Person; evaluation: Evaluation }>): Funnel {
  const funnel: Funnel = { connections: 0, anyContact: 0, tested: 0, proven: 0, ambassadors: 0 };
  for (const { person, evaluation } of items) {
    const rank = LADDER_RANK[evaluation.stage.ladder];
    funnel.connections++;
    if (hasAnyContact(person, evaluation)) funnel.anyContact++;
    if (rank >= LADDER_RANK.tested) funnel.tested++;
    if (rank >= LADDER_RANK.proven) funnel.proven++;
    if (rank >= LADDER_RANK.ambassador) funnel.ambassadors++;
  }
  return funnel;
}

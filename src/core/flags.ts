// Flag rules of product.md, as pure functions of (person, works, settings, now), and the reconciliation that
// turns a scan's candidates into stored flag changes without ever undoing what the user decided (snooze,
// dismiss). Decisions the spec leaves open are stated where they are made.
import type { StepCode } from './codes.ts';
import {
  addDays,
  calendarDate,
  calendarDateOfMillis,
  certainYearsSince,
  comparePartialDates,
  hasPassed,
  isPartialDate,
  latestDay,
  wholeYearsBetween,
} from './dates.ts';
import {
  archiveFirstContact,
  hasSeriousNegative,
  isFutureDated,
  isGoodWork,
  isReferral,
  isReferralMade,
  workDate,
} from './trust.ts';
import type { Flag, FlagKind, Millis, PartialDate, Person, Settings, SharedWork } from './types.ts';
import { isPaidWork } from './work.ts';

export const FLAG_KINDS: readonly FlagKind[] = [
  'stalled',
  'paymentOverdue',
  'followUpDue',
  'vouchWithoutWork',
];

/** Flags that ask the user to act now; the toolbar badge counts these with the weekly queue. */
export const ACTION_FLAG_KINDS: readonly FlagKind[] = ['paymentOverdue', 'followUpDue'];

export interface FlagCandidate {
  id: string;
  personId: string;
  kind: FlagKind;
  workId?: string;
}

export function flagId(personId: string, kind: FlagKind, workId?: string): string {
  return workId === undefined ? `${personId}:${kind}` : `${personId}:${kind}:${workId}`;
}

function candidate(personId: string, kind: FlagKind, workId?: string): FlagCandidate {
  const id = flagId(personId, kind, workId);
  return workId === undefined ? { id, personId, kind } : { id, personId, kind, workId };
}

/** The earliest of connectedOn, firstMet.date and the archive's first message or invitation. */
function firstContact(person: Person): PartialDate | undefined {
  const dates = [person.connectedOn, person.firstMet?.date, archiveFirstContact(person)?.date].filter(
    isPartialDate,
  );
  return dates.sort(comparePartialDates)[0];
}

/**
 * Since when we have known each other without testing anything: the last day of the first contact, when nothing
 * was shared. Planned, in-progress and done records, referrals included, are steps already taken; abandoned ones
 * are not, since nothing was shared after all. Undefined with a step taken or no known first contact. Depends on
 * nothing but the person and their work, so the database stores it as an index (db/personRow.ts).
 */
export function untestedSince(person: Person, works: readonly SharedWork[]): PartialDate | undefined {
  if (!works.every((work) => work.status === 'abandoned')) return undefined;
  return latestDay(firstContact(person));
}

/**
 * Dormant: connected or first met at least `dormancyYears` ago (certainly: a contact "in 2021" counts from its last
 * day; the anniversary itself counts) and nothing shared. Not a stored flag: the weekly queue (core/queue.ts)
 * picks the few dormant people worth a first test.
 */
export function isDormant(
  person: Person,
  works: readonly SharedWork[],
  settings: Settings,
  now: Date,
): boolean {
  const years = certainYearsSince(untestedSince(person, works), now);
  return years !== undefined && years >= settings.dormancyYears;
}

/**
 * The latest first-contact day that can be dormant today: `untestedSince` at or before it is a candidate (an index
 * range), and isDormant decides exactly. Same month and day, `dormancyYears` earlier (a 29 February today gives
 * "YYYY-02-29" of a common year, which still compares correctly as text).
 */
export function dormancyCutoff(settings: Settings, now: Date): PartialDate {
  const [year, rest] = [now.getFullYear(), calendarDate(now).slice(4)];
  return `${String(year - settings.dormancyYears).padStart(4, '0')}${rest}`;
}

/**
 * I recommended them (a done referral given) and the ledger holds nothing we did together: the essay's rule is
 * that a vouch without tested work is flagged, not celebrated.
 */
function isVouchWithoutWork(works: readonly SharedWork[], now: Date): boolean {
  const vouched = works.some((work) => work.kind === 'referralGiven' && isReferralMade(work, now));
  if (!vouched) return false;
  return !works.some((work) => !isReferral(work) && (work.status === 'done' || work.status === 'inProgress'));
}

/** The last day a good work certainly ended by: its date, or for an undated record the day it was written down. */
function endedBy(work: SharedWork): PartialDate {
  return latestDay(workDate(work)) ?? calendarDateOfMillis(work.createdAt);
}

/**
 * Good shared work whose last one ended more than `stalledYears` ago (strictly: the anniversary day itself is
 * not yet stalled), with nothing planned or in progress. A relationship with a serious negative is not nudged
 * back to life: caution already says what to do.
 */
function isStalled(works: readonly SharedWork[], settings: Settings, now: Date): boolean {
  const good = works.filter((work) => isGoodWork(work, now));
  if (good.length === 0) return false;
  if (works.some((work) => work.status === 'planned' || work.status === 'inProgress')) return false;
  if (works.some((work) => hasSeriousNegative(work, now))) return false;
  const last = good.map(endedBy).sort(comparePartialDates).at(-1);
  const yesterday = addDays(calendarDate(now), -1);
  const years = wholeYearsBetween(last, yesterday);
  return years !== undefined && years >= settings.stalledYears;
}

/** When payment is due: the agreed due date, else the end date plus the default payment terms. */
export function paymentDueDate(work: SharedWork, settings: Settings): PartialDate | undefined {
  const due = work.outcome?.payment?.dueDate;
  if (isPartialDate(due)) return due;
  return addDays(work.endDate, settings.defaultPaymentTermsDays);
}

/**
 * Paid work, done, payment pending or unpaid, and the due date is over. With no date to compute a due date from,
 * only an explicit "unpaid" raises the flag: the user has said the money did not come.
 */
function isPaymentOverdue(work: SharedWork, settings: Settings, now: Date): boolean {
  const status = work.outcome?.payment?.status;
  if (work.status !== 'done' || !isPaidWork(work) || isFutureDated(work, now)) return false;
  if (status !== 'pending' && status !== 'unpaid') return false;
  const due = paymentDueDate(work, settings);
  return due === undefined ? status === 'unpaid' : hasPassed(due, now);
}

/** Planned work whose start (or, with no start, its end) is over. Undated plans have no date to miss. */
function isFollowUpDue(work: SharedWork, now: Date): boolean {
  if (work.status !== 'planned') return false;
  return hasPassed(isPartialDate(work.startDate) ? work.startDate : work.endDate, now);
}

/** Every flag that applies to one person right now, sorted by id. `works` are this person's records. */
export function flagCandidates(
  person: Person,
  works: readonly SharedWork[],
  settings: Settings,
  now: Date,
): FlagCandidate[] {
  const found: FlagCandidate[] = [];
  if (isStalled(works, settings, now)) found.push(candidate(person.id, 'stalled'));
  if (isVouchWithoutWork(works, now)) found.push(candidate(person.id, 'vouchWithoutWork'));
  for (const work of works) {
    if (isPaymentOverdue(work, settings, now)) found.push(candidate(person.id, 'paymentOverdue', work.id));
    if (isFollowUpDue(work, now)) found.push(candidate(person.id, 'followUpDue', work.id));
  }
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function opened(c: FlagCandidate, now: Millis): Flag {
  const flag: Flag = {
    id: c.id,
    personId: c.personId,
    kind: c.kind,
    state: 'open',
    raisedAt: now,
    updatedAt: now,
  };
  if (c.workId !== undefined) flag.workId = c.workId;
  return flag;
}

function withState(flag: Flag, state: 'open' | 'closed', now: Millis, raisedAt = flag.raisedAt): Flag {
  const { snoozedUntil: _ended, ...rest } = flag;
  return { ...rest, state, raisedAt, updatedAt: now };
}

/**
 * What a scan changes in the stored flags, given every existing flag and every candidate of the same scope
 * (one person, or everyone). Returns only the flags that changed, so reconciling its own result again changes
 * nothing:
 * - a new candidate becomes an open flag;
 * - an open flag no longer applicable is closed, a closed one that applies again reopens (raised anew);
 * - a snoozed flag stays snoozed until snoozedUntil (without one, until the user acts), then reopens if it
 *   still applies, else closes;
 * - a dismissed flag stays dismissed.
 */
export function reconcileFlags(
  existing: readonly Flag[],
  candidates: readonly FlagCandidate[],
  now: Millis,
): { put: Flag[] } {
  const applicable = new Map(candidates.map((c) => [c.id, c]));
  const put = new Map<string, Flag>();

  for (const flag of existing) {
    const applies = applicable.has(flag.id);
    switch (flag.state) {
      case 'open':
        if (!applies) put.set(flag.id, withState(flag, 'closed', now));
        break;
      case 'closed':
        if (applies) put.set(flag.id, withState(flag, 'open', now, now));
        break;
      case 'snoozed':
        if (flag.snoozedUntil !== undefined && flag.snoozedUntil <= now) {
          put.set(flag.id, withState(flag, applies ? 'open' : 'closed', now));
        }
        break;
      case 'dismissed':
        break;
    }
  }

  const known = new Set(existing.map((flag) => flag.id));
  for (const c of applicable.values()) {
    if (!known.has(c.id)) put.set(c.id, opened(c, now));
  }
  return { put: [...put.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

/** The essay's small, low-risk ways to start testing each other's work, for dormant connections. */
export const TRUST_BUILDING_STEPS: readonly StepCode[] = [
  'proposeSmallTask',
  'offerFreeSample',
  'offerShortConsultation',
  'volunteerTogether',
  'proposeSmallPaidTrial',
];

/** Next steps for a flag, from the essay: small, low-risk ways to test each other's work. */
export function suggestedSteps(kind: FlagKind): StepCode[] {
  switch (kind) {
    case 'stalled':
      // Trust is already there: a paid trial or a short consultation restarts real work.
      return ['proposeSmallPaidTrial', 'offerShortConsultation', 'proposeSmallTask', 'volunteerTogether'];
    case 'paymentOverdue':
      return ['sendPoliteReminder'];
    case 'followUpDue':
      return ['confirmPlannedWork', 'reschedulePlannedWork'];
    case 'vouchWithoutWork':
      return ['recordWorkTogether', 'proposeSmallTask'];
  }
}

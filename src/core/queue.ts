// The weekly queue: instead of one flag per dormant connection (tens of thousands in a large network), the worker
// keeps the few dormant people most worth a first small test, each with the reason and the essay's first step.
// Ranking, the first step and how the queue moves are pure rules here; the worker reads and writes them
// (background/queue.ts).
import type { StepCode } from './codes.ts';
import { certainYearsSince } from './dates.ts';
import { untestedSince } from './flags.ts';
import type { Direction, Millis, Person, QueueEntry, SharedWork, WorkKind } from './types.ts';
import { type WarmthReason, warmth, yearsSince2000 } from './warmth.ts';

export const QUEUE_SIZE_MIN = 1;
export const QUEUE_SIZE_MAX = 20;

/** The queue size setting within its bounds (a damaged setting falls back to the default of 5). */
export function queueSize(setting: number): number {
  if (!Number.isInteger(setting)) return 5;
  return Math.min(QUEUE_SIZE_MAX, Math.max(QUEUE_SIZE_MIN, setting));
}

// Each year a connection has gone untested adds this much: among equally warm people, the longest untested come
// first. Recency counts 4 a year and a tag 6 (core/warmth.ts): any sign of a real relationship outweighs years of
// silence.
const UNTESTED_PER_YEAR = 0.5;

/**
 * The order of the queue, highest first: warmth plus how long we have known each other untested. Like warmth it
 * does not depend on today's date (an earlier first contact is simply worth more), so it is stored with the
 * person; undefined for anyone with a step already taken (no untested first contact).
 */
export function queueRank(person: Person, works: readonly SharedWork[]): number | undefined {
  const since = untestedSince(person, works);
  if (since === undefined) return undefined;
  const score = warmth(person, works).score - UNTESTED_PER_YEAR * yearsSince2000(since);
  // Rounded, so a stored rank compares equal to a recomputed one whatever the float noise.
  return Math.round(score * 1000) / 1000;
}

/**
 * The essay's first step for this person, from what we know:
 * - they endorsed me: they already value my work, so show it (a free sample);
 * - we have talked (both wrote): a small joint task;
 * - I endorsed them, or someone introduced us, or I tagged them: I have a reason to ask for their view (a short
 *   consultation);
 * - nothing at all: the lightest way in, volunteering together.
 */
export function firstStep(reasons: readonly WarmthReason[]): StepCode {
  const has = (code: WarmthReason['code']) => reasons.some((r) => r.code === code);
  if (has('theyEndorsedMe')) return 'offerFreeSample';
  if (has('theyWroteFirst') || has('iWroteFirst')) return 'proposeSmallTask';
  if (has('iEndorsedThem') || has('introduced') || has('tagged')) return 'offerShortConsultation';
  return 'volunteerTogether';
}

/** Why a dormant person is in the queue: their warmth, then how long they have gone untested. */
export function queueReasons(person: Person, works: readonly SharedWork[], now: Date): WarmthReason[] {
  const reasons = warmth(person, works).reasons;
  const years = certainYearsSince(untestedSince(person, works), now);
  return years === undefined ? reasons : [...reasons, { code: 'untestedYears', years }];
}

/** A dormant person the worker may put in the queue. */
export interface QueueCandidate {
  personId: string;
  rank: number;
  reasons: WarmthReason[];
  step: StepCode;
}

/** What became of the person behind a stored entry since the last refresh. */
export type EntryStatus =
  /** Still dormant: `candidate` holds their current rank and reasons. */
  | { status: 'dormant'; candidate: QueueCandidate }
  /** A step was taken: some shared work (planned or more) is recorded with them. */
  | { status: 'started' }
  /** Neither: not dormant any more for another reason (dates edited, threshold raised), or deleted. */
  | { status: 'gone' };

export interface QueueChanges {
  put: QueueEntry[];
  remove: string[];
}

function same(a: QueueEntry, b: QueueEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Moves the queue on. Given every stored entry, what became of each entry's person, and the best dormant people
 * without an entry that holds them back (`fillers`, best first):
 * - a queued person with work recorded is `started` (the history counts them), one gone is removed, one still
 *   dormant keeps their place with fresh reasons;
 * - a snooze that is over removes the entry, so the person can be picked again; a dismissal is kept for good;
 * - a `started` person who is dormant again (the work was abandoned) may be picked again;
 * - the queue is then cut to `size` (lowest rank out) or filled up to it from the fillers.
 * Returns only the entries that change, so applying its result and running it again changes nothing.
 */
export function refreshQueue(input: {
  entries: readonly QueueEntry[];
  statusOf: (personId: string) => EntryStatus;
  fillers: readonly QueueCandidate[];
  size: number;
  now: Millis;
}): QueueChanges {
  const { now } = input;
  const size = queueSize(input.size);
  const put = new Map<string, QueueEntry>();
  const remove = new Set<string>();
  const queued: { entry: QueueEntry; rank: number }[] = [];
  const blocked = new Set<string>();

  for (const entry of input.entries) {
    const status = input.statusOf(entry.personId);
    if (status.status === 'gone') {
      remove.add(entry.id);
      continue;
    }
    switch (entry.state) {
      case 'queued':
        if (status.status === 'started') {
          put.set(entry.id, { ...entry, state: 'started', decidedAt: now, startedAt: now });
          blocked.add(entry.personId);
        } else {
          const fresh = { ...entry, reasons: status.candidate.reasons, step: status.candidate.step };
          if (!same(fresh, entry)) put.set(entry.id, fresh);
          queued.push({ entry: fresh, rank: status.candidate.rank });
          blocked.add(entry.personId);
        }
        break;
      case 'snoozed':
        if (entry.snoozedUntil !== undefined && entry.snoozedUntil <= now) remove.add(entry.id);
        else blocked.add(entry.personId);
        break;
      case 'dismissed':
        blocked.add(entry.personId);
        break;
      case 'started':
        // Dormant again only if every recorded step was abandoned: then they may come back into the queue.
        if (status.status !== 'dormant') blocked.add(entry.personId);
        break;
    }
  }

  queued.sort((a, b) => b.rank - a.rank || (a.entry.id < b.entry.id ? -1 : 1));
  for (const { entry } of queued.slice(size)) {
    put.delete(entry.id);
    remove.add(entry.id);
  }
  let count = Math.min(queued.length, size);
  const byId = new Map(input.entries.map((e) => [e.id, e]));
  for (const filler of input.fillers) {
    if (count >= size) break;
    if (blocked.has(filler.personId)) continue;
    const previous = byId.get(filler.personId);
    const entry: QueueEntry = {
      id: filler.personId,
      personId: filler.personId,
      state: 'queued',
      queuedAt: now,
      reasons: filler.reasons,
      step: filler.step,
    };
    // A person picked again after a start keeps when that was, for the queue's history.
    if (previous?.startedAt !== undefined) entry.startedAt = previous.startedAt;
    remove.delete(entry.id);
    put.set(entry.id, entry);
    blocked.add(filler.personId);
    count++;
  }
  return {
    put: [...put.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    remove: [...remove].sort(),
  };
}

export interface QueueHistory {
  queued: number;
  snoozed: number;
  dismissed: number;
  /** People taken from the queue into a first piece of work, this calendar month and this calendar year. */
  startedThisMonth: number;
  startedThisYear: number;
  startedEver: number;
}

export function queueHistory(entries: readonly QueueEntry[], now: Date): QueueHistory {
  const history: QueueHistory = {
    queued: 0,
    snoozed: 0,
    dismissed: 0,
    startedThisMonth: 0,
    startedThisYear: 0,
    startedEver: 0,
  };
  for (const entry of entries) {
    if (entry.state === 'queued') history.queued++;
    else if (entry.state === 'snoozed') history.snoozed++;
    else if (entry.state === 'dismissed') history.dismissed++;
    if (entry.startedAt === undefined) continue;
    const started = new Date(entry.startedAt);
    history.startedEver++;
    if (started.getFullYear() !== now.getFullYear()) continue;
    history.startedThisYear++;
    if (started.getMonth() === now.getMonth()) history.startedThisMonth++;
  }
  return history;
}

/**
 * The planned shared work a first step becomes when the user says "planned a task": the kind of work the step
 * proposes, and who delivers it (a free sample or a consultation is mine to give).
 */
export function stepWork(step: StepCode): { kind: WorkKind; direction: Direction; status: 'planned' } {
  switch (step) {
    case 'offerFreeSample':
      return { kind: 'freeSampleGiven', direction: 'iDelivered', status: 'planned' };
    case 'offerShortConsultation':
      return { kind: 'consultation', direction: 'iDelivered', status: 'planned' };
    case 'volunteerTogether':
      return { kind: 'volunteer', direction: 'together', status: 'planned' };
    case 'proposeSmallPaidTrial':
      return { kind: 'trial', direction: 'together', status: 'planned' };
    default:
      return { kind: 'smallTask', direction: 'together', status: 'planned' };
  }
}

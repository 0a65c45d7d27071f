// Warmth: how alive a connection is, from what LinkedIn's archive and the ledger say about us. It ranks the
// dormant connections worth a first small test (core/queue.ts), and it is always shown as its reasons in words
// ("14 messages in 2024, they endorsed you twice"), never as a number.
//
// The score depends on the person and their work only, never on today's date: recency counts by the calendar
// (a contact in 2024 is worth more than one in 2015 by the same amount every year), so the order between two
// people never changes with time and can be stored as an index (db/personRow.ts).
import { epochDay, isPartialDate, yearOf } from './dates.ts';
import { byDate, workDate } from './trust.ts';
import type { Person, SharedWork } from './types.ts';

/** One reason, as data: the UI words it with `warmth_reason_<code>`. */
export type WarmthReason =
  /** Messages in the latest year we wrote, e.g. 14 in 2024. */
  | { code: 'messagesInYear'; count: number; year: number }
  /** Messages before that year, all together. */
  | { code: 'messagesEarlier'; count: number }
  | { code: 'theyWroteFirst' }
  | { code: 'iWroteFirst' }
  | { code: 'theyEndorsedMe'; count: number }
  | { code: 'iEndorsedThem'; count: number }
  /** They sent the connection invitation; `note` when it came with a message. */
  | { code: 'theyInvitedMe'; note: boolean }
  | { code: 'iInvitedThem'; note: boolean }
  | { code: 'theyRecommendedMe'; year?: number }
  | { code: 'iRecommendedThem'; year?: number }
  | { code: 'introduced' }
  | { code: 'tagged'; tags: string[] }
  | { code: 'visitedProfile'; date: string }
  /** Known this many whole years with nothing tested (added by the queue, which knows today's date). */
  | { code: 'untestedYears'; years: number };

export type WarmthCode = WarmthReason['code'];

export const WARMTH_CODES: readonly WarmthCode[] = [
  'messagesInYear',
  'messagesEarlier',
  'theyWroteFirst',
  'iWroteFirst',
  'theyEndorsedMe',
  'iEndorsedThem',
  'theyInvitedMe',
  'iInvitedThem',
  'theyRecommendedMe',
  'iRecommendedThem',
  'introduced',
  'tagged',
  'visitedProfile',
  'untestedYears',
];

export interface Warmth {
  /** For ordering only; never shown. */
  score: number;
  /** Strongest first. Empty when nothing at all is known about us. */
  reasons: WarmthReason[];
}

// Points. Recency is per year since 2000 of the latest sign of contact, so any contact outweighs none and a
// recent one outweighs an old one; the rest are bonuses on top.
const RECENCY_PER_YEAR = 4;
const VOLUME_PER_DOUBLING = 6;
const BOTH_WROTE = 6;
const THEY_WROTE_FIRST = 4;
const ENDORSED_ME_EACH = 3;
const ENDORSED_THEM_EACH = 2;
const ENDORSEMENTS_COUNTED = 3;
const THEY_INVITED = 4;
const INVITATION_NOTE = 4;
const RECOMMENDED_ME = 20;
const RECOMMENDED_THEM = 10;
const INTRODUCED = 8;
const TAGGED = 6;
const VISITED = 3;
const DAY_2000 = epochDay('2000-01-01') as number;

/** Years since 2000 of a date, as a fraction; a date before 2000 counts as 0. */
export function yearsSince2000(date: string | undefined): number {
  const day = epochDay(date);
  return day === undefined ? 0 : Math.max(0, (day - DAY_2000) / 365.25);
}

function latest(dates: (string | undefined)[]): string | undefined {
  let found: string | undefined;
  for (const date of dates) {
    if (isPartialDate(date) && (found === undefined || (epochDay(date) ?? 0) > (epochDay(found) ?? 0))) {
      found = date;
    }
  }
  return found;
}

/** The latest sign of contact: a message, the invitation, an endorsement either way, or a visit to their profile. */
export function lastContact(person: Person): string | undefined {
  const archive = person.archive;
  return latest([
    archive?.messages?.last,
    archive?.invitation?.date,
    archive?.endorsements?.lastReceived,
    archive?.endorsements?.lastGiven,
    person.lastVisitedOn,
  ]);
}

/** The warmth of one person, from their record and their shared work (recommendations are referral records). */
export function warmth(person: Person, works: readonly SharedWork[]): Warmth {
  const reasons: WarmthReason[] = [];
  let score = 0;
  const recent = lastContact(person);
  if (recent !== undefined) score += RECENCY_PER_YEAR * yearsSince2000(recent);

  const recommendations = (kind: SharedWork['kind']) =>
    works.filter((w) => w.kind === kind && w.status === 'done').sort(byDate);
  const received = recommendations('referralReceived');
  const given = recommendations('referralGiven');
  if (received.length > 0) {
    score += RECOMMENDED_ME;
    reasons.push(withYear({ code: 'theyRecommendedMe' }, received.at(-1)));
  }
  if (given.length > 0) {
    score += RECOMMENDED_THEM;
    reasons.push(withYear({ code: 'iRecommendedThem' }, given.at(-1)));
  }

  const messages = person.archive?.messages;
  if (messages && messages.total > 0) {
    score += VOLUME_PER_DOUBLING * Math.log2(1 + messages.total);
    const lastYear = messages.perYear.at(-1);
    if (lastYear) {
      reasons.push({ code: 'messagesInYear', count: lastYear.count, year: lastYear.year });
      const earlier = messages.total - lastYear.count;
      if (earlier > 0) reasons.push({ code: 'messagesEarlier', count: earlier });
    }
    if (messages.fromThem > 0 && messages.total > messages.fromThem) score += BOTH_WROTE;
    if (messages.firstFrom === 'them') {
      score += THEY_WROTE_FIRST;
      reasons.push({ code: 'theyWroteFirst' });
    } else {
      reasons.push({ code: 'iWroteFirst' });
    }
  }

  const endorsements = person.archive?.endorsements;
  if (endorsements && endorsements.received > 0) {
    score += ENDORSED_ME_EACH * Math.min(endorsements.received, ENDORSEMENTS_COUNTED);
    reasons.push({ code: 'theyEndorsedMe', count: endorsements.received });
  }
  if (endorsements && endorsements.given > 0) {
    score += ENDORSED_THEM_EACH * Math.min(endorsements.given, ENDORSEMENTS_COUNTED);
    reasons.push({ code: 'iEndorsedThem', count: endorsements.given });
  }

  const invitation = person.archive?.invitation;
  if (invitation) {
    const note = Boolean(invitation.message?.trim());
    if (invitation.direction === 'received') score += THEY_INVITED;
    if (note) score += INVITATION_NOTE;
    reasons.push({ code: invitation.direction === 'received' ? 'theyInvitedMe' : 'iInvitedThem', note });
  }

  if (person.introducedBy !== undefined) {
    score += INTRODUCED;
    reasons.push({ code: 'introduced' });
  }
  if (person.tags.length > 0) {
    score += TAGGED;
    reasons.push({ code: 'tagged', tags: [...person.tags] });
  }
  if (isPartialDate(person.lastVisitedOn)) {
    score += VISITED;
    reasons.push({ code: 'visitedProfile', date: person.lastVisitedOn });
  }
  return { score, reasons };
}

function withYear<T extends { code: 'theyRecommendedMe' | 'iRecommendedThem' }>(
  reason: T,
  work: SharedWork | undefined,
): T & { year?: number } {
  const year = yearOf(work && workDate(work));
  return year === undefined ? reason : { ...reason, year };
}

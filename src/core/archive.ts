// LinkedIn's data export as evidence: the pure rules that turn its rows into the ledger's records. Recommendations
// become referral records (a recommendation received makes them an ambassador, counts toward their trust in me
// with its text as the evidence, and dates the first recommendation; one given is a vouch, flagged while the
// ledger holds no work together); messages, the invitation and endorsements become facts on the person.
// Parsing and matching live in io/; these rules are what the import writes.
import { searchKey } from './searchText.ts';
import type { ArchiveFacts, Millis, PartialDate, SharedWork } from './types.ts';

/** A row of Recommendations_Received.csv or Recommendations_Given.csv, as read. */
export interface Recommendation {
  firstName: string;
  lastName: string;
  company?: string;
  jobTitle?: string;
  text: string;
  date?: PartialDate;
  /** VISIBLE, HIDDEN, ... as LinkedIn wrote it. */
  status?: string;
}

export type RecommendationDirection = 'received' | 'given';

/**
 * A name as a matching key: case, accents and letter forms folded (searchKey), punctuation as spaces, and
 * whatever follows the first comma dropped, because LinkedIn names carry credentials there ("Hwang, MSPH",
 * "Jane Doe, PhD") on one side of a match and not on the other.
 */
export function nameKey(name: string): string {
  const beforeComma = name.split(/[,،]/, 1)[0] ?? '';
  return searchKey(beforeComma)
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
}

/** The full name a recommendation or endorsement row names, credentials and all (for display). */
export function fullName(firstName: string, lastName: string): string {
  return [firstName.trim(), lastName.trim()].filter((part) => part !== '').join(' ');
}

/** cyrb53: a fast 53-bit string hash (public domain), enough to tell apart the rows of one person's archive. */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A 53-bit hash of a text, as a number: cheap to keep by the thousand in a Set. */
export function textHash(text: string): number {
  return cyrb53(text, 1);
}

/** A stable id from content: two hashes with different seeds, ~106 bits, base 36. */
export function contentId(text: string): string {
  return `${cyrb53(text, 1).toString(36)}${cyrb53(text, 2).toString(36)}`;
}

/**
 * The id of the record a recommendation becomes. It depends on the recommendation alone (who, when, what it
 * says), never on the person it was matched to, so importing the same archive again finds the same record even
 * after the person was merged into another.
 */
export function recommendationWorkId(direction: RecommendationDirection, rec: Recommendation): string {
  const who = nameKey(fullName(rec.firstName, rec.lastName));
  return `linkedin-rec-${direction === 'received' ? 'in' : 'out'}-${contentId(`${who}\u0000${rec.date ?? ''}\u0000${rec.text}`)}`;
}

// Imported text is untrusted like page text: capped so a crafted file cannot bloat the database.
export const RECOMMENDATION_TEXT_MAX = 5000;
const TITLE_MAX = 500;

/**
 * The shared-work record of a recommendation: a done referral (received: they recommended me; given: I
 * recommended them), dated by its creation date, its text kept as the note (the evidence), and the recommender's
 * job title and company of the time as its title.
 */
export function recommendationWork(
  direction: RecommendationDirection,
  rec: Recommendation,
  personId: string,
  now: Millis,
): SharedWork {
  const work: SharedWork = {
    id: recommendationWorkId(direction, rec),
    personId,
    kind: direction === 'received' ? 'referralReceived' : 'referralGiven',
    // Whose work the recommendation speaks for: mine when they recommended me, theirs when I recommended them.
    direction: direction === 'received' ? 'iDelivered' : 'theyDelivered',
    status: 'done',
    createdAt: now,
    updatedAt: now,
  };
  const title = [rec.jobTitle, rec.company]
    .filter((part) => part?.trim())
    .join(', ')
    .slice(0, TITLE_MAX);
  if (title) work.title = title;
  if (rec.date) work.endDate = rec.date;
  const text = rec.text.trim().slice(0, RECOMMENDATION_TEXT_MAX);
  if (text) work.note = text;
  return work;
}

/** Keys sorted, so two equal values serialise the same whatever order their fields were set in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * The person's archive facts after an import: each part the import read (messages, invitation, endorsements)
 * replaces the stored one whole, since each export file holds its whole history; parts it did not read stay.
 * Undefined parts in `incoming` mean "not in this import", not "none".
 */
export function mergeArchiveFacts(
  stored: ArchiveFacts | undefined,
  incoming: ArchiveFacts,
): ArchiveFacts | undefined {
  const merged: ArchiveFacts = { ...stored };
  if (incoming.messages) merged.messages = incoming.messages;
  if (incoming.invitation) merged.invitation = incoming.invitation;
  if (incoming.endorsements) merged.endorsements = incoming.endorsements;
  return Object.keys(merged).length === 0 ? undefined : merged;
}

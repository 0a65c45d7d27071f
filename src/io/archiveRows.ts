// What each small file of the export says, row by row: recommendations (kept one by one, with their text),
// endorsements (counted per person), invitations (the earliest per person) and Profile.csv (who "me" is). The
// messages, which can be hundreds of megabytes, have their own streaming reader (messageStats.ts).
import { fullName, type Recommendation } from '../core/archive.ts';
import { profileFromUrl } from '../core/identity.ts';
import type { InvitationFacts, Millis, PartialDate, ProfileKey } from '../core/types.ts';
import { readArchiveDate } from './archiveDates.ts';
import { type CsvRecord, rawRecord } from './csvRecords.ts';

/** Whom a row is about, as the file names them: a LinkedIn profile when the file gives a URL, always a name. */
export interface Who {
  name: string;
  key?: ProfileKey;
  handle?: string;
  url?: string;
  /** Their company as the file gives it, to tell namesakes apart. */
  company?: string;
}

/** Why a row was set aside; each has an `archive_reject_<code>` locale key. */
export type ArchiveRejectCode = 'noName' | 'noText' | 'noDate';

export interface ArchiveRejected {
  line: number;
  reason: ArchiveRejectCode;
  raw: string;
}

// Imported strings are untrusted like page strings: capped so a crafted file can't bloat the database.
const TEXT_MAX = 500;
const URL_MAX = 2048;
const SKILLS_KEPT = 50;
export const NOTE_MAX = 2000;
const cap = (text: string | undefined, max = TEXT_MAX) =>
  text === undefined ? undefined : text.slice(0, max);

/**
 * A copy of a string that shares no memory with the text it was cut from. A CSV field is a slice of the piece of
 * the file Papa Parse was given (V8 keeps the whole piece alive for a slice of 13 characters or more), so a name
 * or URL kept per person for the rest of the import would keep a piece of a messages.csv of hundreds of megabytes.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** A LinkedIn profile from a URL as the export writes it (endorsement URLs have no scheme), or nothing. */
export function whoFrom(name: string, url: string | undefined, company?: string): Who {
  const who: Who = { name: ownString(cap(name)!) };
  if (company) who.company = ownString(cap(company)!);
  if (url) {
    const profile = profileFromUrl(url);
    if (profile?.site === 'linkedin') {
      who.key = ownString(profile.key);
      who.handle = ownString(profile.handle);
      who.url = ownString(cap(url, URL_MAX)!);
    }
  }
  return who;
}

export interface RecommendationRow {
  line: number;
  who: Who;
  rec: Recommendation;
}

export class RecommendationReader {
  readonly rows: RecommendationRow[] = [];
  readonly rejected: ArchiveRejected[] = [];

  read = (
    r: CsvRecord<'firstName' | 'lastName' | 'company' | 'jobTitle' | 'text' | 'date' | 'status'>,
    line: number,
    fields: readonly string[],
  ) => {
    const name = fullName(r.firstName ?? '', r.lastName ?? '');
    if (name === '') {
      this.rejected.push({ line, reason: 'noName', raw: rawRecord(fields) });
      return;
    }
    if (!r.text) {
      this.rejected.push({ line, reason: 'noText', raw: rawRecord(fields) });
      return;
    }
    const rec: Recommendation = { firstName: r.firstName ?? '', lastName: r.lastName ?? '', text: r.text };
    if (r.company) rec.company = cap(r.company);
    if (r.jobTitle) rec.jobTitle = cap(r.jobTitle);
    if (r.status) rec.status = cap(r.status, 40);
    const date = readArchiveDate(r.date ?? '').date;
    if (date) rec.date = date;
    this.rows.push({ line, who: whoFrom(name, undefined, r.company), rec });
  };
}

/** Endorsements one person gave me (or I gave them): how many, for which skills, and the latest. */
export interface EndorsementTally {
  /** The first line naming them, for the review step. */
  line: number;
  who: Who;
  count: number;
  skills: string[];
  last?: PartialDate;
}

/** Groups by profile when the file gives one, else by name. */
export class EndorsementReader {
  private readonly byWho = new Map<string, EndorsementTally>();
  readonly rejected: ArchiveRejected[] = [];
  rowsRead = 0;

  read = (
    r: CsvRecord<'date' | 'skill' | 'firstName' | 'lastName' | 'url' | 'status'>,
    line: number,
    fields: readonly string[],
  ) => {
    const name = fullName(r.firstName ?? '', r.lastName ?? '');
    const who = whoFrom(name, r.url);
    if (name === '' && who.key === undefined) {
      this.rejected.push({ line, reason: 'noName', raw: rawRecord(fields) });
      return;
    }
    this.rowsRead++;
    const id = who.key ?? `name:${name.toLowerCase()}`;
    let tally = this.byWho.get(id);
    if (!tally) {
      tally = { line, who, count: 0, skills: [] };
      this.byWho.set(id, tally);
    }
    tally.count++;
    const skill = cap(r.skill, 200);
    if (skill && !tally.skills.includes(skill) && tally.skills.length < SKILLS_KEPT) tally.skills.push(skill);
    const date = readArchiveDate(r.date ?? '').date;
    if (date && (tally.last === undefined || date > tally.last)) tally.last = date;
  };

  get tallies(): EndorsementTally[] {
    return [...this.byWho.values()];
  }
}

export interface InvitationRow {
  line: number;
  who: Who;
  facts: InvitationFacts;
  at?: Millis;
}

/** The earliest invitation per person: who reached out first, and their note. */
export class InvitationReader {
  private readonly byWho = new Map<string, InvitationRow>();
  readonly rejected: ArchiveRejected[] = [];
  rowsRead = 0;

  read = (
    r: CsvRecord<'from' | 'to' | 'sentAt' | 'message' | 'direction' | 'inviterUrl' | 'inviteeUrl'>,
    line: number,
    fields: readonly string[],
  ) => {
    const incoming = (r.direction ?? '').toUpperCase() === 'INCOMING';
    const name = (incoming ? r.from : r.to) ?? '';
    const who = whoFrom(name, incoming ? r.inviterUrl : r.inviteeUrl);
    if (name === '' && who.key === undefined) {
      this.rejected.push({ line, reason: 'noName', raw: rawRecord(fields) });
      return;
    }
    this.rowsRead++;
    const when = readArchiveDate(r.sentAt ?? '');
    const facts: InvitationFacts = { direction: incoming ? 'received' : 'sent' };
    if (when.date) facts.date = when.date;
    const message = r.message?.trim();
    if (message) facts.message = message.slice(0, NOTE_MAX);
    const id = who.key ?? `name:${name.toLowerCase()}`;
    const known = this.byWho.get(id);
    const earlier =
      known === undefined || (when.at !== undefined && (known.at === undefined || when.at < known.at));
    if (earlier) {
      const row: InvitationRow = { line, who, facts };
      if (when.at !== undefined) row.at = when.at;
      this.byWho.set(id, row);
    }
  };

  get invitations(): InvitationRow[] {
    return [...this.byWho.values()];
  }
}

/** Who "me" is, from Profile.csv: my name tells my messages from theirs in an archive with one conversation. */
export interface OwnerProfile {
  name: string;
  headline?: string;
}

export class ProfileReader {
  owner: OwnerProfile | undefined;

  read = (r: CsvRecord<'firstName' | 'lastName' | 'headline'>) => {
    if (this.owner) return;
    const name = fullName(r.firstName ?? '', r.lastName ?? '');
    if (name === '') return;
    this.owner = { name: cap(name)! };
    if (r.headline) this.owner.headline = cap(r.headline);
  };
}

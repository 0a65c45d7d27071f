// messages.csv, read as it streams: per person, how many messages, in how many conversations, the first and the
// last, who wrote first, how many per year. Only counts are kept, never what was written, unless the user asks to
// keep the texts for this import. Memory grows with the number of people written to, not with the file.
//
// The export does not say which participant is me. I am in every row (as the sender or a recipient), so every
// participant is tallied as if the other one were me, and at the end the participant who appears in the most rows
// is me and is dropped (Profile.csv's name settles a tie, as in an archive of one conversation).
import { contentId, textHash } from '../core/archive.ts';
import type { MessageFacts, Millis, PartialDate } from '../core/types.ts';
import { readArchiveInstant, utcDay, utcYear, utcYearStart } from './archiveDates.ts';
import { type ArchiveRejected, NOTE_MAX, ownString, type Who, whoFrom } from './archiveRows.ts';
import { type CsvRecord, rawRecord } from './csvRecords.ts';

export interface KeptMessage {
  id: string;
  at: Millis;
  date: PartialDate;
  fromMe: boolean;
  subject?: string;
  text: string;
}

export interface MessageTally {
  /** The first line naming them, for the review step. */
  line: number;
  who: Who;
  facts: MessageFacts;
  /** Only when the user asked to keep message texts in this import. */
  kept?: KeptMessage[];
}

/** What a kept message is made of; built only when the user asked to keep texts. */
interface MessageText {
  subject?: string | undefined;
  content?: string | undefined;
  id: string;
}

interface Tally {
  line: number;
  who: Who;
  /** Rows they appear in, as the sender or a recipient: the one in every row is me (see finish()). */
  seen: number;
  total: number;
  fromThem: number;
  firstAt: number;
  firstFromThem: boolean;
  lastAt: number;
  /** Hashes of the conversation ids (see count()). */
  conversations: Set<number>;
  /** The last row's conversation: a conversation's rows come together, so most rows need no look-up in the set. */
  lastConversation: number | undefined;
  years: Map<number, number>;
  kept?: KeptMessage[];
}

const TEXT_KEPT_MAX = 5000;
const KEPT_PER_PERSON = 500;

/**
 * `value` lower-cased is `lower` (as `value.toLowerCase() === lower`, which no longer text can be): the length is
 * compared first, so most rows make no lower-cased copy.
 */
function isLower(value: string | undefined, lower: string): boolean {
  return value !== undefined && value.length === lower.length && value.toLowerCase() === lower;
}

/** The same for `value.toUpperCase() === upper` ("ß" upper-cases to two letters, which "SPAM" has not). */
function isUpper(value: string | undefined, upper: string): boolean {
  return value !== undefined && value.length === upper.length && value.toUpperCase() === upper;
}

type NewRecord = CsvRecord<
  | 'conversationId'
  | 'from'
  | 'senderUrl'
  | 'to'
  | 'recipientUrls'
  | 'date'
  | 'subject'
  | 'content'
  | 'folder'
  | 'isDraft'
>;
type LegacyRecord = CsvRecord<'from' | 'to' | 'date' | 'subject' | 'content' | 'direction' | 'folder'>;

export interface MessagesRead {
  tallies: MessageTally[];
  rowsRead: number;
  rejected: ArchiveRejected[];
  /** Drafts and spam: read, not counted. */
  skipped: number;
  /** The export's owner could not be told apart from the one other participant (see above). */
  ownerUnclear: boolean;
  /** My profile, as the messages show it: the participant in every row. */
  ownerKey?: string;
}

export class MessageReader {
  private readonly tallies = new Map<string, Tally>();
  private readonly rejected: ArchiveRejected[] = [];
  private rowsRead = 0;
  private skipped = 0;
  // A messages.csv names the same few thousand people in hundreds of thousands of rows, and lists each
  // conversation's rows together: each profile URL is read once, and a conversation id is hashed once per run of
  // rows, not per row and participant (parsing URLs and hashing were most of the time spent on a large file).
  private readonly whoByUrl = new Map<string, Who>();
  private lastConversation: string | undefined;
  private lastConversationHash = 0;
  private year = 0;
  private yearStart = 0;
  private yearEnd = 0;

  constructor(private readonly options: { keepText: boolean; ownerName?: string | undefined }) {}

  /**
   * Their tally, made on their first row. `name`, when given, is the name this row gives them instead of `who`'s
   * (a recipient is named by the row's TO): a copy of `who` with it is made only when a tally is, or gets its name.
   */
  private tally(id: string, who: Who, line: number, name?: string): Tally {
    let tally = this.tallies.get(id);
    if (!tally) {
      tally = {
        line,
        who: name === undefined ? who : { ...who, name: ownString(name) },
        seen: 0,
        total: 0,
        fromThem: 0,
        firstAt: Number.POSITIVE_INFINITY,
        firstFromThem: false,
        lastAt: Number.NEGATIVE_INFINITY,
        conversations: new Set(),
        lastConversation: undefined,
        years: new Map(),
      };
      this.tallies.set(id, tally);
    } else if (!tally.who.name && (name ?? who.name)) {
      tally.who = { ...tally.who, name: name === undefined ? who.name : ownString(name) };
    }
    return tally;
  }

  private count(
    tally: Tally,
    at: Millis,
    fromThem: boolean,
    conversation: number,
    text: MessageText | undefined,
  ): void {
    tally.total++;
    if (fromThem) tally.fromThem++;
    if (at < tally.firstAt) {
      tally.firstAt = at;
      tally.firstFromThem = fromThem;
    }
    if (at > tally.lastAt) tally.lastAt = at;
    // A hash, not the id itself: tens of thousands of conversation ids would cost more than the counts.
    if (conversation !== tally.lastConversation) {
      tally.lastConversation = conversation;
      tally.conversations.add(conversation);
    }
    const year = this.yearOf(at);
    tally.years.set(year, (tally.years.get(year) ?? 0) + 1);
    if (text?.content) {
      tally.kept ??= [];
      if (tally.kept.length < KEPT_PER_PERSON) {
        const kept: KeptMessage = {
          id: `linkedin-msg-${contentId(text.id)}`,
          at,
          date: utcDay(at),
          fromMe: !fromThem,
          text: ownString(text.content.slice(0, TEXT_KEPT_MAX)),
        };
        if (text.subject) kept.subject = ownString(text.subject.slice(0, NOTE_MAX));
        tally.kept.push(kept);
      }
    }
  }

  /**
   * whoFrom, with each URL read once: a messages.csv names the same few thousand profiles in hundreds of thousands
   * of rows. A sender is remembered as the rows name them; a different name (or a name over the cap) is read again.
   */
  private who(name: string, url: string | undefined): Who {
    if (!url) return whoFrom(name, url);
    const known = this.whoByUrl.get(url);
    if (known?.name === name) return known;
    const who = known ? { ...known, name: whoFrom(name, undefined).name } : whoFrom(name, url);
    // Keyed by a copy: the URL as read is a slice of a piece of the file (see ownString).
    this.whoByUrl.set(who.url === undefined ? ownString(url) : who.url, who);
    return who;
  }

  /** A recipient: only whose profile the URL is matters (their name comes from the row's TO, if at all). */
  private recipient(url: string): Who {
    return this.whoByUrl.get(url) ?? this.who('', url);
  }

  /** The recipients' URLs: one in a one-to-one conversation (no separator), several in a group. */
  private static recipientUrls(list: string | undefined): string[] {
    if (list === undefined || list === '') return [];
    if (!list.includes(',') && !list.includes(';')) {
      const url = list.trim();
      return url === '' ? [] : [url];
    }
    return list
      .split(/[;,]/)
      .map((url) => url.trim())
      .filter(Boolean);
  }

  private conversationHash(id: string): number {
    if (id !== this.lastConversation) {
      this.lastConversation = id;
      this.lastConversationHash = textHash(id);
    }
    return this.lastConversationHash;
  }

  private when(raw: string | undefined, line: number, fields: readonly string[]): Millis | undefined {
    const at = readArchiveInstant(raw ?? '');
    if (at === undefined) this.rejected.push({ line, reason: 'noDate', raw: rawRecord(fields) });
    return at;
  }

  /** The UTC year of `at`; the year of the row before is kept, since rows of a conversation are close in time. */
  private yearOf(at: Millis): number {
    if (at < this.yearStart || at >= this.yearEnd) {
      // By arithmetic: a conversation's rows are close in time, but conversations come in any order, and two Dates
      // per change of year were 22 MB of garbage in the bench's messages.csv.
      this.year = utcYear(at);
      this.yearStart = utcYearStart(this.year);
      this.yearEnd = utcYearStart(this.year + 1);
    }
    return this.year;
  }

  /**
   * messages.csv since 2019: conversation ids and profile URLs. Every row of hundreds of thousands comes here, so a
   * row of a one-to-one conversation (nearly all of them) is read without a collection or an object made for it.
   */
  read = (r: NewRecord, line: number, fields: readonly string[]) => {
    if (isLower(r.isDraft, 'yes') || isUpper(r.folder, 'SPAM')) {
      this.skipped++;
      return;
    }
    const at = this.when(r.date, line, fields);
    if (at === undefined) return;
    this.rowsRead++;
    const sender = this.who(r.from ?? '', r.senderUrl);
    const list = r.recipientUrls;
    const conversation = r.conversationId ?? '';
    const text = this.options.keepText
      ? {
          subject: r.subject,
          content: r.content,
          id: `${conversation}|${at}|${sender.key ?? r.from}|${r.content ?? ''}`,
        }
      : undefined;
    if (list !== undefined && (list.includes(',') || list.includes(';'))) {
      this.readGroup(r, line, at, sender, MessageReader.recipientUrls(list), text);
      return;
    }
    // One recipient URL, or none (the record's fields are trimmed: an empty one is undefined).
    const recipient = list === undefined ? undefined : this.recipient(list);
    const senderKey = sender.key;
    const recipientKey = recipient?.key;
    const other = recipientKey !== undefined && !(senderKey && recipientKey === senderKey);
    const hash = this.conversationHash(conversation);
    if (senderKey) {
      const tally = this.tally(senderKey, sender, line);
      tally.seen++;
      this.count(tally, at, true, hash, text);
    }
    // One-to-one: each of the two is tallied as if the other were me; the owner's own tally is dropped at the end.
    if (recipient !== undefined && other) {
      const tally = this.tally(recipientKey, recipient, line, r.to ?? '');
      tally.seen++;
      this.count(tally, at, false, hash, text);
    }
  };

  /** A row with several recipients (a group), or separators in the list (read as the general case). */
  private readGroup(
    r: NewRecord,
    line: number,
    at: Millis,
    sender: Who,
    recipientUrls: string[],
    text: MessageText | undefined,
  ): void {
    const participants = new Map<string, Who>();
    if (sender.key) participants.set(sender.key, sender);
    for (const url of recipientUrls) {
      const who = this.recipient(url);
      if (who.key !== undefined && !participants.has(who.key)) participants.set(who.key, who);
    }
    const hash = this.conversationHash(r.conversationId ?? '');
    const oneToOne = recipientUrls.length === 1;
    for (const [key, who] of participants) {
      // "a,": one URL after all, a one-to-one conversation, where the recipient is named by the row's TO.
      const named = key === sender.key || !oneToOne ? undefined : (r.to ?? '');
      const tally = this.tally(key, who, line, named);
      tally.seen++;
      // In a group conversation only their own messages are theirs with me.
      if (oneToOne || key === sender.key) this.count(tally, at, key === sender.key, hash, text);
    }
  }

  /** Messages.csv before 2019: names only, and Direction says who wrote. */
  readLegacy = (r: LegacyRecord, line: number, fields: readonly string[]) => {
    if (isUpper(r.folder, 'SPAM')) {
      this.skipped++;
      return;
    }
    const at = this.when(r.date, line, fields);
    if (at === undefined) return;
    const incoming = (r.direction ?? '').toUpperCase() === 'INCOMING';
    const name = ((incoming ? r.from : r.to) ?? '').trim();
    if (name === '') {
      this.rejected.push({ line, reason: 'noName', raw: rawRecord(fields) });
      return;
    }
    this.rowsRead++;
    const text = this.options.keepText
      ? { subject: r.subject, content: r.content, id: `${name}|${at}|${incoming}|${r.content ?? ''}` }
      : undefined;
    // No conversation ids: a subject with one person stands for a conversation.
    this.count(
      this.tally(ownString(`name:${name.toLowerCase()}`), whoFrom(name, undefined), line),
      at,
      incoming,
      this.conversationHash(`${name}|${r.subject ?? ''}`),
      text,
    );
  };

  /** The owner found, the tallies of everyone else. */
  finish(): MessagesRead {
    // Whoever appears in the most rows, in the order they first appeared.
    let most = 0;
    let tied: string[] = [];
    for (const [key, { seen }] of this.tallies) {
      if (seen === 0 || seen < most) continue;
      if (seen > most) {
        most = seen;
        tied = [];
      }
      tied.push(key);
    }
    let ownerKey = tied[0];
    let ownerUnclear = false;
    if (tied.length >= 2) {
      // A tie (all one conversation): my name from Profile.csv settles it, else no one can tell.
      const mine = this.options.ownerName?.trim().toLowerCase();
      const named = tied.filter(
        (key) => mine && this.tallies.get(key)?.who.name.trim().toLowerCase() === mine,
      );
      ownerKey = named.length === 1 ? named[0] : undefined;
      ownerUnclear = ownerKey === undefined;
    }
    const tallies: MessageTally[] = [];
    if (!ownerUnclear) {
      for (const [key, t] of this.tallies) {
        if (key === ownerKey || t.total === 0) continue;
        const facts: MessageFacts = {
          total: t.total,
          fromThem: t.fromThem,
          conversations: t.conversations.size,
          first: utcDay(t.firstAt),
          last: utcDay(t.lastAt),
          firstFrom: t.firstFromThem ? 'them' : 'me',
          perYear: [...t.years].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count })),
        };
        const tally: MessageTally = { line: t.line, who: t.who, facts };
        if (t.kept) tally.kept = t.kept;
        tallies.push(tally);
      }
    }
    const read: MessagesRead = {
      tallies,
      rowsRead: this.rowsRead,
      rejected: this.rejected,
      skipped: this.skipped,
      ownerUnclear,
    };
    if (ownerKey && !ownerKey.startsWith('name:')) read.ownerKey = ownerKey;
    return read;
  }
}

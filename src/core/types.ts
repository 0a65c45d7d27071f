// The domain vocabulary of product.md, as plain data. Everything here is structured-clone safe,
// so the same objects travel through IndexedDB, messages and backups unchanged.
import type { StepCode } from './codes.ts';
import type { WarmthReason } from './warmth.ts';

/** Sites that have a profile adapter. */
export type Site =
  | 'linkedin'
  | 'github'
  | 'x'
  | 'gitlab'
  | 'stackoverflow'
  | 'mastodon'
  | 'behance'
  | 'dribbble';

/** Canonical profile key: `${site}:${normalisedHandle}`, e.g. `linkedin:jane-doe-123`. Built only by core/identity. */
export type ProfileKey = string;

/**
 * A calendar date with the precision that is known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Imports of damaged dates keep whatever precision can be read, so partial dates are first-class.
 */
export type PartialDate = string;

/** Milliseconds since the epoch, for audit timestamps (createdAt, updatedAt, snoozedUntil). */
export type Millis = number;

/** Fields whose value can come from the page, an import or the user. The user's value always wins. */
export type EditableField = 'name' | 'headline' | 'company' | 'position' | 'location' | 'connectedOn';

export interface FirstMet {
  date?: PartialDate;
  where?: string;
  context?: string;
}

export interface Person {
  id: string;
  name: string;
  headline?: string;
  company?: string;
  position?: string;
  location?: string;
  photoUrl?: string;
  email?: string;
  /** From LinkedIn's export, or typed in. */
  connectedOn?: PartialDate;
  firstMet?: FirstMet;
  /** Id of the person who introduced us. */
  introducedBy?: string;
  tags: string[];
  /** Fields the user typed by hand; page snapshots and imports never overwrite these. */
  userEdited: EditableField[];
  /** Created by a LinkedIn import row that could not be matched to anyone. */
  fromImport?: boolean;
  /** What LinkedIn's data export says about us (messages, invitation, endorsements); only imports write it. */
  archive?: ArchiveFacts;
  /** The last day their profile page was open with the extension (a panel visit), a sign of interest. */
  lastVisitedOn?: PartialDate;
  createdAt: Millis;
  updatedAt: Millis;
}

/** Messages with them in LinkedIn's export. Counts only: the text is never kept here. */
export interface MessageFacts {
  /** Messages of our one-to-one conversations, both ways, and theirs in group conversations with me. */
  total: number;
  /** Of those, written by them. */
  fromThem: number;
  conversations: number;
  /** The first and the last day we wrote (days as written in the export, UTC). */
  first: PartialDate;
  last: PartialDate;
  /** Who wrote the earliest message. */
  firstFrom: 'me' | 'them';
  /** Messages per calendar year, oldest first. */
  perYear: { year: number; count: number }[];
}

/** The connection invitation in LinkedIn's export: who reached out, when, and their note. */
export interface InvitationFacts {
  /** `sent`: I invited them; `received`: they invited me. */
  direction: 'sent' | 'received';
  date?: PartialDate;
  message?: string;
}

/** Skill endorsements both ways: a weak signal, shown and counted, never a change of stage. */
export interface EndorsementFacts {
  /** They endorsed me. */
  received: number;
  /** I endorsed them. */
  given: number;
  skillsReceived: string[];
  skillsGiven: string[];
  lastReceived?: PartialDate;
  lastGiven?: PartialDate;
}

/** Facts from LinkedIn's data export about one person; each part is replaced whole by the file it comes from. */
export interface ArchiveFacts {
  messages?: MessageFacts;
  invitation?: InvitationFacts;
  endorsements?: EndorsementFacts;
}

/** The fields of a person a profile page gives. */
export type PageValueField = 'name' | 'headline' | 'location' | 'photoUrl';
export type PageValues = Partial<Record<PageValueField, string>>;

export interface Profile {
  key: ProfileKey;
  personId: string;
  site: Site;
  /** The normalised handle (the part of the key after `site:`). */
  handle: string;
  url: string;
  /** Last name and headline the profile's own site showed (never another host's page), for display only. */
  seenName?: string;
  seenHeadline?: string;
  /**
   * What the profile's own site says now that differs from the person's record ("LinkedIn now says: …"): kept
   * apart until the user accepts it. A page never renames a person by itself.
   */
  proposed?: PageValues;
  /** What the site said that the user chose not to take: not proposed again until the site says otherwise. */
  declined?: PageValues;
  lastSeenAt?: Millis;
}

/** The kinds of shared work the essay names. */
export type WorkKind =
  | 'smallTask'
  | 'trial'
  | 'freeSampleGiven'
  | 'freeSampleReceived'
  | 'volunteer'
  | 'consultation'
  | 'paidProject'
  | 'longEngagement'
  /** I recommended or introduced them. */
  | 'referralGiven'
  /** They recommended or introduced me. */
  | 'referralReceived';

/** Who delivered: whose work was tested. */
export type Direction = 'theyDelivered' | 'iDelivered' | 'together';

/** Every kind of shared work, in the order the forms offer them. */
export const WORK_KINDS: readonly WorkKind[] = [
  'smallTask',
  'trial',
  'freeSampleGiven',
  'freeSampleReceived',
  'volunteer',
  'consultation',
  'paidProject',
  'longEngagement',
  'referralGiven',
  'referralReceived',
];

export const DIRECTIONS: readonly Direction[] = ['theyDelivered', 'iDelivered', 'together'];

export type WorkStatus = 'planned' | 'inProgress' | 'done' | 'abandoned';
export const WORK_STATUSES: readonly WorkStatus[] = ['planned', 'inProgress', 'done', 'abandoned'];

export type Reliability = 'onTime' | 'late' | 'missed';
export const RELIABILITIES: readonly Reliability[] = ['onTime', 'late', 'missed'];

export type WouldWorkAgain = 'yes' | 'no' | 'unsure';
export const WOULD_WORK_AGAIN: readonly WouldWorkAgain[] = ['yes', 'no', 'unsure'];

export type PaymentStatus = 'pending' | 'onTime' | 'late' | 'unpaid';
export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['pending', 'onTime', 'late', 'unpaid'];

export interface Payment {
  /** `pending` until paid or the due date passes; `late` may carry the days. */
  status: PaymentStatus;
  lateDays?: number;
  dueDate?: PartialDate;
}

export interface Outcome {
  /** 1 (poor) to 5 (excellent). */
  quality?: 1 | 2 | 3 | 4 | 5;
  reliability?: Reliability;
  /** Only for paid work (paidProject, longEngagement, consultation when paid). */
  payment?: Payment;
  wouldWorkAgain?: WouldWorkAgain;
}

export interface SharedWork {
  id: string;
  personId: string;
  kind: WorkKind;
  direction: Direction;
  status: WorkStatus;
  title?: string;
  startDate?: PartialDate;
  endDate?: PartialDate;
  outcome?: Outcome;
  note?: string;
  createdAt: Millis;
  updatedAt: Millis;
}

/** A shared work before it is stored: what the forms make and the database's addSharedWork takes. */
export type NewSharedWork = Omit<SharedWork, 'id' | 'personId' | 'createdAt' | 'updatedAt'>;

export interface Note {
  id: string;
  personId: string;
  text: string;
  createdAt: Millis;
  updatedAt: Millis;
}

/**
 * Dormant connections are not flags: tens of thousands of them said nothing. The worker's weekly queue picks the
 * few worth a first test instead (core/queue.ts).
 */
export type FlagKind = 'stalled' | 'paymentOverdue' | 'followUpDue' | 'vouchWithoutWork';

export type FlagState = 'open' | 'snoozed' | 'dismissed' | 'closed';

export interface Flag {
  /** Deterministic: `${personId}:${kind}` or `${personId}:${kind}:${workId}`, so a re-scan finds the same flag. */
  id: string;
  personId: string;
  kind: FlagKind;
  state: FlagState;
  /** The shared work the flag is about (payment overdue, follow-up due). */
  workId?: string;
  raisedAt: Millis;
  snoozedUntil?: Millis;
  updatedAt: Millis;
}

export type Language = 'auto' | 'en' | 'ar';

export interface Settings {
  /** Years connected or since first met with no shared work before a contact is dormant. */
  dormancyYears: number;
  /** Years since the last good shared work before it is stalled. */
  stalledYears: number;
  /** Days after a paid work's end when payment is due, when the work has no due date. */
  defaultPaymentTermsDays: number;
  scanPeriodHours: number;
  digestEnabled: boolean;
  /** 0 = Sunday ... 6 = Saturday. */
  digestWeekday: number;
  /** Sites other than LinkedIn the user enabled (each is an optional host permission). */
  enabledSites: Site[];
  language: Language;
  /** How many dormant connections the weekly queue holds (1 to 20). */
  queueSize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  dormancyYears: 3,
  stalledYears: 2,
  defaultPaymentTermsDays: 30,
  scanPeriodHours: 6,
  digestEnabled: false,
  digestWeekday: 1,
  enabledSites: [],
  language: 'auto',
  queueSize: 5,
};

/**
 * A person's place in the weekly queue of dormant connections worth a first small test, one per person (the id is
 * the person's id). `queued` people are this week's; the other states are the user's decisions, kept so the queue
 * moves on and for its history.
 */
export type QueueState = 'queued' | 'snoozed' | 'dismissed' | 'started';

export interface QueueEntry {
  /** The person's id. */
  id: string;
  personId: string;
  state: QueueState;
  /** When the worker put them in the queue. */
  queuedAt: Millis;
  /** When the user snoozed, dismissed or started (planned a task, or recorded any work). */
  decidedAt?: Millis;
  /** When they were taken from the queue into a first piece of work; kept if they come back, for the history. */
  startedAt?: Millis;
  snoozedUntil?: Millis;
  /** Why they were picked, in words (see core/warmth.ts), as of the last ranking. */
  reasons: WarmthReason[];
  /** The essay's suggested first step for them. */
  step: StepCode;
}

/** The fields a content script reads from a profile page. */
export type PageField = 'name' | 'headline' | 'location' | 'photo';

export const PAGE_FIELDS: readonly PageField[] = ['name', 'headline', 'location', 'photo'];

/** How a page was read: which strategy gave each field, and which fields the page would not give. */
export interface SnapshotReading {
  /** The strategy that gave each field that has a value, e.g. `{ name: 'heading', photo: 'photoLink' }`. */
  sources: Partial<Record<PageField, string>>;
  /**
   * Fields the site always shows that this page did not give. A name taken from the address (source `slug`) is
   * one of them: it is there to show something, not because the page said it.
   */
  missing: PageField[];
}

/** What a content script reads from a profile page. Every string is untrusted page data. */
export interface ProfileSnapshot {
  site: Site;
  key: ProfileKey;
  handle: string;
  url: string;
  name?: string;
  headline?: string;
  location?: string;
  photoUrl?: string;
  /** Absent while only the URL is known (the page is not read yet). */
  reading?: SnapshotReading;
}

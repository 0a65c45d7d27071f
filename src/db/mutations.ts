// The one write API of the database, shared by every page and the worker. Each mutation is one
// transaction that leaves the person's derived fields (stage, search words, sort keys) up to date.
// Functions are async so callers always get native promises, never Dexie's.

import { calendarDate } from '../core/dates.ts';
import { flagId } from '../core/flags.ts';
import { pageValueOutcome } from '../core/pageValues.ts';
import { sameRecord } from '../core/sameRecord.ts';
import type {
  EditableField,
  Flag,
  Millis,
  NewSharedWork,
  Note,
  PageValueField,
  PageValues,
  Person,
  Profile,
  ProfileKey,
  ProfileSnapshot,
  QueueEntry,
  SharedWork,
} from '../core/types.ts';
import type { ArchiveMessage } from './archiveMessages.ts';
import type { TrustDb } from './database.ts';
import { derivePersonRow, type PersonRow, toPerson } from './personRow.ts';
import { NO_ONE } from './queries.ts';
import { PERSON_RECORDS, personRecordKeys, personRecords, REFERENCES } from './references.ts';
import { markFromSync, outboxKey, pendingAmong } from './syncOutbox.ts';
import { SYNCED_TABLES } from './syncTables.ts';

export class RecordNotFoundError extends Error {
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`No ${table} record with id ${id}`);
    this.name = 'RecordNotFoundError';
  }
}

const EDITABLE_FIELDS: readonly EditableField[] = [
  'name',
  'headline',
  'company',
  'position',
  'location',
  'connectedOn',
];

/** Page strings are untrusted: trimmed, and capped so a hostile page can't bloat the database. */
const PAGE_TEXT_MAX = 500;
const PAGE_URL_MAX = 2048;

function pageText(value: string | undefined, max = PAGE_TEXT_MAX): string | undefined {
  const text = value?.trim().slice(0, max);
  return text ? text : undefined;
}

function newId(): string {
  return crypto.randomUUID();
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Drops keys set to undefined, so a cleared field is absent rather than stored as undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function copyField<K extends keyof Person>(target: Person, source: Person, key: K): void {
  target[key] = source[key];
}

/** Trimmed, without blanks or case-insensitive duplicates; the first spelling wins. */
export function normaliseTags(tags: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const tag of tags) {
    const text = tag.trim().normalize('NFC');
    const key = text.toLowerCase();
    if (text && !byKey.has(key)) byKey.set(key, text);
  }
  return [...byKey.values()];
}

function peopleTables(tdb: TrustDb) {
  return [tdb.people, tdb.profiles, tdb.sharedWork, tdb.notes, tdb.flags, tdb.queue, tdb.messages];
}

async function requirePerson(tdb: TrustDb, id: string): Promise<PersonRow> {
  const row = await tdb.people.get(id);
  if (!row) throw new RecordNotFoundError('people', id);
  return row;
}

/** Stores the person with derived fields recomputed from all of their shared work. */
async function writePerson(tdb: TrustDb, person: Person): Promise<PersonRow> {
  const works = await tdb.sharedWork.where('personId').equals(person.id).toArray();
  const row = derivePersonRow(compact(person), works, new Date(tdb.clock()));
  await tdb.people.put(row);
  return row;
}

/** writePerson for many people at once: their shared work read together, their rows written in one bulkPut. */
async function writePeople(tdb: TrustDb, people: readonly Person[]): Promise<void> {
  if (people.length === 0) return;
  const works = await personRecords<SharedWork>(
    tdb,
    'sharedWork',
    people.map((person) => person.id),
  );
  const worksOf = new Map<string, SharedWork[]>();
  for (const work of works) worksOf.set(work.personId, [...(worksOf.get(work.personId) ?? []), work]);
  const now = new Date(tdb.clock());
  await tdb.people.bulkPut(
    people.map((person) => derivePersonRow(compact(person), worksOf.get(person.id) ?? [], now)),
  );
}

async function touchPerson(tdb: TrustDb, id: string, time: Millis): Promise<PersonRow> {
  const row = await requirePerson(tdb, id);
  return writePerson(tdb, { ...toPerson(row), updatedAt: time });
}

async function checkIntroducer(tdb: TrustDb, personId: string, introducedBy: string | undefined) {
  if (introducedBy === undefined) return;
  if (introducedBy === personId) throw new Error('A person cannot introduce themselves');
  await requirePerson(tdb, introducedBy);
}

// ---------------------------------------------------------------------------------------------------
// People

export type NewPerson = Omit<Person, 'id' | 'tags' | 'userEdited' | 'createdAt' | 'updatedAt'> & {
  tags?: string[];
};

/** A person the user adds by hand: every editable field given is marked as typed by the user. */
export async function createPerson(tdb: TrustDb, input: NewPerson): Promise<PersonRow> {
  const name = input.name.trim();
  if (!name) throw new Error('A person needs a name');
  const time = tdb.clock();
  const person: Person = {
    ...input,
    id: newId(),
    name,
    tags: normaliseTags(input.tags ?? []),
    userEdited: EDITABLE_FIELDS.filter((field) => !isBlank(input[field])),
    createdAt: time,
    updatedAt: time,
  };
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    await checkIntroducer(tdb, person.id, person.introducedBy);
    return writePerson(tdb, person);
  });
}

export type PersonChanges = Partial<Omit<Person, 'id' | 'tags' | 'userEdited' | 'createdAt' | 'updatedAt'>>;

/**
 * Changes typed by the user. Editable fields named in `changes` are marked as user-edited, so page
 * visits and imports leave them alone from then on; a field set to undefined is cleared (and stays
 * cleared, for the same reason).
 */
export async function updatePerson(tdb: TrustDb, id: string, changes: PersonChanges): Promise<PersonRow> {
  if ('name' in changes && !changes.name?.trim()) throw new Error('A person needs a name');
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const person = toPerson(await requirePerson(tdb, id));
    if ('introducedBy' in changes) await checkIntroducer(tdb, id, changes.introducedBy);
    const typed = EDITABLE_FIELDS.filter((field) => field in changes);
    return writePerson(tdb, {
      ...person,
      ...changes,
      ...(changes.name === undefined ? {} : { name: changes.name.trim() }),
      userEdited: [...new Set([...person.userEdited, ...typed])],
      updatedAt: tdb.clock(),
    });
  });
}

export async function setTags(tdb: TrustDb, personId: string, tags: readonly string[]): Promise<PersonRow> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const person = toPerson(await requirePerson(tdb, personId));
    return writePerson(tdb, { ...person, tags: normaliseTags(tags), updatedAt: tdb.clock() });
  });
}

/** Everything a delete removed, for restoreDeleted (undo). */
export interface DeletedPerson {
  person: Person;
  profiles: Profile[];
  works: SharedWork[];
  notes: Note[];
  flags: Flag[];
  /** Their place in the weekly queue, or the user's decision about them. */
  queue: QueueEntry[];
  /** Kept LinkedIn message texts. */
  messages: ArchiveMessage[];
  /** People whose `introducedBy` pointed at the deleted person and was cleared. */
  introduced: string[];
}

/** Deletes the person with their profiles, shared work, notes, flags, queue entry and kept messages. */
export async function deletePerson(tdb: TrustDb, id: string): Promise<DeletedPerson> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const person = toPerson(await requirePerson(tdb, id));
    const [profiles, works, notes, flags, queue, messages, introduced] = await Promise.all([
      tdb.profiles.where('personId').equals(id).toArray(),
      tdb.sharedWork.where('personId').equals(id).toArray(),
      tdb.notes.where('personId').equals(id).toArray(),
      tdb.flags.where('personId').equals(id).toArray(),
      tdb.queue.get(id).then((entry) => (entry ? [entry] : [])),
      tdb.messages.where('personId').equals(id).toArray(),
      tdb.people.where('introducedBy').equals(id).toArray(),
    ]);
    await Promise.all([
      tdb.profiles.bulkDelete(profiles.map((p) => p.key)),
      tdb.sharedWork.bulkDelete(works.map((w) => w.id)),
      tdb.notes.bulkDelete(notes.map((n) => n.id)),
      tdb.flags.bulkDelete(flags.map((f) => f.id)),
      tdb.queue.bulkDelete(queue.map((q) => q.id)),
      tdb.messages.bulkDelete(messages.map((m) => m.id)),
      tdb.people.delete(id),
    ]);
    const time = tdb.clock();
    for (const row of introduced) {
      await writePerson(tdb, { ...toPerson(row), introducedBy: undefined, updatedAt: time });
    }
    return {
      person,
      profiles,
      works,
      notes,
      flags,
      queue,
      messages,
      introduced: introduced.map((row) => row.id),
    };
  });
}

/**
 * Undo of deletePerson: puts every record back. A profile linked to someone else since the delete is
 * taken back, because the undo restores the state before the delete.
 */
export async function restoreDeleted(tdb: TrustDb, deleted: DeletedPerson): Promise<PersonRow> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    await Promise.all([
      tdb.profiles.bulkPut(deleted.profiles),
      tdb.sharedWork.bulkPut(deleted.works),
      tdb.notes.bulkPut(deleted.notes),
      tdb.flags.bulkPut(deleted.flags),
      tdb.queue.bulkPut(deleted.queue),
      tdb.messages.bulkPut(deleted.messages),
    ]);
    const row = await writePerson(tdb, deleted.person);
    for (const id of deleted.introduced) {
      const other = await tdb.people.get(id);
      if (other && other.introducedBy === undefined) {
        await writePerson(tdb, { ...toPerson(other), introducedBy: deleted.person.id });
      }
    }
    return row;
  });
}

/** Blank fields of `keep` are filled from `other`; a field the user typed wins over page data. */
function mergedPerson(keep: Person, other: Person, time: Millis): Person {
  const merged: Person = {
    ...keep,
    tags: normaliseTags([...keep.tags, ...other.tags]),
    userEdited: [...keep.userEdited],
    createdAt: Math.min(keep.createdAt, other.createdAt),
    updatedAt: time,
  };
  for (const field of EDITABLE_FIELDS) {
    if (keep.userEdited.includes(field) || isBlank(other[field])) continue;
    if (other.userEdited.includes(field)) {
      copyField(merged, other, field);
      merged.userEdited.push(field);
    } else if (isBlank(keep[field])) {
      copyField(merged, other, field);
    }
  }
  for (const field of [
    'photoUrl',
    'email',
    'firstMet',
    'introducedBy',
    'archive',
    'lastVisitedOn',
  ] as const) {
    if (isBlank(keep[field])) copyField(merged, other, field);
  }
  if (merged.introducedBy === keep.id || merged.introducedBy === other.id) merged.introducedBy = undefined;
  merged.fromImport = keep.fromImport && other.fromImport ? true : undefined;
  return merged;
}

/**
 * Merges `mergeId` into `keepId`: profiles, shared work, notes and flags move, tags are united, and
 * references to the merged person are repointed. The merged person is deleted.
 */
export async function mergePeople(tdb: TrustDb, keepId: string, mergeId: string): Promise<PersonRow> {
  if (keepId === mergeId) throw new Error('Cannot merge a person into themselves');
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const keep = toPerson(await requirePerson(tdb, keepId));
    const other = toPerson(await requirePerson(tdb, mergeId));
    await Promise.all([
      tdb.profiles.where('personId').equals(mergeId).modify({ personId: keepId }),
      tdb.sharedWork.where('personId').equals(mergeId).modify({ personId: keepId }),
      tdb.notes.where('personId').equals(mergeId).modify({ personId: keepId }),
      tdb.messages.where('personId').equals(mergeId).modify({ personId: keepId }),
    ]);
    // One queue entry per person: the kept person's decision stays; without one, the merged person's moves over.
    const [keptEntry, movingEntry] = await tdb.queue.bulkGet([keepId, mergeId]);
    if (movingEntry) {
      await tdb.queue.delete(mergeId);
      if (!keptEntry) await tdb.queue.put({ ...movingEntry, id: keepId, personId: keepId });
    }
    const movingFlags = await tdb.flags.where('personId').equals(mergeId).toArray();
    const newIds = movingFlags.map((flag) => flagId(keepId, flag.kind, flag.workId));
    const existing = await tdb.flags.bulkGet(newIds);
    await tdb.flags.bulkDelete(movingFlags.map((flag) => flag.id));
    // Where both people had the same flag, the kept person's flag (and the user's decision on it) stays.
    await tdb.flags.bulkPut(
      movingFlags
        .map((flag, i) => ({ ...flag, id: newIds[i]!, personId: keepId }))
        .filter((_, i) => existing[i] === undefined),
    );
    await tdb.people.delete(mergeId);
    const introduced = await tdb.people.where('introducedBy').equals(mergeId).toArray();
    const time = tdb.clock();
    for (const row of introduced) {
      if (row.id === keepId) continue;
      await writePerson(tdb, { ...toPerson(row), introducedBy: keepId, updatedAt: time });
    }
    return writePerson(tdb, mergedPerson(keep, other, time));
  });
}

// ---------------------------------------------------------------------------------------------------
// Profiles and page visits

function profileFromSnapshot(personId: string, snapshot: ProfileSnapshot, seenAt?: Millis): Profile {
  return compact({
    key: snapshot.key,
    personId,
    site: snapshot.site,
    handle: snapshot.handle,
    url: pageText(snapshot.url, PAGE_URL_MAX) ?? '',
    seenName: pageText(snapshot.name),
    seenHeadline: pageText(snapshot.headline),
    lastSeenAt: seenAt,
  });
}

/**
 * Links a profile to the person. A snapshot creates the profile if needed; a bare key must name a
 * stored profile. A profile linked to someone else moves to this person.
 */
export async function linkProfile(
  tdb: TrustDb,
  personId: string,
  profile: ProfileSnapshot | ProfileKey,
): Promise<Profile> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    await requirePerson(tdb, personId);
    const key = typeof profile === 'string' ? profile : profile.key;
    const stored = await tdb.profiles.get(key);
    if (!stored && typeof profile === 'string') throw new RecordNotFoundError('profiles', key);
    const linked: Profile = stored
      ? { ...stored, personId }
      : profileFromSnapshot(personId, profile as ProfileSnapshot);
    await tdb.profiles.put(linked);
    const time = tdb.clock();
    if (stored && stored.personId !== personId && (await tdb.people.get(stored.personId))) {
      await touchPerson(tdb, stored.personId, time);
    }
    await touchPerson(tdb, personId, time);
    return linked;
  });
}

/** Removes the profile; returns it so linkProfile(personId, profile) can undo. */
export async function unlinkProfile(tdb: TrustDb, key: ProfileKey): Promise<Profile | undefined> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const profile = await tdb.profiles.get(key);
    if (!profile) return undefined;
    await tdb.profiles.delete(key);
    if (await tdb.people.get(profile.personId)) await touchPerson(tdb, profile.personId, tdb.clock());
    return profile;
  });
}

/**
 * What the page itself said: a field the snapshot lists as missing (a name spelled from the address when the page
 * gave none) is there to show something, and never counts as what the page said.
 */
function pageGiven(snapshot: ProfileSnapshot): PageValues {
  const missing = snapshot.reading?.missing ?? [];
  return compact({
    name: missing.includes('name') ? undefined : pageText(snapshot.name),
    headline: missing.includes('headline') ? undefined : pageText(snapshot.headline),
    location: missing.includes('location') ? undefined : pageText(snapshot.location),
    photoUrl: missing.includes('photo') ? undefined : pageText(snapshot.photoUrl, PAGE_URL_MAX),
  });
}

/** A visit refreshes lastSeenAt at most this often, so a visit that changes nothing writes nothing. */
const SEEN_REFRESH_MS = 24 * 60 * 60 * 1000;

const sameValues = (a: PageValues | undefined, b: PageValues | undefined): boolean =>
  JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/**
 * A visit to a profile page (core/pageValues.ts). Never renames anyone: on the profile's own site (`ownSite`),
 * fields the person does not have yet are filled, and what differs from the record is kept on the profile as a
 * proposal for the user to accept (acceptPageValue) or decline; any other page (another Mastodon instance showing
 * the handle, a hostile host) changes nothing. Visiting never creates anyone: returns undefined then. The same
 * reads whether or not anyone has the profile, and a write only when something changed.
 */
export async function recordSeenProfile(
  tdb: TrustDb,
  snapshot: ProfileSnapshot,
  { ownSite }: { ownSite: boolean },
): Promise<PersonRow | undefined> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const profile = await tdb.profiles.get(snapshot.key);
    const row = await tdb.people.get(profile?.personId ?? NO_ONE);
    if (!profile || !row || !ownSite) return row && profile ? row : undefined;
    const time = tdb.clock();
    const given = pageGiven(snapshot);
    const { fill, proposed } = pageValueOutcome(row, given, profile);
    const next: Profile = compact({
      ...profile,
      url: pageText(snapshot.url, PAGE_URL_MAX) ?? profile.url,
      seenName: given.name ?? profile.seenName,
      seenHeadline: given.headline ?? profile.seenHeadline,
      proposed,
    });
    const changed =
      next.url !== profile.url ||
      next.seenName !== profile.seenName ||
      next.seenHeadline !== profile.seenHeadline ||
      !sameValues(next.proposed, profile.proposed);
    if (changed || !profile.lastSeenAt || time - profile.lastSeenAt > SEEN_REFRESH_MS) {
      await tdb.profiles.put({ ...next, lastSeenAt: time });
    }
    const changes: Partial<Person> = { ...fill };
    // A visit is a sign of interest the queue's warmth counts; once a day is enough to know it.
    const today = calendarDate(new Date(time));
    if (row.lastVisitedOn !== today) changes.lastVisitedOn = today;
    if (Object.keys(changes).length === 0) return row;
    return writePerson(tdb, { ...toPerson(row), ...changes, updatedAt: time });
  });
}

/**
 * The user takes what the profile's own site proposed for `field`: it becomes the person's, as the page's (not
 * typed: a later proposal may replace it again). Returns the person, or undefined when there was no proposal.
 */
export async function acceptPageValue(
  tdb: TrustDb,
  key: ProfileKey,
  field: PageValueField,
): Promise<PersonRow | undefined> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const profile = await tdb.profiles.get(key);
    const value = profile?.proposed?.[field];
    if (!profile || !value) return undefined;
    const person = toPerson(await requirePerson(tdb, profile.personId));
    const { [field]: _taken, ...rest } = profile.proposed ?? {};
    const { [field]: _old, ...declined } = profile.declined ?? {};
    await tdb.profiles.put(
      compact({
        ...profile,
        proposed: Object.keys(rest).length ? rest : undefined,
        declined: Object.keys(declined).length ? declined : undefined,
      }),
    );
    return writePerson(tdb, {
      ...person,
      [field]: value,
      userEdited: person.userEdited.filter((edited) => edited !== field),
      updatedAt: tdb.clock(),
    });
  });
}

/** The user keeps their own value for `field`: the proposal goes, and that value is not proposed again. */
export async function declinePageValue(tdb: TrustDb, key: ProfileKey, field: PageValueField): Promise<void> {
  await tdb.transaction('rw', tdb.profiles, async () => {
    const profile = await tdb.profiles.get(key);
    const value = profile?.proposed?.[field];
    if (!profile || !value) return;
    const { [field]: _declined, ...rest } = profile.proposed ?? {};
    await tdb.profiles.put(
      compact({
        ...profile,
        proposed: Object.keys(rest).length ? rest : undefined,
        declined: { ...profile.declined, [field]: value },
      }),
    );
  });
}

/**
 * The person behind a profile page, created (with the profile) on the user's first action there, such
 * as a quick add in the panel. Page values are not marked as user-typed, so later visits refresh them.
 */
export async function ensurePersonForSnapshot(
  tdb: TrustDb,
  snapshot: ProfileSnapshot,
): Promise<{ person: PersonRow; created: boolean }> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const profile = await tdb.profiles.get(snapshot.key);
    const existing = profile && (await tdb.people.get(profile.personId));
    if (existing) return { person: existing, created: false };
    const time = tdb.clock();
    const person: Person = {
      id: newId(),
      name: pageText(snapshot.name) ?? snapshot.handle,
      headline: pageText(snapshot.headline),
      location: pageText(snapshot.location),
      photoUrl: pageText(snapshot.photoUrl, PAGE_URL_MAX),
      tags: [],
      userEdited: [],
      createdAt: time,
      updatedAt: time,
    };
    await tdb.profiles.put(profileFromSnapshot(person.id, snapshot, time));
    return { person: await writePerson(tdb, person), created: true };
  });
}

// ---------------------------------------------------------------------------------------------------
// Shared work

export type SharedWorkChanges = Partial<NewSharedWork>;

/** A deleted or replaced shared work with the flags that went with it, for restoreSharedWork (undo). */
export interface SharedWorkSnapshot {
  work: SharedWork;
  flags: Flag[];
}

export async function addSharedWork(
  tdb: TrustDb,
  personId: string,
  input: NewSharedWork,
): Promise<SharedWork> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    await requirePerson(tdb, personId);
    const time = tdb.clock();
    const work = compact<SharedWork>({ ...input, id: newId(), personId, createdAt: time, updatedAt: time });
    await tdb.sharedWork.add(work);
    await touchPerson(tdb, personId, time);
    return work;
  });
}

/** Returns the work before the change too: restoreSharedWork({ work: previous, flags: [] }) undoes it. */
export async function updateSharedWork(
  tdb: TrustDb,
  id: string,
  changes: SharedWorkChanges,
): Promise<{ work: SharedWork; previous: SharedWork }> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const previous = await tdb.sharedWork.get(id);
    if (!previous) throw new RecordNotFoundError('sharedWork', id);
    const time = tdb.clock();
    const work = compact<SharedWork>({
      ...previous,
      ...changes,
      id,
      personId: previous.personId,
      updatedAt: time,
    });
    await tdb.sharedWork.put(work);
    await touchPerson(tdb, work.personId, time);
    return { work, previous };
  });
}

/** Deletes the work and the flags about it (payment overdue, follow-up due). */
export async function deleteSharedWork(tdb: TrustDb, id: string): Promise<SharedWorkSnapshot | undefined> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const work = await tdb.sharedWork.get(id);
    if (!work) return undefined;
    const flags = await tdb.flags
      .where('personId')
      .equals(work.personId)
      .filter((flag) => flag.workId === id)
      .toArray();
    await tdb.flags.bulkDelete(flags.map((flag) => flag.id));
    await tdb.sharedWork.delete(id);
    if (await tdb.people.get(work.personId)) await touchPerson(tdb, work.personId, tdb.clock());
    return { work, flags };
  });
}

/** Undo of deleteSharedWork or updateSharedWork. */
export async function restoreSharedWork(tdb: TrustDb, snapshot: SharedWorkSnapshot): Promise<SharedWork> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    await requirePerson(tdb, snapshot.work.personId);
    await tdb.sharedWork.put(snapshot.work);
    await tdb.flags.bulkPut(snapshot.flags);
    await touchPerson(tdb, snapshot.work.personId, tdb.clock());
    return snapshot.work;
  });
}

// ---------------------------------------------------------------------------------------------------
// Notes

export async function addNote(tdb: TrustDb, personId: string, text: string): Promise<Note> {
  if (!text.trim()) throw new Error('A note needs text');
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    await requirePerson(tdb, personId);
    const time = tdb.clock();
    const note: Note = { id: newId(), personId, text, createdAt: time, updatedAt: time };
    await tdb.notes.add(note);
    await touchPerson(tdb, personId, time);
    return note;
  });
}

export async function updateNote(tdb: TrustDb, id: string, text: string): Promise<Note> {
  if (!text.trim()) throw new Error('A note needs text');
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const previous = await tdb.notes.get(id);
    if (!previous) throw new RecordNotFoundError('notes', id);
    const time = tdb.clock();
    const note = { ...previous, text, updatedAt: time };
    await tdb.notes.put(note);
    await touchPerson(tdb, note.personId, time);
    return note;
  });
}

/** Returns the deleted note for restoreNote (undo). */
export async function deleteNote(tdb: TrustDb, id: string): Promise<Note | undefined> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const note = await tdb.notes.get(id);
    if (!note) return undefined;
    await tdb.notes.delete(id);
    if (await tdb.people.get(note.personId)) await touchPerson(tdb, note.personId, tdb.clock());
    return note;
  });
}

export async function restoreNote(tdb: TrustDb, note: Note): Promise<Note> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    await requirePerson(tdb, note.personId);
    await tdb.notes.put(note);
    await touchPerson(tdb, note.personId, tdb.clock());
    return note;
  });
}

// ---------------------------------------------------------------------------------------------------
// Flags

async function changeFlag(tdb: TrustDb, id: string, change: Partial<Flag>): Promise<Flag> {
  return tdb.transaction('rw', tdb.flags, async () => {
    const flag = await tdb.flags.get(id);
    if (!flag) throw new RecordNotFoundError('flags', id);
    const changed = compact<Flag>({ ...flag, ...change, updatedAt: tdb.clock() });
    await tdb.flags.put(changed);
    return changed;
  });
}

export async function snoozeFlag(tdb: TrustDb, id: string, until: Millis): Promise<Flag> {
  return changeFlag(tdb, id, { state: 'snoozed', snoozedUntil: until });
}

export async function dismissFlag(tdb: TrustDb, id: string): Promise<Flag> {
  return changeFlag(tdb, id, { state: 'dismissed', snoozedUntil: undefined });
}

function userSilenced(flag: Flag | undefined, time: Millis): boolean {
  if (!flag) return false;
  // As core's reconcileFlags: a snooze without an end lasts until the user acts.
  const snoozed = flag.state === 'snoozed' && (flag.snoozedUntil === undefined || flag.snoozedUntil > time);
  return flag.state === 'dismissed' || snoozed;
}

/**
 * The worker's scan results. The user's decision wins over a scan that started before it: a dismissed
 * flag, or one snoozed into the future, is not reopened. Flags of people deleted meanwhile are dropped.
 * Returns how many flags were written or removed.
 */
export async function applyFlagChanges(
  tdb: TrustDb,
  put: readonly Flag[],
  removeIds: readonly string[] = [],
): Promise<number> {
  return tdb.transaction('rw', tdb.people, tdb.flags, async () => {
    const time = tdb.clock();
    const [stored, people] = await Promise.all([
      tdb.flags.bulkGet(put.map((flag) => flag.id)),
      tdb.people.bulkGet([...new Set(put.map((flag) => flag.personId))]),
    ]);
    const living = new Set(people.flatMap((row) => (row ? [row.id] : [])));
    const writes = put.filter(
      (flag, i) => living.has(flag.personId) && !(flag.state === 'open' && userSilenced(stored[i], time)),
    );
    await tdb.flags.bulkPut(writes);
    await tdb.flags.bulkDelete([...removeIds]);
    return writes.length + removeIds.length;
  });
}

// ---------------------------------------------------------------------------------------------------
// The weekly queue: the user's decisions. The worker refills the queue after each (background/queue.ts).

async function decideQueued(
  tdb: TrustDb,
  personId: string,
  change: Partial<QueueEntry>,
): Promise<QueueEntry> {
  return tdb.transaction('rw', tdb.queue, async () => {
    const entry = await tdb.queue.get(personId);
    if (!entry) throw new RecordNotFoundError('queue', personId);
    const decided = compact<QueueEntry>({ ...entry, ...change, decidedAt: tdb.clock() });
    await tdb.queue.put(decided);
    return decided;
  });
}

/** Not this week: the person leaves the queue until `until`, then may be picked again. */
export async function snoozeQueued(tdb: TrustDb, personId: string, until: Millis): Promise<QueueEntry> {
  return decideQueued(tdb, personId, { state: 'snoozed', snoozedUntil: until });
}

/** Not this person: they never come back into the queue. */
export async function dismissQueued(tdb: TrustDb, personId: string): Promise<QueueEntry> {
  return decideQueued(tdb, personId, { state: 'dismissed', snoozedUntil: undefined });
}

/** Undoes a dismissal: the person is back in the pool the worker picks the queue from. */
export async function undismissQueued(tdb: TrustDb, personId: string): Promise<void> {
  await tdb.transaction('rw', tdb.queue, async () => {
    const entry = await tdb.queue.get(personId);
    if (entry?.state === 'dismissed') await tdb.queue.delete(personId);
  });
}

/**
 * "Planned a task": the first step becomes a planned shared work with them, and their queue entry is started (the
 * queue's history counts it), in one transaction.
 */
export async function planFirstTask(
  tdb: TrustDb,
  personId: string,
  input: NewSharedWork,
): Promise<SharedWork> {
  return tdb.transaction('rw', peopleTables(tdb), async () => {
    const work = await addSharedWork(tdb, personId, input);
    const entry = await tdb.queue.get(personId);
    if (entry) {
      const time = tdb.clock();
      await tdb.queue.put(
        compact<QueueEntry>({
          ...entry,
          state: 'started',
          startedAt: time,
          decidedAt: time,
          snoozedUntil: undefined,
        }),
      );
    }
    return work;
  });
}

// ---------------------------------------------------------------------------------------------------
// Upkeep

/**
 * Recomputes derived fields whose value depends on today's date (work dated in the future counts once
 * the date passes). For the worker's periodic scan; writes only rows that changed. Returns their count.
 */
export async function refreshDerivedFields(tdb: TrustDb, personIds?: readonly string[]): Promise<number> {
  return tdb.transaction('rw', tdb.people, tdb.sharedWork, async () => {
    const rows = personIds
      ? (await tdb.people.bulkGet([...personIds])).filter((row) => row !== undefined)
      : await tdb.people.toArray();
    const works = personIds
      ? await tdb.sharedWork
          .where('personId')
          .anyOf([...personIds])
          .toArray()
      : await tdb.sharedWork.toArray();
    const worksByPerson = new Map<string, SharedWork[]>();
    for (const work of works) {
      const list = worksByPerson.get(work.personId);
      if (list) list.push(work);
      else worksByPerson.set(work.personId, [work]);
    }
    const now = new Date(tdb.clock());
    const changed = rows.flatMap((row) => {
      const fresh = derivePersonRow(row, worksByPerson.get(row.id) ?? [], now);
      return fresh.stage === row.stage && fresh.lastWorkDate === row.lastWorkDate ? [] : [fresh];
    });
    await tdb.people.bulkPut(changed);
    return changed.length;
  });
}

// ---------------------------------------------------------------------------------------------------
// Sync: changes another device made, brought in by sync/ through the same writes as a local edit

/** One record as another device left it: the row as it travels (syncTables.ts), or null once deleted. */
export interface SyncedChange {
  table: string;
  id: string;
  row: Record<string, unknown> | null;
}

export interface AppliedSync {
  /** Records written or removed. */
  applied: number;
  /** Held back because this device changed the record since and has not handed it to sync yet: it goes out next. */
  pending: number;
  /** Live rows whose person (or work) is not here: kept aside by sync until it is. */
  waiting: SyncedChange[];
  /** People whose record or evidence changed, for the flag scan. */
  personIds: string[];
}

/**
 * Brings in changes from other devices, in one transaction that sync's outbox does not record (they would echo
 * back). A record this device changed since its last hand-over keeps the local change (it goes out next and wins
 * there). People are written through writePerson, so their stage, search words and sort keys follow the rows that
 * arrived with them, and the stored counts follow every write (aggregates.ts). Every row written names rows that
 * exist: one whose person is not here (yet) waits, and a deleted person takes their records along, as deletePerson
 * does.
 */
export async function applySyncedChanges(
  tdb: TrustDb,
  changes: readonly SyncedChange[],
): Promise<AppliedSync> {
  // The kept messages stay on each device, but go with a person another device deleted, as deletePerson does.
  const tables = [...Object.keys(SYNCED_TABLES).map((name) => tdb.table(name)), tdb.messages, tdb.syncOutbox];
  return tdb.transaction('rw', tables, async () => {
    markFromSync();
    // The last change of a record in the batch is its state.
    const latest = new Map(changes.map((change) => [outboxKey(change.table, change.id), change]));
    const held = await pendingAmong(tdb, [...latest.keys()]);
    const incoming = [...latest].filter(([key]) => !held.has(key)).map(([, change]) => change);
    const byRecord = new Map(incoming.map((change) => [outboxKey(change.table, change.id), change]));
    const deletedHere = (table: string, id: string) => byRecord.get(outboxKey(table, id))?.row === null;

    // Which rows can stand: every target they name is here after the batch. Waiting is transitive (a work of a
    // person who waits waits too), so it is worked out to a fixed point.
    const present = new Set<string>();
    const targets = new Map<string, Set<string>>();
    for (const { table, field, target } of REFERENCES) {
      for (const change of incoming) {
        const id = change.table === table ? change.row?.[field] : undefined;
        if (typeof id === 'string') targets.set(target, (targets.get(target) ?? new Set()).add(id));
      }
    }
    for (const [target, ids] of targets) {
      // A person arriving in the batch stands whatever is here (people never wait): only the others are read.
      const list = [...ids].filter(
        (id) => target !== 'people' || (byRecord.get(outboxKey(target, id))?.row ?? null) === null,
      );
      const rows = await tdb.table(target).bulkGet(list);
      list.forEach((id, i) => {
        if (rows[i] !== undefined && !deletedHere(target, id)) present.add(outboxKey(target, id));
      });
    }
    const waiting = new Set<SyncedChange>();
    const stands = (target: string, id: string) => {
      const key = outboxKey(target, id);
      const arriving = byRecord.get(key);
      return present.has(key) || (arriving !== undefined && arriving.row !== null && !waiting.has(arriving));
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const change of incoming) {
        if (change.row === null || waiting.has(change)) continue;
        const missing = REFERENCES.some(
          ({ table, field, target, link }) =>
            !link &&
            table === change.table &&
            typeof change.row?.[field] === 'string' &&
            !stands(target, change.row[field] as string),
        );
        if (missing) {
          waiting.add(change);
          changed = true;
        }
      }
    }

    const personIds = new Set<string>();
    let applied = 0;
    const notePerson = (row: unknown) => {
      const personId = (row as { personId?: unknown } | undefined)?.personId;
      if (typeof personId === 'string') personIds.add(personId);
    };
    // Records first, table by table in bulk; then people, whose derived fields come from the records now in place.
    const records = incoming.filter((change) => change.table !== 'people' && !waiting.has(change));
    for (const name of new Set(records.map((change) => change.table))) {
      const mine = records.filter((change) => change.table === name);
      const table = tdb.table(name);
      const stored = await table.bulkGet(mine.map((change) => change.id));
      const puts: Record<string, unknown>[] = [];
      const deletes: string[] = [];
      for (const [i, change] of mine.entries()) {
        const before = stored[i];
        if (change.row === null) {
          if (before === undefined) continue;
          deletes.push(change.id);
        } else {
          if (sameRecord(before, change.row)) continue;
          puts.push(compact(change.row));
          notePerson(change.row);
        }
        notePerson(before);
        applied++;
      }
      await table.bulkDelete(deletes);
      await table.bulkPut(puts);
    }
    const arriving = incoming.filter((c) => c.table === 'people' && c.row !== null && !waiting.has(c));
    const storedPeople = await tdb.people.bulkGet(arriving.map((change) => change.id));
    const people: Person[] = [];
    for (const [i, change] of arriving.entries()) {
      const stored = storedPeople[i];
      if (stored && sameRecord(toPerson(stored), change.row)) continue;
      const person = { ...change.row } as unknown as Person;
      // A link to someone not here (deleted on one device while this one was edited on another) is left empty.
      if (person.introducedBy !== undefined && !stands('people', person.introducedBy))
        person.introducedBy = undefined;
      people.push(person);
      personIds.delete(change.id);
      applied++;
    }
    for (const change of incoming) {
      if (change.table !== 'people' || change.row !== null) continue;
      const id = change.id;
      if (!(await tdb.people.get(id))) continue;
      // As deletePerson: their records go with them (their own deletions are on the way too), and links to them.
      for (const name of PERSON_RECORDS) {
        const keys = await personRecordKeys(tdb, name, [id]);
        const held = await tdb.syncOutbox.bulkGet(keys.map((key) => outboxKey(name, String(key))));
        await tdb.table(name).bulkDelete(keys.filter((_, i) => held[i] === undefined));
      }
      await tdb.people.delete(id);
      for (const other of await tdb.people.where('introducedBy').equals(id).toArray()) {
        if (!people.some((person) => person.id === other.id)) personIds.add(other.id);
      }
      for (const person of people) if (person.introducedBy === id) person.introducedBy = undefined;
      personIds.delete(id);
      applied++;
    }
    // People whose records changed: derived fields recomputed, nothing else (updatedAt stays as synced); a link to a
    // person deleted above is emptied.
    const others = (await tdb.people.bulkGet([...personIds])).flatMap((row) => (row ? [toPerson(row)] : []));
    const gone = new Set(incoming.filter((c) => c.table === 'people' && c.row === null).map((c) => c.id));
    for (const person of others)
      if (person.introducedBy && gone.has(person.introducedBy)) person.introducedBy = undefined;
    await writePeople(tdb, [...people, ...others]);
    for (const change of incoming) if (change.table === 'people') personIds.add(change.id);
    return {
      applied,
      pending: latest.size - incoming.length,
      waiting: [...waiting],
      personIds: [...personIds],
    };
  });
}

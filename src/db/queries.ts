// Read-side of the database, shaped for the views. Designed for 30,000 people: counts and pages come from
// indexes, and filtered lists read primary keys (cheap) before loading only the rows of one page.

import { Dexie } from 'dexie';
import { ACTION_FLAG_KINDS } from '../core/flags.ts';
import { searchWords } from '../core/searchText.ts';
import { byDate, STAGES, type Stage } from '../core/trust.ts';
import type {
  Flag,
  FlagKind,
  Note,
  PartialDate,
  Profile,
  ProfileKey,
  QueueEntry,
  SharedWork,
  Site,
} from '../core/types.ts';
import { getAggregates } from './aggregates.ts';
import type { ArchiveMessage } from './archiveMessages.ts';
import type { TrustDb } from './database.ts';
import type { PersonRow } from './personRow.ts';

/** Sorting by stage follows the ladder; caution, which overrides the ladder, comes last. */
const STAGE_ORDER: readonly Stage[] = STAGES;

export async function getPerson(tdb: TrustDb, id: string): Promise<PersonRow | undefined> {
  return tdb.people.get(id);
}

export async function getPersonByProfileKey(tdb: TrustDb, key: ProfileKey): Promise<PersonRow | undefined> {
  const profile = await tdb.profiles.get(key);
  return profile && tdb.people.get(profile.personId);
}

/**
 * A person id no one has (ids are UUIDs), so that a read about nobody costs what a read about someone does.
 * Exported for the tests that check it.
 */
export const NO_ONE = '\u0000no-one';

/**
 * The stage and open flag count behind a profile, for the in-page badge; null when no one has the profile. The
 * same reads whether or not anyone has it (the person, their open flags): a page that times its badge must not
 * learn who is in the ledger from how long the answer took.
 */
export async function profileBadgeFacts(
  tdb: TrustDb,
  key: ProfileKey,
): Promise<{ stage: Stage; openFlags: number } | null> {
  return tdb.transaction('r', [tdb.profiles, tdb.people, tdb.flags], async () => {
    const profile = await tdb.profiles.get(key);
    const person = await tdb.people.get(profile?.personId ?? NO_ONE);
    const openFlags = await tdb.flags
      .where('personId')
      .equals(person?.id ?? NO_ONE)
      .filter((flag) => flag.state === 'open')
      .count();
    return person ? { stage: person.stage, openFlags } : null;
  });
}

export interface PersonRecord {
  person: PersonRow;
  profiles: Profile[];
  /** Newest first by end date, else start date (core's byDate reversed): undated work, usually just added, first. */
  works: SharedWork[];
  /** Newest first. */
  notes: Note[];
  flags: Flag[];
  introducer?: PersonRow;
  /** Their place in the weekly queue, or the user's decision about them. */
  queue?: QueueEntry;
  /** LinkedIn message texts kept by an import (only when the user asked), newest first. */
  messages: ArchiveMessage[];
}

export async function getPersonRecord(tdb: TrustDb, id: string): Promise<PersonRecord | undefined> {
  const tables = [tdb.people, tdb.profiles, tdb.sharedWork, tdb.notes, tdb.flags, tdb.queue, tdb.messages];
  return tdb.transaction('r', tables, async () => {
    const person = await tdb.people.get(id);
    if (!person) return undefined;
    const [profiles, works, notes, flags, introducer, queue, messages] = await Promise.all([
      tdb.profiles.where('personId').equals(id).toArray(),
      tdb.sharedWork.where('personId').equals(id).toArray(),
      tdb.notes.where('personId').equals(id).toArray(),
      tdb.flags.where('personId').equals(id).toArray(),
      person.introducedBy ? tdb.people.get(person.introducedBy) : undefined,
      tdb.queue.get(id),
      tdb.messages.where('personId').equals(id).toArray(),
    ]);
    works.sort((a, b) => byDate(b, a));
    notes.sort((a, b) => b.createdAt - a.createdAt);
    messages.sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id));
    return {
      person,
      profiles,
      works,
      notes,
      flags,
      messages,
      ...(introducer ? { introducer } : {}),
      ...(queue ? { queue } : {}),
    };
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids of people with a name word starting with each query word (all must match). */
async function idsMatchingWords(tdb: TrustDb, words: readonly string[]): Promise<Set<string>> {
  let ids: Set<string> | undefined;
  for (const word of words) {
    const found = new Set(await tdb.people.where('nameWords').startsWith(word).primaryKeys());
    ids = ids ? new Set([...ids].filter((id) => found.has(id))) : found;
  }
  return ids ?? new Set();
}

/**
 * People whose every query word prefixes one of their name words, ignoring case, accents and Arabic
 * letter forms ("had fa" finds "Fadi Haddad"). Sorted by name.
 */
export async function searchPeopleByPrefix(tdb: TrustDb, text: string, limit = 20): Promise<PersonRow[]> {
  const words = searchWords(text);
  const longest = [...words].sort((a, b) => b.length - a.length)[0];
  if (!longest) return [];
  // The longest word is the most selective; the others are checked on its matches.
  const rows = await tdb.people
    .where('nameWords')
    .startsWith(longest)
    .distinct()
    .filter((row) => words.every((word) => row.nameWords.some((nameWord) => nameWord.startsWith(word))))
    .limit(limit)
    .toArray();
  return rows.sort((a, b) => compareText(a.nameSort, b.nameSort));
}

/** `warmth`: the weekly queue's order (people.queueRank), warmest first; it ranks only people untested so far. */
export type PeopleSort = 'name' | 'connectedOn' | 'lastWork' | 'stage' | 'warmth';

export interface PeopleQuery {
  /** Prefix search over name words, as searchPeopleByPrefix. */
  text?: string;
  stage?: Stage;
  site?: Site;
  /** People with an open flag of this kind. */
  flag?: FlagKind;
  tag?: string;
  fromImport?: boolean;
  /** Inclusive bounds on connectedOn; partial dates work (`2019` to `2020-06`). */
  connectedFrom?: PartialDate;
  connectedTo?: PartialDate;
  /**
   * Dormant people: untested since a first contact on or before this day (core's dormancyCutoff for the
   * settings and today), which is exactly core's isDormant for them.
   */
  untestedBy?: PartialDate;
  sort?: PeopleSort;
  dir?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface PeopleListItem extends PersonRow {
  openFlags: FlagKind[];
}

export interface PeoplePage {
  rows: PeopleListItem[];
  /** All people matching the filters, for the scroll height and "n of N". */
  total: number;
}

const SORT_INDEX: Record<
  Exclude<PeopleSort, 'stage' | 'warmth'>,
  'nameSort' | 'connectedSort' | 'lastWorkDate'
> = {
  name: 'nameSort',
  connectedOn: 'connectedSort',
  lastWork: 'lastWorkDate',
};

/** The order of the sort index, with the primary key as IndexedDB's tie-break. */
function compareRows(sort: PeopleSort): (a: PersonRow, b: PersonRow) => number {
  if (sort === 'warmth') {
    // Warmest first; the index read backwards breaks ties by the higher id first, and so does this.
    return (a, b) =>
      (b.queueRank ?? Number.NEGATIVE_INFINITY) - (a.queueRank ?? Number.NEGATIVE_INFINITY) ||
      compareText(b.id, a.id);
  }
  if (sort === 'stage') {
    return (a, b) =>
      STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) ||
      compareText(a.nameSort, b.nameSort) ||
      compareText(a.id, b.id);
  }
  const field = SORT_INDEX[sort];
  return (a, b) => compareText(a[field], b[field]) || compareText(a.id, b.id);
}

function stageBucket(tdb: TrustDb, stage: Stage) {
  return tdb.people.where('[stage+nameSort]').between([stage, Dexie.minKey], [stage, Dexie.maxKey]);
}

/** All person ids in sort order, read from the index without loading the rows. */
async function idsInOrder(tdb: TrustDb, sort: PeopleSort): Promise<string[]> {
  // The queueRank index holds only people untested so far: it orders the dormant filter, which it covers.
  if (sort === 'warmth') return tdb.people.orderBy('queueRank').reverse().primaryKeys();
  if (sort !== 'stage') return tdb.people.orderBy(SORT_INDEX[sort]).primaryKeys();
  const buckets = await Promise.all(STAGE_ORDER.map((stage) => stageBucket(tdb, stage).primaryKeys()));
  return buckets.flat();
}

/** One page of the whole table in sort order, straight from the index. */
async function unfilteredPage(
  tdb: TrustDb,
  sort: Exclude<PeopleSort, 'warmth'>,
  desc: boolean,
  offset: number,
  limit: number,
): Promise<{ rows: PersonRow[]; total: number }> {
  // The stored counts: count() would walk all 30,000 keys on every page read.
  const { stages: sizes } = await getAggregates(tdb);
  const total = STAGE_ORDER.reduce((sum, stage) => sum + sizes[stage], 0);
  if (sort !== 'stage') {
    const ordered = tdb.people.orderBy(SORT_INDEX[sort]);
    const rows = await (desc ? ordered.reverse() : ordered).offset(offset).limit(limit).toArray();
    return { rows, total };
  }
  // Stage order is the ladder, not the alphabet: walk the stage buckets, skipping whole ones by count.
  const stages = desc ? [...STAGE_ORDER].reverse() : STAGE_ORDER;
  const rows: PersonRow[] = [];
  let skip = offset;
  for (const stage of stages) {
    if (rows.length >= limit) break;
    const size = sizes[stage];
    if (skip >= size) {
      skip -= size;
      continue;
    }
    const bucket = desc ? stageBucket(tdb, stage).reverse() : stageBucket(tdb, stage);
    rows.push(
      ...(await bucket
        .offset(skip)
        .limit(limit - rows.length)
        .toArray()),
    );
    skip = 0;
  }
  return { rows, total };
}

function intersect(sets: Set<string>[]): Set<string> | undefined {
  if (sets.length === 0) return undefined;
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...smallest!].filter((id) => rest.every((set) => set.has(id))));
}

/** Each filter answered by its own index as a set of person ids; undefined when nothing filters. */
async function filteredIds(tdb: TrustDb, query: PeopleQuery): Promise<Set<string> | undefined> {
  const sets: Promise<Set<string>>[] = [];
  const ids = async (keys: Promise<string[]>) => new Set(await keys);
  const words = query.text === undefined ? [] : searchWords(query.text);
  if (words.length > 0) sets.push(idsMatchingWords(tdb, words));
  if (query.stage) sets.push(ids(tdb.people.where('stage').equals(query.stage).primaryKeys()));
  if (query.tag) sets.push(ids(tdb.people.where('tags').equals(query.tag).primaryKeys()));
  if (query.fromImport !== undefined) {
    sets.push(
      ids(
        tdb.people
          .where('fromImportKey')
          .equals(query.fromImport ? 1 : 0)
          .primaryKeys(),
      ),
    );
  }
  if (query.untestedBy !== undefined) {
    // '' (a step taken, or no known first contact) sorts before '0' and is left out.
    sets.push(
      ids(tdb.people.where('untestedSince').between('0', query.untestedBy, true, true).primaryKeys()),
    );
  }
  if (query.connectedFrom !== undefined || query.connectedTo !== undefined) {
    // '' marks an unknown date; it is below every date and excluded. '\uffff' makes a partial upper
    // bound inclusive of the days inside it ('2019' takes in '2019-12-31').
    const range = tdb.people
      .where('connectedSort')
      .between(
        query.connectedFrom ?? '',
        `${query.connectedTo ?? ''}\uffff`,
        query.connectedFrom !== undefined,
      );
    sets.push(ids(range.primaryKeys()));
  }
  if (query.site) {
    const site = query.site;
    sets.push(
      tdb.profiles
        .where('site')
        .equals(site)
        .toArray()
        .then((profiles) => new Set(profiles.map((p) => p.personId))),
    );
  }
  if (query.flag) {
    sets.push(
      tdb.flags
        .where('[state+kind]')
        .equals(['open', query.flag])
        .toArray()
        .then((flags) => new Set(flags.map((f) => f.personId))),
    );
  }
  return intersect(await Promise.all(sets));
}

// Below this many matches, sorting the matching rows in memory beats reading the whole sort index.
const SORT_IN_MEMORY_MAX = 2000;

async function withOpenFlags(tdb: TrustDb, rows: PersonRow[]): Promise<PeopleListItem[]> {
  // One index lookup per person, all in flight at once: anyOf() walks a single cursor from key to key,
  // one round trip to the IndexedDB backend per step, which measured 3–30× slower for a page of 100.
  const perPerson = await Promise.all(
    rows.map((row) => tdb.flags.where('personId').equals(row.id).toArray()),
  );
  return rows.map((row, i) => ({
    ...row,
    openFlags: (perPerson[i] ?? []).filter((flag) => flag.state === 'open').map((flag) => flag.kind),
  }));
}

/**
 * One page of the people list. Without filters the page and the count come straight from an index.
 * With filters, each filter yields ids from its index; the intersection is ordered either by sorting
 * its rows (few matches) or by walking the sort index's keys (many), and only the page's rows load.
 */
export async function listPeople(tdb: TrustDb, query: PeopleQuery = {}): Promise<PeoplePage> {
  // Warmth ranks only the untested: it orders the dormant filter and nothing else.
  const sort = query.sort === 'warmth' && query.untestedBy === undefined ? 'name' : (query.sort ?? 'name');
  const desc = query.dir === 'desc';
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.max(0, query.limit ?? 50);
  return tdb.transaction('r', [tdb.people, tdb.profiles, tdb.flags, tdb.meta], async () => {
    const ids = await filteredIds(tdb, query);
    let page: { rows: PersonRow[]; total: number };
    if (!ids) {
      // Without the dormant filter there is no warmth order (see above), so `sort` is never 'warmth' here.
      page = await unfilteredPage(tdb, sort === 'warmth' ? 'name' : sort, desc, offset, limit);
    } else if (ids.size <= SORT_IN_MEMORY_MAX) {
      const rows = (await tdb.people.bulkGet([...ids])).filter((row) => row !== undefined);
      const compare = compareRows(sort);
      rows.sort(desc ? (a, b) => compare(b, a) : compare);
      page = { rows: rows.slice(offset, offset + limit), total: rows.length };
    } else {
      const ordered = (await idsInOrder(tdb, sort)).filter((id) => ids.has(id));
      if (desc) ordered.reverse();
      const pageIds = ordered.slice(offset, offset + limit);
      const rows = (await tdb.people.bulkGet(pageIds)).filter((row) => row !== undefined);
      page = { rows, total: ordered.length };
    }
    return { rows: await withOpenFlags(tdb, page.rows), total: page.total };
  });
}

/** How many people are at each stage, from the stored counts. */
export async function countsByStage(tdb: TrustDb): Promise<Record<Stage, number>> {
  return (await getAggregates(tdb)).stages;
}

export interface FlagItem {
  flag: Flag;
  person: PersonRow;
}

/** The newest open flags with their people. */
export async function openFlags(tdb: TrustDb, limit = 20): Promise<FlagItem[]> {
  return tdb.transaction('r', tdb.flags, tdb.people, async () => {
    const flags = await tdb.flags
      .where('[state+raisedAt]')
      .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
      .reverse()
      .limit(limit)
      .toArray();
    return withPeople(tdb, flags, (flag) => ({ flag }));
  });
}

/** How many flags are open, from the stored counts. */
export async function countOpenFlags(tdb: TrustDb): Promise<number> {
  return (await getAggregates(tdb)).openFlags;
}

/** What the toolbar badge counts: this week's queue and the open flags that ask for action now. */
export interface BadgeCounts {
  queued: number;
  actions: number;
}

export async function badgeCounts(tdb: TrustDb): Promise<BadgeCounts> {
  return tdb.transaction('r', tdb.queue, tdb.flags, async () => {
    const [queued, actions] = await Promise.all([
      tdb.queue.where('state').equals('queued').count(),
      actionFlagCount(tdb),
    ]);
    return { queued, actions };
  });
}

/** The open flags that ask for action now (payment overdue, follow-up due): the badge's other count. */
export async function actionFlagCount(tdb: TrustDb): Promise<number> {
  const counts = await Promise.all(
    ACTION_FLAG_KINDS.map((kind) => tdb.flags.where('[state+kind]').equals(['open', kind]).count()),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

export interface QueueItem {
  entry: QueueEntry;
  person: PersonRow;
}

/** This week's queue with its people, best first (by the stored rank). */
export async function queuedPeople(tdb: TrustDb): Promise<QueueItem[]> {
  return tdb.transaction('r', tdb.queue, tdb.people, async () => {
    const entries = await tdb.queue.where('state').equals('queued').toArray();
    const items = await withPeople(tdb, entries, (entry) => ({ entry }));
    return items.sort(
      (a, b) =>
        (b.person.queueRank ?? 0) - (a.person.queueRank ?? 0) || compareText(a.person.id, b.person.id),
    );
  });
}

/** Every queue entry (this week's and the user's past decisions), for the queue's history. */
export async function queueEntries(tdb: TrustDb): Promise<QueueEntry[]> {
  return tdb.queue.toArray();
}

export interface WorkItem {
  work: SharedWork;
  person: PersonRow;
}

/** The most recently recorded or edited shared work, with its people. */
export async function recentWork(tdb: TrustDb, limit = 10): Promise<WorkItem[]> {
  return tdb.transaction('r', tdb.sharedWork, tdb.people, async () => {
    const works = await tdb.sharedWork.orderBy('updatedAt').reverse().limit(limit).toArray();
    return withPeople(tdb, works, (work) => ({ work }));
  });
}

async function withPeople<T extends { personId: string }, R>(
  tdb: TrustDb,
  items: T[],
  wrap: (item: T) => R,
): Promise<(R & { person: PersonRow })[]> {
  const people = await tdb.people.bulkGet(items.map((item) => item.personId));
  return items.flatMap((item, i) => {
    const person = people[i];
    return person ? [{ ...wrap(item), person }] : [];
  });
}

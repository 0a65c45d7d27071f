import { searchKey } from '../core/searchText.ts';
import type { EditableField, Millis, Person, Profile, ProfileKey } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { type PersonRow, toPerson } from '../db/personRow.ts';
import type { ConnectionRow, ParsedImport, RejectedRow, RowWarning } from './linkedinCsv.ts';

/** Fields an import row can set on a person. Name is only set when the import creates the person. */
export type ImportedField = 'company' | 'position' | 'connectedOn' | 'email';
const IMPORTED_FIELDS: readonly ImportedField[] = ['company', 'position', 'connectedOn', 'email'];

export type PlanAction = 'new' | 'update' | 'unchanged';

/** One accepted row and what the commit will do with it, for the preview table. */
export interface PlannedRow {
  line: number;
  name: string;
  action: PlanAction;
  personId: string;
  /** How an existing person was found. */
  matchedBy?: 'profile' | 'name';
  /** The fields an update changes. */
  changes: ImportedField[];
}

export type PersonPatch = Partial<Pick<Person, ImportedField>>;

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
}

/** What the database looked like when the plan was made; the commit re-plans if it changed. */
export interface DbFingerprint {
  people: number;
  profiles: number;
  lastUpdatedAt: Millis;
}

export interface ImportPlan {
  counts: ImportCounts;
  rows: PlannedRow[];
  rejected: RejectedRow[];
  warnings: RowWarning[];
  /** The writes the commit applies, when the database still matches `fingerprint`. */
  writes: {
    newPeople: Person[];
    /** Profiles of new people; added, so an existing key aborts the commit rather than being stolen. */
    newProfiles: Profile[];
    /** Stored profiles whose person was deleted, now pointing at the new person made for the row. */
    repointedProfiles: Profile[];
    /** Field changes per existing person id, re-checked against userEdited at commit time. */
    patches: Map<string, PersonPatch>;
  };
  fingerprint: DbFingerprint;
  parsed: ParsedImport;
}

// Imported strings are untrusted like page strings: capped so a crafted file can't bloat the database.
const TEXT_MAX = 500;
const URL_MAX = 2048;
const capped = (value: string | undefined, max = TEXT_MAX) => value?.slice(0, max);

export async function dbFingerprint(tdb: TrustDb): Promise<DbFingerprint> {
  const [people, profiles, last] = await Promise.all([
    tdb.people.count(),
    tdb.profiles.count(),
    tdb.people.orderBy('updatedAt').last(),
  ]);
  return { people, profiles, lastUpdatedAt: last?.updatedAt ?? 0 };
}

export const sameFingerprint = (a: DbFingerprint, b: DbFingerprint) =>
  a.people === b.people && a.profiles === b.profiles && a.lastUpdatedAt === b.lastUpdatedAt;

/**
 * The change a row makes to an existing person: only non-empty imported values, never a field the
 * user typed, and never a less precise date over a more precise one ("2024" over "2024-03-15").
 */
export function patchFor(person: Person, row: ConnectionRow): PersonPatch {
  const patch: PersonPatch = {};
  for (const field of IMPORTED_FIELDS) {
    const value = capped(row[field]);
    if (value === undefined || value === person[field]) continue;
    if (person.userEdited.includes(field as EditableField)) continue;
    // E-mail is not an editable field: the import fills it in but never replaces one.
    if (field === 'email' && person.email !== undefined) continue;
    if (field === 'connectedOn' && person.connectedOn?.startsWith(value)) continue;
    patch[field] = value;
  }
  return patch;
}

export interface Lookups {
  profiles: Map<ProfileKey, Profile>;
  people: Map<string, Person>;
  /** Existing people by exact name, for rows without a URL. */
  byName: Map<string, Person[]>;
}

/**
 * Rows by primary key: one get per key when they are few, one getAll of the whole table when they
 * are a large share of it (a re-import of 30,000 connections), which IndexedDB serves far faster.
 */
export async function rowsByKey<T, K extends string>(
  table: { bulkGet(keys: K[]): PromiseLike<(T | undefined)[]>; toArray(): PromiseLike<T[]> },
  keys: K[],
  tableSize: number,
): Promise<T[]> {
  if (keys.length === 0 || tableSize === 0) return [];
  if (keys.length * 4 < tableSize) return (await table.bulkGet(keys)).filter((row) => row !== undefined);
  return table.toArray();
}

/** Reads everything the plan needs in a few indexed bulk reads, not one query per row. */
export async function readLookups(
  tdb: TrustDb,
  rows: readonly ConnectionRow[],
  fingerprint: DbFingerprint,
): Promise<Lookups> {
  const keys = rows.flatMap((r) => (r.key === undefined ? [] : [r.key]));
  const nameless = rows.filter((r) => r.key === undefined);
  const [foundProfiles, nameMatches] = await Promise.all([
    rowsByKey(tdb.profiles, keys, fingerprint.profiles),
    nameless.length === 0 || fingerprint.people === 0
      ? Promise.resolve([] as PersonRow[])
      : tdb.people
          .where('nameSort')
          .anyOf([...new Set(nameless.map((r) => searchKey(r.name)))])
          .toArray(),
  ]);
  const profiles = new Map<ProfileKey, Profile>();
  for (const profile of foundProfiles) profiles.set(profile.key, profile);
  const personIds = [...new Set([...profiles.values()].map((p) => p.personId))];
  const people = new Map<string, Person>();
  for (const row of await rowsByKey(tdb.people, personIds, fingerprint.people))
    people.set(row.id, toPerson(row));
  const byName = new Map<string, Person[]>();
  for (const row of nameMatches) {
    const person = toPerson(row);
    people.set(person.id, person);
    byName.set(person.name, [...(byName.get(person.name) ?? []), person]);
  }
  return { profiles, people, byName };
}

const sameImportedValues = (person: Person, row: ConnectionRow) =>
  person.company === capped(row.company) &&
  person.position === capped(row.position) &&
  person.connectedOn === row.connectedOn;

/**
 * The existing people URL-less rows mean, each person claimed by at most one row. First, rows whose
 * imported values are exactly a namesake's (a re-import of the same old export: identical namesakes
 * are interchangeable, so any of them is the right one). Then, for the rest, the only unclaimed person
 * with exactly that name, or among several, the only one with the same connected-on date.
 */
function matchNameless(
  rows: readonly ConnectionRow[],
  lookups: Lookups,
  claimed: Set<string>,
): Map<ConnectionRow, Person> {
  const matches = new Map<ConnectionRow, Person>();
  const unclaimed = (row: ConnectionRow) =>
    (lookups.byName.get(row.name) ?? []).filter((p) => !claimed.has(p.id));
  const claim = (row: ConnectionRow, person: Person | undefined) => {
    if (person === undefined) return;
    claimed.add(person.id);
    matches.set(row, person);
  };
  for (const row of rows)
    claim(
      row,
      unclaimed(row).find((p) => sameImportedValues(p, row)),
    );
  for (const row of rows) {
    if (matches.has(row)) continue;
    const candidates = unclaimed(row);
    if (candidates.length === 1) claim(row, candidates[0]);
    else if (row.connectedOn !== undefined) {
      const sameDate = candidates.filter((p) => p.connectedOn === row.connectedOn);
      if (sameDate.length === 1) claim(row, sameDate[0]);
    }
  }
  return matches;
}

function newPerson(row: ConnectionRow, now: Millis): Person {
  const person: Person = {
    id: crypto.randomUUID(),
    name: capped(row.name)!,
    tags: [],
    userEdited: [],
    fromImport: true,
    createdAt: now,
    updatedAt: now,
  };
  for (const field of IMPORTED_FIELDS) {
    const value = capped(row[field]);
    if (value !== undefined) person[field] = value;
  }
  return person;
}

export function buildPlan(
  parsed: ParsedImport,
  lookups: Lookups,
  fingerprint: DbFingerprint,
  now: Millis,
): ImportPlan {
  const rows: PlannedRow[] = [];
  const newPeople: Person[] = [];
  const newProfiles: Profile[] = [];
  const repointedProfiles: Profile[] = [];
  const patches = new Map<string, PersonPatch>();
  const claimed = new Set<string>();
  const counts: ImportCounts = {
    new: 0,
    updated: 0,
    unchanged: 0,
    rejected: parsed.rejected.length,
    warnings: parsed.warnings.length,
  };

  // Rows with a profile URL claim their people first, so a URL-less row never takes someone that
  // the same file names by URL.
  const keyed = parsed.rows.filter((r) => r.key !== undefined);
  const nameless = parsed.rows.filter((r) => r.key === undefined);
  for (const row of keyed) {
    const profile = lookups.profiles.get(row.key!);
    const person = profile && lookups.people.get(profile.personId);
    if (person) claimed.add(person.id);
  }
  const namelessMatches = matchNameless(nameless, lookups, claimed);
  const seen = new Set<string>();

  for (const row of [...keyed, ...nameless]) {
    const profile = row.key === undefined ? undefined : lookups.profiles.get(row.key);
    const existing = profile !== undefined ? lookups.people.get(profile.personId) : namelessMatches.get(row);
    if (existing !== undefined) {
      // A second LinkedIn profile of someone already updated by an earlier row changes nothing more.
      const patch = seen.has(existing.id) ? {} : patchFor(existing, row);
      seen.add(existing.id);
      const changes = Object.keys(patch) as ImportedField[];
      const action: PlanAction = changes.length > 0 ? 'update' : 'unchanged';
      if (action === 'update') patches.set(existing.id, patch);
      counts[action === 'update' ? 'updated' : 'unchanged']++;
      rows.push({
        line: row.line,
        name: row.name,
        action,
        personId: existing.id,
        matchedBy: profile ? 'profile' : 'name',
        changes,
      });
      continue;
    }
    const person = newPerson(row, now);
    newPeople.push(person);
    if (row.key !== undefined && row.handle !== undefined) {
      const linked: Profile = {
        key: row.key,
        personId: person.id,
        site: 'linkedin',
        handle: row.handle,
        url: capped(row.url, URL_MAX)!,
      };
      // A stored profile whose person is gone is re-pointed at the new person.
      (profile === undefined ? newProfiles : repointedProfiles).push(
        profile ? { ...profile, personId: person.id } : linked,
      );
    }
    counts.new++;
    rows.push({ line: row.line, name: row.name, action: 'new', personId: person.id, changes: [] });
  }
  rows.sort((a, b) => a.line - b.line);
  return {
    counts,
    rows,
    rejected: parsed.rejected,
    warnings: parsed.warnings,
    writes: { newPeople, newProfiles, repointedProfiles, patches },
    fingerprint,
    parsed,
  };
}

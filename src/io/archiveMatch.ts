// Whom each row of the export is about. A row with a LinkedIn URL matches the person who has that profile
// (exactly); a row without one (recommendations, the old messages, endorsements of deleted members) matches by
// name, with credentials and punctuation folded away, and among namesakes by company. Anything less certain is
// ambiguous or unmatched and goes to the preview's review step: a row never lands silently on the wrong person.
import { nameKey } from '../core/archive.ts';
import { searchWords } from '../core/searchText.ts';
import type { Person, Profile, ProfileKey } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { toPerson } from '../db/personRow.ts';
import type { Who } from './archiveRows.ts';
import { type DbFingerprint, type ImportPlan, rowsByKey } from './importPlan.ts';

export type MatchKind = 'exact' | 'byName' | 'ambiguous' | 'unmatched';

export interface Match {
  kind: MatchKind;
  /** For exact and byName. */
  personId?: string;
  /** For ambiguous: every namesake, to choose from. */
  candidates: string[];
}

/** The people rows can match: the database's, and those the same import's Connections.csv is about to create. */
export interface Directory {
  people: Map<string, Person>;
  byKey: Map<ProfileKey, string>;
  byName: Map<string, string[]>;
}

const companyKey = (company: string | undefined) => (company ? nameKey(company) : '');

/** The longest word of a name: the most selective lookup in the people's name-word index. */
function lookupWord(name: string): string | undefined {
  const beforeComma = name.split(/[,،]/, 1)[0] ?? '';
  return [...searchWords(beforeComma)].sort((a, b) => b.length - a.length)[0];
}

/** Reads what matching `whos` needs, in a few indexed bulk reads, plus the connections plan's new people. */
export async function readDirectory(
  tdb: TrustDb,
  whos: readonly Who[],
  fingerprint: DbFingerprint,
  connections: ImportPlan | undefined,
): Promise<Directory> {
  const keys = [...new Set(whos.flatMap((who) => (who.key ? [who.key] : [])))];
  // An empty database (a first import) has no namesakes to look up: tens of thousands of names are not split.
  const words =
    fingerprint.people === 0 ? [] : [...new Set(whos.flatMap((who) => lookupWord(who.name) ?? []))];
  const [profiles, namesakes] = await Promise.all([
    rowsByKey<Profile, ProfileKey>(tdb.profiles, keys, fingerprint.profiles),
    words.length === 0
      ? Promise.resolve([])
      : tdb.people.where('nameWords').anyOf(words).distinct().toArray(),
  ]);
  const directory: Directory = { people: new Map(), byKey: new Map(), byName: new Map() };
  const addPerson = (person: Person) => {
    if (directory.people.has(person.id)) return;
    directory.people.set(person.id, person);
    const key = nameKey(person.name);
    directory.byName.set(key, [...(directory.byName.get(key) ?? []), person.id]);
  };
  for (const row of namesakes) addPerson(toPerson(row));
  const wanted = [...new Set(profiles.map((p) => p.personId))].filter((id) => !directory.people.has(id));
  for (const row of await rowsByKey(tdb.people, wanted, fingerprint.people)) addPerson(toPerson(row));
  for (const profile of profiles)
    if (directory.people.has(profile.personId)) directory.byKey.set(profile.key, profile.personId);
  // The same archive's Connections.csv: its new people can be matched too, and its rows name profiles.
  if (connections) {
    const { newPeople, newProfiles, repointedProfiles } = connections.writes;
    for (const person of newPeople) addPerson(person);
    for (const profile of [...newProfiles, ...repointedProfiles])
      directory.byKey.set(profile.key, profile.personId);
  }
  return directory;
}

/** Whom one row is about. */
export function matchWho(who: Who, directory: Directory): Match {
  if (who.key) {
    const personId = directory.byKey.get(who.key);
    if (personId) return { kind: 'exact', personId, candidates: [] };
  }
  const namesakes = who.name ? (directory.byName.get(nameKey(who.name)) ?? []) : [];
  if (namesakes.length === 1) return { kind: 'byName', personId: namesakes[0]!, candidates: [] };
  if (namesakes.length === 0) return { kind: 'unmatched', candidates: [] };
  const company = companyKey(who.company);
  const atCompany = company
    ? namesakes.filter((id) => companyKey(directory.people.get(id)?.company) === company)
    : [];
  if (atCompany.length === 1) return { kind: 'byName', personId: atCompany[0]!, candidates: [] };
  return { kind: 'ambiguous', candidates: namesakes };
}

// What the panel (and the popup on a profile tab) shows for one profile page: the person's record if the user
// has one, else just the page's snapshot, evaluated the same way. Visiting never creates anyone.
import { type Evaluation, evaluatePerson } from '../core/trust.ts';
import type { Flag, Person, ProfileKey, ProfileSnapshot, SharedWork } from '../core/types.ts';
import { db } from '../db/database.ts';
import { toPerson } from '../db/personRow.ts';
import { getPersonByProfileKey, getPersonRecord, type PersonRecord } from '../db/queries.ts';
import { useLiveQuery } from '../db/useLiveQuery.ts';

export interface ProfileView {
  /** Undefined while the first read is under way; null when no person has this profile. */
  record: PersonRecord | null | undefined;
  evaluation: Evaluation;
  openFlags: Flag[];
}

/** The record behind a profile key, kept current as any extension page or the worker writes. */
export async function recordForProfile(key: ProfileKey): Promise<PersonRecord | null> {
  const person = await getPersonByProfileKey(db(), key);
  return (person && (await getPersonRecord(db(), person.id))) ?? null;
}

/** A stand-in person for a profile nobody has recorded yet: evaluates to "connected, nothing shared". */
function unrecorded(snapshot: ProfileSnapshot): Person {
  return {
    id: '',
    name: snapshot.name ?? snapshot.handle,
    tags: [],
    userEdited: [],
    createdAt: 0,
    updatedAt: 0,
  };
}

export function evaluateView(
  record: PersonRecord | null | undefined,
  snapshot: ProfileSnapshot,
  now: Date,
): ProfileView {
  const works: SharedWork[] = record?.works ?? [];
  const person = record ? toPerson(record.person) : unrecorded(snapshot);
  return {
    record,
    evaluation: evaluatePerson({ person, works, now }),
    openFlags: (record?.flags ?? []).filter((flag) => flag.state === 'open'),
  };
}

/** The view of the profile a snapshot names; `record` stays undefined until this key's first read is in. */
export function useProfileView(snapshot: ProfileSnapshot): ProfileView {
  const key = snapshot.key;
  // Tagged with its key: after an in-app navigation the hook still holds the previous profile's answer
  // until the new query returns, and that must never show under the new person.
  const result = useLiveQuery(async () => ({ key, record: await recordForProfile(key) }), [key], undefined);
  return evaluateView(result?.key === key ? result.record : undefined, snapshot, new Date());
}

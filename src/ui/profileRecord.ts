// The record behind a profile page, read live: what the panel's badge needs (the stage stored with the person,
// kept current by every write and the worker's scan, and the open flags), and the full view's evaluation.
import type { Flag, ProfileKey, ProfileSnapshot } from '../core/types.ts';
import { db } from '../db/database.ts';
import { getPersonByProfileKey, getPersonRecord, type PersonRecord } from '../db/queries.ts';
import { useLiveQuery } from '../db/useLiveQuery.ts';
import { evaluateView, type ProfileView } from './profileView.ts';

/** The person's whole record for a profile key, or null when nobody has that profile. */
export async function recordForProfile(key: ProfileKey): Promise<PersonRecord | null> {
  const person = await getPersonByProfileKey(db(), key);
  return (person && (await getPersonRecord(db(), person.id))) ?? null;
}

/**
 * The record for `key`, kept current as any extension page or the worker writes. Undefined until this key's
 * first read is in: after an in-app navigation the hook still holds the previous profile's answer until the
 * new query returns, and that must never show under the new person.
 */
export function useProfileRecord(key: ProfileKey): PersonRecord | null | undefined {
  const result = useLiveQuery(async () => ({ key, record: await recordForProfile(key) }), [key], undefined);
  return result?.key === key ? result.record : undefined;
}

export function openFlagsOf(record: PersonRecord | null | undefined): Flag[] {
  return (record?.flags ?? []).filter((flag) => flag.state === 'open');
}

/** The full view of a profile page (the popup's, on a profile tab), kept current. */
export function useProfileView(snapshot: ProfileSnapshot): ProfileView {
  return evaluateView(useProfileRecord(snapshot.key), snapshot, new Date());
}

// The record behind a profile page, read live, and the full view's evaluation of it (the panel's and the popup's).
import type { ProfileKey, ProfileSnapshot } from '../../core/types.ts';
import { db } from '../../db/database.ts';
import { getPersonByProfileKey, getPersonRecord, type PersonRecord } from '../../db/queries.ts';
import { evaluateView, type ProfileView } from './profileView.ts';
import { useLiveQuery } from './useLiveQuery.ts';

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

/** The full view of a profile page (the popup's, on a profile tab), kept current. */
export function useProfileView(snapshot: ProfileSnapshot): ProfileView {
  return evaluateView(useProfileRecord(snapshot.key), snapshot, new Date());
}

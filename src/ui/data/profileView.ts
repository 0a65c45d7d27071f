// What the full view shows for one profile page: the person's record if the user has one, else just the page's
// snapshot, evaluated the same way. Visiting never creates anyone.
import { type Evaluation, evaluatePerson } from '../../core/trust.ts';
import type { Flag, Person, ProfileSnapshot, SharedWork } from '../../core/types.ts';
import { toPerson } from '../../db/personRow.ts';
import type { PersonRecord } from '../../db/queries.ts';

export interface ProfileView {
  /** Undefined while the first read is under way; null when no person has this profile. */
  record: PersonRecord | null | undefined;
  evaluation: Evaluation;
  openFlags: Flag[];
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
  const openFlags = (record?.flags ?? []).filter((flag) => flag.state === 'open');
  return { record, evaluation: evaluatePerson({ person, works, now }), openFlags };
}

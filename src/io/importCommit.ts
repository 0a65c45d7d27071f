// What every import's commit shares (archiveCommit.ts applies them in its one transaction): writing in chunks with
// progress, Connections.csv's updates applied to the people as they are now, and the work of the people written.
import type { Millis, Person, SharedWork } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { toPerson } from '../db/personRow.ts';
import type { ImportPlan } from './importPlan.ts';

export interface CommitProgress {
  written: number;
  total: number;
}

// Big enough that IndexedDB's per-request overhead is amortised, small enough for a smooth progress bar.
const WRITE_CHUNK = 2000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += WRITE_CHUNK) out.push(items.slice(i, i + WRITE_CHUNK));
  return out;
}

/** Writes in chunks of WRITE_CHUNK, counting what was written for the progress bar. */
export function chunkedWriter(total: number, onProgress?: (progress: CommitProgress) => void) {
  let written = 0;
  return async <T>(items: readonly T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (const chunk of chunks(items)) {
      await write(chunk);
      written += chunk.length;
      onProgress?.({ written, total });
    }
  };
}

/**
 * The plan's updates applied to the people as they are now (inside the caller's transaction): anything the user
 * typed since the preview is skipped. Returns the people that still change, with their new `updatedAt`.
 */
export async function patchedPeople(tdb: TrustDb, plan: ImportPlan, now: Millis): Promise<Person[]> {
  const { patches } = plan.writes;
  const stored = await tdb.people.bulkGet([...patches.keys()]);
  const updated: Person[] = [];
  for (const row of stored) {
    if (!row) continue;
    const person: Person = toPerson(row);
    const patch = patches.get(person.id) ?? {};
    const fields = (Object.keys(patch) as (keyof typeof patch)[]).filter(
      (field) => field === 'email' || !person.userEdited.includes(field),
    );
    if (fields.length === 0) continue;
    for (const field of fields) person[field] = patch[field];
    person.updatedAt = now;
    updated.push(person);
  }
  return updated;
}

/** Every shared work of these people, by person. */
export async function worksByPerson(
  tdb: TrustDb,
  ids: readonly string[],
): Promise<Map<string, SharedWork[]>> {
  const works =
    ids.length === 0
      ? []
      : await tdb.sharedWork
          .where('personId')
          .anyOf([...ids])
          .toArray();
  const byPerson = new Map<string, SharedWork[]>();
  for (const work of works) byPerson.set(work.personId, [...(byPerson.get(work.personId) ?? []), work]);
  return byPerson;
}

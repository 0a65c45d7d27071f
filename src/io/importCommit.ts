import type { Millis, Person, SharedWork } from '../core/types';
import type { TrustDb } from '../db/database';
import { derivePersonRow, type PersonRow, toPerson } from '../db/personRow';
import type { ImportError } from './importErrors';
import { buildPlan, dbFingerprint, type ImportPlan, readLookups, sameFingerprint } from './importPlan';
import { fail, ok, type Result } from './result';

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** True when the database changed after the preview and the plan was made again before writing. */
  replanned: boolean;
}

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

/**
 * Applies an import plan all-or-nothing: one read-write transaction over people, profiles,
 * shared work (read only, for the derived stage) and meta. Any error (a constraint, a hook, a closed
 * tab) aborts the transaction and leaves the database exactly as it was.
 */
export async function commitImport(
  tdb: TrustDb,
  plan: ImportPlan,
  onProgress?: (progress: CommitProgress) => void,
): Promise<Result<ImportResult, ImportError>> {
  const now: Millis = Date.now();
  const nowDate = new Date(now);
  try {
    const result = await tdb.transaction(
      'rw',
      [tdb.people, tdb.profiles, tdb.sharedWork, tdb.meta],
      async () => {
        let current = plan;
        const fingerprint = await dbFingerprint(tdb);
        const replanned = !sameFingerprint(fingerprint, plan.fingerprint);
        if (replanned) {
          current = buildPlan(
            plan.parsed,
            await readLookups(tdb, plan.parsed.rows, fingerprint),
            fingerprint,
            now,
          );
        }
        const { newPeople, newProfiles, repointedProfiles, patches } = current.writes;

        // Updates are applied to the people as they are now, and skip anything the user has typed since.
        const ids = [...patches.keys()];
        const [stored, works] = await Promise.all([
          tdb.people.bulkGet(ids),
          ids.length === 0
            ? Promise.resolve([] as SharedWork[])
            : tdb.sharedWork.where('personId').anyOf(ids).toArray(),
        ]);
        const worksOf = new Map<string, SharedWork[]>();
        for (const work of works) worksOf.set(work.personId, [...(worksOf.get(work.personId) ?? []), work]);
        const updatedRows: PersonRow[] = [];
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
          updatedRows.push(derivePersonRow(person, worksOf.get(person.id) ?? [], nowDate));
        }
        const newRows = newPeople.map((person) => derivePersonRow(person, [], nowDate));

        const total = newRows.length + newProfiles.length + repointedProfiles.length + updatedRows.length;
        let written = 0;
        const writeAll = async <T>(items: T[], write: (chunk: T[]) => Promise<unknown>) => {
          for (const chunk of chunks(items)) {
            await write(chunk);
            written += chunk.length;
            onProgress?.({ written, total });
          }
        };
        await writeAll(newRows, (chunk) => tdb.people.bulkAdd(chunk));
        await writeAll(newProfiles, (chunk) => tdb.profiles.bulkAdd(chunk));
        await writeAll(repointedProfiles, (chunk) => tdb.profiles.bulkPut(chunk));
        await writeAll(updatedRows, (chunk) => tdb.people.bulkPut(chunk));
        await tdb.meta.put({ key: 'lastImportAt', value: now });
        return {
          created: newRows.length,
          updated: updatedRows.length,
          unchanged: current.counts.unchanged + (current.counts.updated - updatedRows.length),
          rejected: current.counts.rejected,
          replanned,
        };
      },
    );
    return ok(result);
  } catch (e) {
    return fail({ code: 'commitFailed', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

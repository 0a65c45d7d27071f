// Applies an archive import all or nothing, in one read-write transaction: Connections.csv's new and updated
// people, and everything the other files add (recommendation records, archive facts, people created in the review,
// kept message texts). Each person row is derived once, with their facts and their work, so a first import of
// 30,000 connections writes each of them once. If the database changed since the preview, the plan is made again
// inside the transaction, and the review's answers apply to it by row. The same transaction then fills the weekly
// queue from the rows it just wrote (db/queue.ts, the worker's rules and code), so the page can show the first queue
// on the toolbar badge as soon as the commit lands, without waking the worker (ImportSection.tsx). The commit spends
// its plan (archivePlan.ts spendPlan): once it has the writes, the preview's rows are let go before the writes run.
import type { Millis, Person, SharedWork } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { setMeta } from '../db/meta.ts';
import { derivePersonRow, type PersonRow, toPerson } from '../db/personRow.ts';
import { type QueueBadge, queueBadge, queueBadgeTables } from '../db/queue.ts';
import {
  type ArchivePlan,
  archiveWrites,
  buildArchivePlan,
  type Resolutions,
  spendPlan,
} from './archivePlan.ts';
import { type CommitProgress, chunkedWriter, patchedPeople, worksByPerson } from './importCommit.ts';
import type { ImportError } from './importErrors.ts';
import { dbFingerprint, sameFingerprint } from './importPlan.ts';
import { fail, ok, type Result } from './result.ts';

export interface ArchiveImportResult {
  /** People created: from Connections.csv, and for rows the user said to create. */
  created: number;
  /** Existing people changed: Connections.csv's updates, new facts or new recommendations. */
  updated: number;
  /** Connections.csv's rows that changed nobody. */
  unchanged: number;
  /** Rows set aside in every file, with their reasons in the preview. */
  rejected: number;
  recommendations: number;
  messages: number;
  replanned: boolean;
  /** The toolbar badge after the commit, whose transaction moved the queue on: for ui/data/toolbarBadge.ts. */
  badge: QueueBadge;
}

/** A copy of `rows` in IndexedDB's order of their string keys (code unit order, as `<` compares strings). */
function byKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

export async function commitArchive(
  tdb: TrustDb,
  plan: ArchivePlan,
  resolutions: Resolutions,
  onProgress?: (progress: CommitProgress) => void,
  /**
   * Called inside the transaction as soon as the first queue is counted, its last step: the page can show it on the
   * toolbar badge while the commit lands. If the commit fails after all, the page must set the badge back
   * (options/data/commitShowingQueue.ts).
   */
  onQueue?: (badge: QueueBadge) => void,
): Promise<Result<ArchiveImportResult, ImportError>> {
  // A plan is spent by its commit (spendPlan): what it planned is written or was refused, and its rows are gone.
  if (plan.spent) return fail({ code: 'commitFailed', detail: 'this preview was already imported' });
  const now: Millis = Date.now();
  const nowDate = new Date(now);
  const tables = [...new Set([tdb.profiles, tdb.messages, ...queueBadgeTables(tdb)])];
  try {
    const result = await tdb.transaction('rw', tables, async () => {
      const fingerprint = await dbFingerprint(tdb);
      const replanned = !sameFingerprint(fingerprint, plan.fingerprint);
      const current = replanned ? await buildArchivePlan(tdb, plan.parsed, fingerprint, now) : plan;
      const writes = archiveWrites(current, resolutions);
      const owner = current.parsed.owner;
      const rejected = current.parsed.files.reduce((sum, file) => sum + file.rejected.length, 0);
      spendPlan(plan);
      if (current !== plan) spendPlan(current);

      const connectionsNew = current.connections?.writes.newPeople ?? [];
      const patched = current.connections ? await patchedPeople(tdb, current.connections, now) : [];
      const newPeople = [...connectionsNew, ...writes.newPeople];
      const isNew = new Set(newPeople.map((person) => person.id));

      // Existing people touched by anything: patched by Connections.csv, new facts, new recommendations.
      const touched = new Map<string, Person>(patched.map((person) => [person.id, person]));
      const others = [...new Set([...writes.facts.keys(), ...writes.works.map((w) => w.personId)])].filter(
        (id) => !isNew.has(id) && !touched.has(id),
      );
      for (const row of await tdb.people.bulkGet(others)) if (row) touched.set(row.id, toPerson(row));
      const storedWorks = await worksByPerson(tdb, [...touched.keys()]);
      const newWorks = new Map<string, SharedWork[]>();
      for (const work of writes.works)
        newWorks.set(work.personId, [...(newWorks.get(work.personId) ?? []), work]);

      const finalPerson = (person: Person): Person => {
        const facts = writes.facts.get(person.id);
        return facts ? { ...person, archive: facts, updatedAt: now } : person;
      };
      const newRows: PersonRow[] = newPeople.map((person) =>
        derivePersonRow(finalPerson(person), newWorks.get(person.id) ?? [], nowDate),
      );
      const updatedRows: PersonRow[] = [...touched.values()].map((person) => {
        const works = [...(storedWorks.get(person.id) ?? []), ...(newWorks.get(person.id) ?? [])];
        return derivePersonRow({ ...finalPerson(person), updatedAt: now }, works, nowDate);
      });
      // A recommendation for someone deleted since the preview has nobody to belong to.
      const works = writes.works.filter((work) => isNew.has(work.personId) || touched.has(work.personId));
      // Kept texts may be for people nothing else changes (a second import that keeps them): are they still here?
      const textOwners = [...new Set(writes.messages.map((m) => m.personId))].filter(
        (id) => !isNew.has(id) && !touched.has(id),
      );
      const stillHere = new Set(
        (await tdb.people.bulkGet(textOwners)).flatMap((row) => (row ? [row.id] : [])),
      );
      const messages = writes.messages.filter(
        (m) => isNew.has(m.personId) || touched.has(m.personId) || stillHere.has(m.personId),
      );
      const newProfiles = [...(current.connections?.writes.newProfiles ?? []), ...writes.newProfiles];
      const repointed = current.connections?.writes.repointedProfiles ?? [];

      const total =
        newRows.length +
        updatedRows.length +
        newProfiles.length +
        repointed.length +
        works.length +
        messages.length;
      const writeAll = chunkedWriter(total, onProgress);
      // New rows in their primary key's order: IndexedDB's B-tree takes appends at its end faster than inserts at
      // random places, and ids are random (bench, half size, 4 runs each: commit 0.89× the raw put, was 0.94×).
      await writeAll(
        byKey(newRows, (row) => row.id),
        (chunk) => tdb.people.bulkAdd(chunk),
      );
      await writeAll(
        byKey(newProfiles, (profile) => profile.key),
        (chunk) => tdb.profiles.bulkAdd(chunk),
      );
      await writeAll(repointed, (chunk) => tdb.profiles.bulkPut(chunk));
      await writeAll(updatedRows, (chunk) => tdb.people.bulkPut(chunk));
      await writeAll(works, (chunk) => tdb.sharedWork.bulkAdd(chunk));
      await writeAll(messages, (chunk) => tdb.messages.bulkAdd(chunk));
      await setMeta(tdb, 'lastImportAt', now);
      if (owner?.name)
        await setMeta(
          tdb,
          'archiveOwner',
          owner.key ? { name: owner.name, key: owner.key } : { name: owner.name },
        );
      // The first queue: the top of people.queueRank, which the rows above just filled, walked in this
      // transaction; a failure here undoes the import like any other write.
      const badge = await queueBadge(tdb, { now });
      onQueue?.(badge);
      return {
        created: newRows.length,
        updated: updatedRows.length,
        unchanged: current.connections?.counts.unchanged ?? 0,
        rejected,
        recommendations: works.length,
        messages: messages.length,
        replanned,
        badge,
      };
    });
    return ok(result);
  } catch (e) {
    return fail({ code: 'commitFailed', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
}

// What each schema upgrade does to the rows, as plain functions over arrays: Dexie's upgrade() runs them on the
// database in place (migrations.ts), and a backup made by an older version is restored through the very same
// functions (io/backup.ts), so an old backup ends up exactly as an old database would.
import { firstStep, queueReasons } from '../core/queue.ts';
import type { Flag, Millis, QueueEntry, SharedWork } from '../core/types.ts';
import { derivePersonRow, type PersonRow, toPerson } from './personRow.ts';

export interface V1Rows {
  people: PersonRow[];
  sharedWork: SharedWork[];
  /** Flags of v1 may be `dormant`, a kind v2 no longer has. */
  flags: (Omit<Flag, 'kind'> & { kind: Flag['kind'] | 'dormant' })[];
}

export interface V2Changes {
  /** Every person, with the derived fields of v2 (untestedSince, queueRank) and the rest re-derived. */
  people: PersonRow[];
  /** The dormant flags, gone. */
  removedFlagIds: string[];
  /** The user's snoozes and dismissals of dormant flags, kept as queue decisions. */
  queue: QueueEntry[];
}

/**
 * v1 → v2. Open and closed dormant flags simply go: the queue picks from dormant people without them. A dismissed
 * one becomes a dismissed queue entry (the user said "not this one"), a snoozed one a snoozed entry with the same
 * end, so no decision of the user's is lost.
 */
export function upgradeToV2(rows: V1Rows, now: Millis): V2Changes {
  const worksOf = new Map<string, SharedWork[]>();
  for (const work of rows.sharedWork) {
    const list = worksOf.get(work.personId);
    if (list) list.push(work);
    else worksOf.set(work.personId, [work]);
  }
  const date = new Date(now);
  const people = rows.people.map((row) => derivePersonRow(toPerson(row), worksOf.get(row.id) ?? [], date));
  const byId = new Map(people.map((row) => [row.id, row]));
  const removedFlagIds: string[] = [];
  const queue: QueueEntry[] = [];
  for (const flag of rows.flags) {
    if (flag.kind !== 'dormant') continue;
    removedFlagIds.push(flag.id);
    const person = byId.get(flag.personId);
    if (!person || (flag.state !== 'dismissed' && flag.state !== 'snoozed')) continue;
    const reasons = queueReasons(person, worksOf.get(person.id) ?? [], date);
    const entry: QueueEntry = {
      id: person.id,
      personId: person.id,
      state: flag.state,
      queuedAt: flag.raisedAt,
      decidedAt: flag.updatedAt,
      reasons,
      step: firstStep(reasons),
    };
    if (flag.state === 'snoozed' && flag.snoozedUntil !== undefined) entry.snoozedUntil = flag.snoozedUntil;
    queue.push(entry);
  }
  return { people, removedFlagIds, queue };
}

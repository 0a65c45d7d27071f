// Which tables travel between devices, and which stay on each one. Every table of the schema is in exactly one
// of the two lists (a unit test asks), so a table added later needs a decision here before the tests pass.
import type { Flag, QueueEntry } from '../core/types.ts';
import { toPerson } from './personRow.ts';

export interface SyncedTable {
  /**
   * Whether a row of this table travels. Tables where only some rows carry the user's decisions (flags: the
   * worker raises them from the evidence on every device, the user snoozes or dismisses them) leave the rest
   * local; absent, every row travels.
   */
  travels?: (row: Record<string, unknown>) => boolean;
  /** The row as it travels: fields derived from other rows are left out and recomputed where it lands. */
  toSynced?: (row: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Fields that change without the user editing anything (a page visit, a timestamp). Two devices that differ only
   * in these did not edit the record on two devices: PouchDB's winner stands and nobody is asked.
   */
  incidental?: readonly string[];
}

/** The user's ledger: the same on every device. */
export const SYNCED_TABLES: Record<string, SyncedTable> = {
  // Stage, search words and sort keys are derived from the person and their shared work (personRow.ts).
  people: {
    toSynced: (row) => toPerson(row as never) as unknown as Record<string, unknown>,
    // lastVisitedOn: a page visit, not an edit.
    incidental: ['updatedAt', 'photoUrl', 'lastVisitedOn'],
  },
  profiles: { incidental: ['url', 'seenName', 'seenHeadline', 'lastSeenAt'] },
  sharedWork: { incidental: ['updatedAt'] },
  notes: { incidental: ['updatedAt'] },
  // Only the user's decisions: an open or closed flag is what each device's scan finds in the same evidence.
  flags: {
    incidental: ['updatedAt', 'raisedAt'],
    travels: (row) => {
      const state = (row as unknown as Flag).state;
      return state === 'snoozed' || state === 'dismissed';
    },
  },
  // The weekly queue: like flags, only the user's decisions (snoozed, dismissed, started) travel, so another device
  // does not suggest a dismissed person again; who is queued this week each device's worker picks from the same
  // evidence. The reasons, the step and the times are the ranking's and the moment's, not the decision.
  queue: {
    incidental: ['queuedAt', 'decidedAt', 'startedAt', 'reasons', 'step'],
    travels: (row) => (row as unknown as QueueEntry).state !== 'queued',
  },
};

/**
 * Each device's own:
 * - meta: settings (the sites follow each browser's permissions, the language each device's user), the scan's
 *   checkpoint and times, the stored counts (kept by aggregates.ts from the rows), the backup and import times;
 * - messages: the texts of LinkedIn messages an import kept when asked. The most sensitive data the extension holds,
 *   and the export they came from can be imported again on another device; what the archive made of them (counts,
 *   dates, who wrote first) is on the person, which travels;
 * - syncOutbox: this device's changes not yet handed to sync.
 * Sync's own state (server, keys, status, conflicts) lives in a database of its own (sync/store.ts).
 */
export const DEVICE_TABLES: readonly string[] = ['meta', 'messages', 'syncOutbox'];

export function isSyncedTable(table: string): boolean {
  return Object.hasOwn(SYNCED_TABLES, table);
}

export function travels(table: string, row: Record<string, unknown>): boolean {
  const spec = SYNCED_TABLES[table];
  return spec !== undefined && (spec.travels?.(row) ?? true);
}

export function toSynced(table: string, row: Record<string, unknown>): Record<string, unknown> {
  return SYNCED_TABLES[table]?.toSynced?.(row) ?? row;
}

/** The fields of a record the user can tell apart: everything but the incidental ones. */
export function meaningfulFields(
  table: string,
  row: Record<string, unknown> | null,
): Record<string, unknown> | null {
  if (row === null) return null;
  const incidental = SYNCED_TABLES[table]?.incidental ?? [];
  return Object.fromEntries(Object.entries(row).filter(([field]) => !incidental.includes(field)));
}

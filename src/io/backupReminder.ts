import type { Millis } from '../core/types.ts';

export const BACKUP_REMINDER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupReminderInput {
  /** When the user last exported a backup (safety backups taken by a restore do not count). */
  lastBackupAt?: Millis;
  /** People in the database: an empty ledger has nothing to lose. */
  peopleCount: number;
  now: Millis;
}

/** Whether to show the gentle "export a backup" reminder: never backed up, or over 30 days ago. */
export function shouldRemindBackup({ lastBackupAt, peopleCount, now }: BackupReminderInput): boolean {
  if (peopleCount === 0) return false;
  if (lastBackupAt === undefined) return true;
  return now - lastBackupAt > BACKUP_REMINDER_DAYS * DAY_MS;
}

import { expect, test } from 'vitest';
import { shouldRemindBackup } from '../../../src/io/backupReminder.ts';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 0, 31);

test.each([
  ['never backed up, with people', undefined, 10, true],
  ['never backed up, empty ledger', undefined, 0, false],
  ['backed up today', now, 10, false],
  ['backed up exactly 30 days ago', now - 30 * DAY, 10, false],
  ['backed up 30 days and a minute ago', now - 30 * DAY - 60_000, 10, true],
  ['backed up a year ago', now - 365 * DAY, 1, true],
  ['backed up long ago but now empty', now - 365 * DAY, 0, false],
])('%s → %s', (_, lastBackupAt, peopleCount, expected) => {
  expect(shouldRemindBackup({ lastBackupAt, peopleCount, now })).toBe(expected);
});

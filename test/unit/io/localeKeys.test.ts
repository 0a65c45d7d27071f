import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import type { ArchiveRejectCode } from '../../../src/io/archiveRows';
import type { BackupErrorCode } from '../../../src/io/backup';
import type { ImportErrorCode } from '../../../src/io/importErrors';
import type { RejectCode, RowWarning } from '../../../src/io/linkedinCsv';

// `satisfies Record<Code, true>` makes tsc fail when a code is added without being listed here.
const importErrors = {
  empty: true,
  notCsv: true,
  unsupportedEncoding: true,
  headerMissing: true,
  noConnections: true,
  tooLarge: true,
  readFailed: true,
  notZip: true,
  zipCorrupt: true,
  zipEntryTooLarge: true,
  zipTooCompressed: true,
  zipTooManyEntries: true,
  archiveUnknownFile: true,
  archiveNothing: true,
  commitFailed: true,
} satisfies Record<ImportErrorCode, true>;
const archiveRejects = { noName: true, noText: true, noDate: true } satisfies Record<ArchiveRejectCode, true>;
const rejects = {
  emptyRow: true,
  columnCount: true,
  noNameNoUrl: true,
  badUrl: true,
  duplicateUrl: true,
} satisfies Record<RejectCode, true>;
const warnings = { datePartial: true, dateUnreadable: true } satisfies Record<RowWarning['code'], true>;
const backupErrors = {
  readFailed: true,
  tooLarge: true,
  empty: true,
  notJson: true,
  truncated: true,
  foreign: true,
  formatNewer: true,
  versionNewer: true,
  versionOlder: true,
  tables: true,
  countMismatch: true,
  structure: true,
  values: true,
  restoreFailed: true,
} satisfies Record<BackupErrorCode, true>;

const keys = [
  ...Object.keys(importErrors).map((c) => `import_error_${c}`),
  ...Object.keys(rejects).map((c) => `import_reject_${c}`),
  ...Object.keys(warnings).map((c) => `import_warning_${c}`),
  ...Object.keys(archiveRejects).map((c) => `archive_reject_${c}`),
  ...Object.keys(backupErrors).map((c) => `backup_error_${c}`),
];

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (lang: string): Messages =>
  JSON.parse(readFileSync(resolve('public/_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const ar = load('ar');

test.each(keys)('%s has English and Arabic text with the same placeholders', (key) => {
  expect(en[key]?.message).toBeTruthy();
  expect(ar[key]?.message).toMatch(/[\u0600-\u06ff]/);
  expect(ar[key]?.message).not.toBe(en[key]?.message);
  const placeholders = (m: Messages[string] | undefined) => Object.keys(m?.placeholders ?? {}).sort();
  expect(placeholders(ar[key])).toEqual(placeholders(en[key]));
  for (const name of placeholders(en[key])) {
    expect(en[key]!.message).toContain(`$${name.toUpperCase()}$`);
    expect(ar[key]!.message).toContain(`$${name.toUpperCase()}$`);
  }
});

// Backups: export the whole database to a file, restore one (validated first, refused with a clear reason
// and no change when it is damaged or foreign, and only after a safety backup of what is there now), and
// the plain warning that the data lives only in this browser, with whether the browser keeps it and how much
// space it takes.
import { useId, useState } from 'preact/hooks';
import { db } from '../../db/database.ts';
import { getMeta } from '../../db/meta.ts';
import { countsByStage } from '../../db/queries.ts';
import type { BackupErrorCode } from '../../io/backup.ts';
import {
  type BackupError,
  backupFileName,
  exportBackup,
  restoreBackup,
  type ValidBackup,
  validateBackup,
} from '../../io/backup.ts';
import { shouldRemindBackup } from '../../io/backupReminder.ts';
import { syncStore } from '../../sync/store.ts';
import { useLiveQuery } from '../../ui/data/useLiveQuery.ts';
import { useWriteCount } from '../../ui/data/useWriteCount.ts';
import { scanNow } from '../../ui/data/workerNotify.ts';
import { type MessageKey, t } from '../../ui/i18n/i18n.ts';
import { formatCount, formatDayOfMillis } from '../../ui/i18n/locale.ts';
import { Dialog } from '../widgets/Dialog.tsx';
import { ProgressBar } from '../widgets/ProgressBar.tsx';
import { datedFileName, saveBlob } from './download.ts';
import { StorageStatusView } from './storageStatus.tsx';

const ERROR_KEYS = {
  countMismatch: 'backup_error_countMismatch',
  empty: 'backup_error_empty',
  foreign: 'backup_error_foreign',
  formatNewer: 'backup_error_formatNewer',
  notJson: 'backup_error_notJson',
  readFailed: 'backup_error_readFailed',
  restoreFailed: 'backup_error_restoreFailed',
  structure: 'backup_error_structure',
  values: 'backup_error_values',
  tables: 'backup_error_tables',
  tooLarge: 'backup_error_tooLarge',
  truncated: 'backup_error_truncated',
  versionNewer: 'backup_error_versionNewer',
  versionOlder: 'backup_error_versionOlder',
} as const satisfies Record<BackupErrorCode, MessageKey>;

type RestoreStep =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'confirm'; backup: ValidBackup; fileName: string; sync?: SyncedRestore }
  | { step: 'restoring'; done: number; total: number }
  | { step: 'restored'; backup: ValidBackup; safety: Blob }
  | { step: 'refused'; error: BackupError };

/** On a device that syncs, what the restore changes for every device: said before, never found out after. */
interface SyncedRestore {
  /** People in the backup not on this device now (deleted since, here or on another device): they come back. */
  back: number;
  /** People here now that the backup lacks (added since): they go. */
  gone: number;
}

async function syncedRestore(backup: ValidBackup): Promise<SyncedRestore | undefined> {
  if (!(await syncStore().config())) return undefined;
  const rows = backup.dexie.data.data.find((table) => table.tableName === 'people')?.rows ?? [];
  const inBackup = new Set(rows.map((row) => (row as { id: string }).id));
  const here = new Set((await db().people.toCollection().primaryKeys()) as string[]);
  return {
    back: [...inBackup].filter((id) => !here.has(id)).length,
    gone: [...here].filter((id) => !inBackup.has(id)).length,
  };
}

export function BackupSection() {
  const status = useLiveQuery(
    async () => ({
      lastBackupAt: await getMeta(db(), 'lastBackupAt'),
      peopleCount: Object.values(await countsByStage(db())).reduce((a, b) => a + b, 0),
    }),
    [],
  );
  // The space used is read again after writes: an import, a restore, a scan.
  const writes = useWriteCount();
  const [exporting, setExporting] = useState(false);
  const [restore, setRestore] = useState<RestoreStep>({ step: 'idle' });
  const inputId = useId();
  const warningId = useId();

  const exportNow = async () => {
    setExporting(true);
    try {
      const now = Date.now();
      saveBlob(await exportBackup(db(), now), backupFileName(now));
    } finally {
      setExporting(false);
    }
  };

  const check = async (file: File) => {
    setRestore({ step: 'checking' });
    const valid = await validateBackup(db(), file);
    setRestore(
      valid.ok
        ? {
            step: 'confirm',
            backup: valid.value,
            fileName: file.name,
            sync: await syncedRestore(valid.value),
          }
        : { step: 'refused', error: valid.error },
    );
  };

  const restoreNow = async (backup: ValidBackup) => {
    setRestore({ step: 'restoring', done: 0, total: 1 });
    const result = await restoreBackup(db(), backup, (p) =>
      setRestore({ step: 'restoring', done: p.completedRows, total: p.totalRows }),
    );
    if (!result.ok) {
      setRestore({ step: 'refused', error: result.error });
      return;
    }
    // What was there before the restore is saved at once, so a wrong file loses nothing.
    saveBlob(result.value.safetyBackup, datedFileName('trust-notes-before-restore', 'json'));
    setRestore({ step: 'restored', backup, safety: result.value.safetyBackup });
    await scanNow();
  };

  const remind = status !== undefined && shouldRemindBackup({ ...status, now: Date.now() });
  return (
    <section class="card data-backup" aria-labelledby="backup-heading">
      <h3 id="backup-heading">{t('options_backup_heading')}</h3>
      <p id={warningId} class="warning-box">
        {t('options_backup_warning')}
      </p>
      <StorageStatusView changes={writes} />
      {remind && (
        <p class="reminder-box" role="note">
          {status?.lastBackupAt === undefined
            ? t('options_backup_reminder_never')
            : t('options_backup_reminder_old', formatDayOfMillis(status.lastBackupAt))}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={exportNow} disabled={exporting} aria-describedby={warningId}>
          {t('options_backup_export')}
        </button>
        {status?.lastBackupAt !== undefined && (
          <span class="muted">{t('options_backup_last', formatDayOfMillis(status.lastBackupAt))}</span>
        )}
      </div>

      <h4>{t('options_restore_heading')}</h4>
      <p class="muted">{t('options_restore_intro')}</p>
      <label for={inputId} class="file-label">
        {t('options_restore_choose')}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        disabled={restore.step === 'checking' || restore.step === 'restoring'}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void check(file);
        }}
      />
      <div aria-live="polite">
        {restore.step === 'checking' && <p role="status">{t('options_restore_checking')}</p>}
        {restore.step === 'restoring' && (
          <ProgressBar label={t('options_restore_progress')} value={restore.done} max={restore.total} />
        )}
        {restore.step === 'refused' && (
          <p class="error-box" role="alert">
            {t(ERROR_KEYS[restore.error.code], restore.error.where ?? '')}{' '}
            {t('options_restore_nothing_changed')}
          </p>
        )}
        {restore.step === 'restored' && (
          <div class="ok-box" role="status">
            <p>{t('options_restore_done', formatCount(restore.backup.counts.people ?? 0))}</p>
            <button
              type="button"
              class="secondary"
              onClick={() => saveBlob(restore.safety, datedFileName('trust-notes-before-restore', 'json'))}
            >
              {t('options_restore_safety_again')}
            </button>
          </div>
        )}
      </div>
      <Dialog
        open={restore.step === 'confirm'}
        title={t('options_restore_confirm_title')}
        onClose={() => setRestore({ step: 'idle' })}
      >
        {restore.step === 'confirm' && (
          <>
            <p>
              {t(
                'options_restore_confirm_body',
                restore.fileName,
                formatDayOfMillis(restore.backup.exportedAt),
                formatCount(restore.backup.counts.people ?? 0),
                formatCount(restore.backup.counts.sharedWork ?? 0),
              )}
            </p>
            {restore.sync && (
              <p class="warning-box sync-restore">
                {t(
                  'options_restore_confirm_sync',
                  formatCount(restore.sync.back),
                  formatCount(restore.sync.gone),
                )}
              </p>
            )}
            <p>{t('options_restore_confirm_safety')}</p>
            <div class="actions">
              <button type="button" class="danger" onClick={() => restoreNow(restore.backup)}>
                {t('options_restore_confirm')}
              </button>
              <button type="button" class="secondary" onClick={() => setRestore({ step: 'idle' })}>
                {t('options_cancel')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}

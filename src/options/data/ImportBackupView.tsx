// Import & backup: LinkedIn import, backups and restore, and CSV exports for spreadsheets.
import { useState } from 'preact/hooks';
import { db } from '../../db/database.ts';
import { exportPeopleCsv, exportSharedWorkCsv } from '../../io/csvExport.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { BackupSection } from './BackupSection.tsx';
import { datedFileName, saveBlob } from './download.ts';
import { ImportSection } from './ImportSection.tsx';

export function ImportBackupView() {
  return (
    <section class="data" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('options_data_heading')}</h2>
      <ImportSection />
      <BackupSection />
      <CsvSection />
    </section>
  );
}

function CsvSection() {
  const [busy, setBusy] = useState(false);
  const save = async (make: () => Promise<Blob>, prefix: string) => {
    setBusy(true);
    try {
      saveBlob(await make(), datedFileName(prefix, 'csv'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="csv-heading">
      <h3 id="csv-heading">{t('options_csv_heading')}</h3>
      <p class="muted">{t('options_csv_intro')}</p>
      <div class="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => save(() => exportPeopleCsv(db()), 'trust-notes-people')}
        >
          {t('options_csv_people')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => save(() => exportSharedWorkCsv(db()), 'trust-notes-shared-work')}
        >
          {t('options_csv_work')}
        </button>
      </div>
    </section>
  );
}

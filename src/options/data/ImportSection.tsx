// LinkedIn import: pick the export zip (Basic or Complete) or any one file of it, see what would happen (per
// file: rows read, how they matched, what will change; rows that matched nobody or several people wait for the
// review), then import all or nothing, with progress for 30,000 connections and hundreds of megabytes of messages.
import { useId, useState } from 'preact/hooks';
import { db } from '../../db/database.ts';
import { getMeta } from '../../db/meta.ts';
import type { ArchiveImportResult } from '../../io/archiveCommit.ts';
import type { ArchiveFileKind } from '../../io/archiveFiles.ts';
import { type ArchiveProgress, parseArchiveFile } from '../../io/archiveParse.ts';
import {
  type ArchivePlan,
  connectionsPlannedEarly,
  planArchive,
  type Resolutions,
} from '../../io/archivePlan.ts';
import type { ImportError, ImportErrorCode } from '../../io/importErrors.ts';
import { prepareBadge, showBadge } from '../../ui/data/toolbarBadge.ts';
import { scanNow } from '../../ui/data/workerNotify.ts';
import { type MessageKey, t } from '../../ui/i18n/i18n.ts';
import { formatCount } from '../../ui/i18n/locale.ts';
import { ProgressBar } from '../widgets/ProgressBar.tsx';
import { ARCHIVE_FILE_KEYS, ArchivePreview } from './ArchivePreview.tsx';
import { commitShowingQueue } from './commitShowingQueue.ts';
import { startMessagesWorker } from './messagesWorker.ts';

const ERROR_KEYS = {
  archiveNothing: 'import_error_archiveNothing',
  archiveUnknownFile: 'import_error_archiveUnknownFile',
  commitFailed: 'import_error_commitFailed',
  empty: 'import_error_empty',
  headerMissing: 'import_error_headerMissing',
  noConnections: 'import_error_noConnections',
  notCsv: 'import_error_notCsv',
  notZip: 'import_error_notZip',
  readFailed: 'import_error_readFailed',
  tooLarge: 'import_error_tooLarge',
  unsupportedEncoding: 'import_error_unsupportedEncoding',
  zipCorrupt: 'import_error_zipCorrupt',
  zipEntryTooLarge: 'import_error_zipEntryTooLarge',
  zipTooCompressed: 'import_error_zipTooCompressed',
  zipTooManyEntries: 'import_error_zipTooManyEntries',
} as const satisfies Record<ImportErrorCode, MessageKey>;

type Step =
  | { step: 'idle' }
  | { step: 'reading'; done: number; total: number; kind?: ArchiveFileKind }
  | { step: 'matching' }
  | { step: 'preview'; plan: ArchivePlan; fileName: string }
  | { step: 'writing'; done: number; total: number }
  | { step: 'done'; result: ArchiveImportResult }
  | { step: 'failed'; error: ImportError };

export function ImportSection() {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [keepTexts, setKeepTexts] = useState(false);
  const inputId = useId();
  const keepId = useId();

  const read = async (file: File) => {
    setState({ step: 'reading', done: 0, total: file.size });
    const owner = await getMeta(db(), 'archiveOwner');
    const early = connectionsPlannedEarly(db());
    const parsed = await parseArchiveFile(
      file,
      file.name,
      {
        keepMessageText: keepTexts,
        ownerName: owner?.name,
        messagesWorker: startMessagesWorker,
        connectionsRead: early.connectionsRead,
      },
      (p: ArchiveProgress) => setState({ step: 'reading', done: p.done, total: p.total, kind: p.kind }),
    );
    if (!parsed.ok) {
      setState({ step: 'failed', error: parsed.error });
      return;
    }
    setState({ step: 'matching' });
    const plan = await planArchive(db(), parsed.value, Date.now(), await early.planned());
    setState({ step: 'preview', plan, fileName: file.name });
  };

  const commit = async (plan: ArchivePlan, resolutions: Resolutions) => {
    setState({ step: 'writing', done: 0, total: 1 });
    prepareBadge();
    // The first queue goes on the toolbar badge as the commit lands, with the same counts and words as the worker's.
    const result = await commitShowingQueue(
      db(),
      plan,
      resolutions,
      { show: showBadge, restore: scanNow },
      (p) => setState({ step: 'writing', done: p.written, total: p.total }),
    );
    if (!result.ok) {
      setState({ step: 'failed', error: result.error });
      return;
    }
    setState({ step: 'done', result: result.value });
    // The worker's refresh finds the queue as the commit left it; then it scans the flags (new people may need
    // some) and sets the badge again.
    await scanNow();
  };

  const busy = state.step === 'reading' || state.step === 'matching' || state.step === 'writing';
  return (
    <section class="card data-import" aria-labelledby="import-heading">
      <h3 id="import-heading">{t('options_import_heading')}</h3>
      <p class="muted">{t('options_import_intro')}</p>
      <label for={inputId} class="file-label">
        {t('options_import_choose')}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".csv,.zip,text/csv,application/zip"
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void read(file);
        }}
      />
      <div class="setting">
        <label for={keepId} class="inline-check">
          <input
            id={keepId}
            type="checkbox"
            checked={keepTexts}
            disabled={busy}
            onChange={(e) => setKeepTexts(e.currentTarget.checked)}
          />
          <span>{t('options_import_keep_texts')}</span>
        </label>
        <span class="setting-hint">{t('options_import_keep_texts_hint')}</span>
      </div>
      <div aria-live="polite">
        {state.step === 'reading' && (
          <ProgressBar
            label={t('options_import_reading')}
            value={state.done}
            max={state.total}
            detail={state.kind ? t('options_import_reading_file', t(ARCHIVE_FILE_KEYS[state.kind])) : ''}
          />
        )}
        {state.step === 'matching' && <p role="status">{t('options_import_matching')}</p>}
        {state.step === 'writing' && (
          <ProgressBar
            label={t('options_import_writing')}
            value={state.done}
            max={state.total}
            detail={t('options_import_progress', formatCount(state.done), formatCount(state.total))}
          />
        )}
        {state.step === 'failed' && (
          <p class="error-box" role="alert">
            {t(ERROR_KEYS[state.error.code])} {t('options_import_nothing_changed')}
          </p>
        )}
        {state.step === 'done' && <ImportDone result={state.result} />}
      </div>
      {state.step === 'preview' && (
        <ArchivePreview
          plan={state.plan}
          fileName={state.fileName}
          onImport={(resolutions) => commit(state.plan, resolutions)}
          onCancel={() => setState({ step: 'idle' })}
        />
      )}
    </section>
  );
}

function ImportDone({ result }: { result: ArchiveImportResult }) {
  return (
    <p class="ok-box" role="status">
      {t(
        'options_import_done',
        formatCount(result.created),
        formatCount(result.updated),
        formatCount(result.unchanged),
        formatCount(result.rejected),
      )}
      {result.recommendations + result.messages > 0 &&
        ` ${t('options_import_done_archive', formatCount(result.recommendations), formatCount(result.messages))}`}
    </p>
  );
}

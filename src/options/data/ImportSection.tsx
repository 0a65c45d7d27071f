// LinkedIn import: pick Connections.csv or the export zip, see what would happen (new, updated,
// unchanged, rejected with reasons), then import all or nothing, with progress for 30,000 rows.
import { useId, useState } from 'preact/hooks';
import { db } from '../../db/database';
import { parseConnectionsFile } from '../../io/connectionsFile';
import type { ImportResult } from '../../io/importCommit';
import { commitImport } from '../../io/importCommit';
import type { ImportError, ImportErrorCode } from '../../io/importErrors';
import { type ImportPlan, planImport } from '../../io/importPlan';
import type { RejectCode } from '../../io/linkedinCsv';
import { scanNow } from '../../ui/data/workerNotify';
import { type MessageKey, t } from '../../ui/i18n/i18n';
import { formatCount } from '../../ui/i18n/locale';
import { ProgressBar } from '../widgets/ProgressBar';

const ERROR_KEYS = {
  commitFailed: 'import_error_commitFailed',
  empty: 'import_error_empty',
  headerMissing: 'import_error_headerMissing',
  noConnections: 'import_error_noConnections',
  noConnectionsCsv: 'import_error_noConnectionsCsv',
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

const REJECT_KEYS = {
  badUrl: 'import_reject_badUrl',
  columnCount: 'import_reject_columnCount',
  duplicateUrl: 'import_reject_duplicateUrl',
  emptyRow: 'import_reject_emptyRow',
  noNameNoUrl: 'import_reject_noNameNoUrl',
} as const satisfies Record<RejectCode, MessageKey>;

type Step =
  | { step: 'idle' }
  | { step: 'reading'; done: number; total: number }
  | { step: 'preview'; plan: ImportPlan; fileName: string }
  | { step: 'writing'; done: number; total: number }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; error: ImportError };

/** Rejected rows listed in the preview; the count covers them all. */
const REJECTED_SHOWN = 200;

export function ImportSection() {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const inputId = useId();

  const read = async (file: File) => {
    setState({ step: 'reading', done: 0, total: file.size });
    const parsed = await parseConnectionsFile(file, (p) =>
      setState({ step: 'reading', done: p.bytesRead, total: p.totalBytes }),
    );
    if (!parsed.ok) {
      setState({ step: 'failed', error: parsed.error });
      return;
    }
    const plan = await planImport(db(), parsed.value);
    setState({ step: 'preview', plan, fileName: file.name });
  };

  const commit = async (plan: ImportPlan) => {
    setState({ step: 'writing', done: 0, total: 1 });
    const result = await commitImport(db(), plan, (p) =>
      setState({ step: 'writing', done: p.written, total: p.total }),
    );
    if (!result.ok) {
      setState({ step: 'failed', error: result.error });
      return;
    }
    setState({ step: 'done', result: result.value });
    // New people can be dormant from the start: the worker raises their flags now.
    await scanNow();
  };

  const busy = state.step === 'reading' || state.step === 'writing';
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
      <div aria-live="polite">
        {state.step === 'reading' && (
          <ProgressBar label={t('options_import_reading')} value={state.done} max={state.total} />
        )}
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
        <ImportPreview
          plan={state.plan}
          fileName={state.fileName}
          onImport={() => commit(state.plan)}
          onCancel={() => setState({ step: 'idle' })}
        />
      )}
    </section>
  );
}

function ImportPreview(props: {
  plan: ImportPlan;
  fileName: string;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { counts, rejected } = props.plan;
  const writes = counts.new + counts.updated;
  return (
    <div class="import-preview">
      <h4>{t('options_import_preview_heading', props.fileName)}</h4>
      <dl class="import-counts">
        <div>
          <dt>{t('options_import_count_new')}</dt>
          <dd>{formatCount(counts.new)}</dd>
        </div>
        <div>
          <dt>{t('options_import_count_updated')}</dt>
          <dd>{formatCount(counts.updated)}</dd>
        </div>
        <div>
          <dt>{t('options_import_count_unchanged')}</dt>
          <dd>{formatCount(counts.unchanged)}</dd>
        </div>
        <div>
          <dt>{t('options_import_count_rejected')}</dt>
          <dd>{formatCount(counts.rejected)}</dd>
        </div>
      </dl>
      {rejected.length > 0 && (
        <details open={rejected.length <= 20}>
          <summary>{t('options_import_rejected_heading', formatCount(rejected.length))}</summary>
          <div class="table-scroll">
            <table class="rejected">
              <thead>
                <tr>
                  <th scope="col">{t('options_import_line')}</th>
                  <th scope="col">{t('options_import_reason')}</th>
                  <th scope="col">{t('options_import_row')}</th>
                </tr>
              </thead>
              <tbody>
                {rejected.slice(0, REJECTED_SHOWN).map((row) => (
                  <tr key={row.line}>
                    <td>{formatCount(row.line)}</td>
                    <td>{t(REJECT_KEYS[row.reason], formatCount(row.firstLine ?? 0))}</td>
                    <td>
                      <code>{row.raw}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rejected.length > REJECTED_SHOWN && (
            <p class="muted">
              {t('options_import_more_rejected', formatCount(rejected.length - REJECTED_SHOWN))}
            </p>
          )}
        </details>
      )}
      <div class="actions">
        <button type="button" onClick={props.onImport} disabled={writes === 0}>
          {writes === 0 ? t('options_import_nothing_to_do') : t('options_import_commit', formatCount(writes))}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('options_cancel')}
        </button>
      </div>
    </div>
  );
}

function ImportDone({ result }: { result: ImportResult }) {
  return (
    <p class="ok-box" role="status">
      {t(
        'options_import_done',
        formatCount(result.created),
        formatCount(result.updated),
        formatCount(result.unchanged),
        formatCount(result.rejected),
      )}
    </p>
  );
}

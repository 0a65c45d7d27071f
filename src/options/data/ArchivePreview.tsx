// The preview of an archive import, before anything is written: Connections.csv's counts as before, then a table
// of every other file (rows read; matched exactly, by name, ambiguous, unmatched; what will change), and the review:
// each row that matched several people or nobody waits for the user's answer (which one, create, or skip), never
// going silently to the wrong person. The counts follow the answers.
import { useMemo, useState } from 'preact/hooks';
import type { ArchiveFileKind } from '../../io/archiveFiles.ts';
import {
  type ArchivePlan,
  archiveWrites,
  type FileChanges,
  filePreviews,
  type Resolution,
  type Subject,
  writeCount,
} from '../../io/archivePlan.ts';
import type { ArchiveRejectCode, ArchiveRejected } from '../../io/archiveRows.ts';
import type { RejectCode, RejectedRow } from '../../io/linkedinCsv.ts';
import { type MessageKey, t } from '../../ui/i18n/i18n.ts';
import { formatCount } from '../../ui/i18n/locale.ts';

/** Each file's name in the preview and the progress. */
export const ARCHIVE_FILE_KEYS = {
  connections: 'archive_file_connections',
  recommendationsReceived: 'archive_file_recommendationsReceived',
  recommendationsGiven: 'archive_file_recommendationsGiven',
  endorsementsReceived: 'archive_file_endorsementsReceived',
  endorsementsGiven: 'archive_file_endorsementsGiven',
  invitations: 'archive_file_invitations',
  messages: 'archive_file_messages',
  messagesLegacy: 'archive_file_messagesLegacy',
  profile: 'archive_file_profile',
} as const satisfies Record<ArchiveFileKind, MessageKey>;

const CONNECTION_REJECT_KEYS = {
  badUrl: 'import_reject_badUrl',
  columnCount: 'import_reject_columnCount',
  duplicateUrl: 'import_reject_duplicateUrl',
  emptyRow: 'import_reject_emptyRow',
  noNameNoUrl: 'import_reject_noNameNoUrl',
} as const satisfies Record<RejectCode, MessageKey>;

const ARCHIVE_REJECT_KEYS = {
  noName: 'archive_reject_noName',
  noText: 'archive_reject_noText',
  noDate: 'archive_reject_noDate',
} as const satisfies Record<ArchiveRejectCode, MessageKey>;

/** Rejected rows listed in the preview; the count covers them all. */
const REJECTED_SHOWN = 200;
/** Rows to review listed per file; the rest take the file's answer for all. */
const REVIEW_SHOWN = 100;
const EXCERPT = 160;

export function ArchivePreview(props: {
  plan: ArchivePlan;
  fileName: string;
  onImport: (resolutions: ReadonlyMap<string, Resolution>) => void;
  onCancel: () => void;
}) {
  const { plan } = props;
  const [answers, setAnswers] = useState<ReadonlyMap<string, Resolution>>(new Map());
  const writes = useMemo(() => archiveWrites(plan, answers), [plan, answers]);
  const files = filePreviews(plan, writes);
  const total = writeCount(plan, writes);
  const connections = plan.connections;
  const onlyConnections = files.length === 0;
  const answer = (changes: [string, Resolution][]) =>
    setAnswers((old) => {
      const next = new Map(old);
      for (const [id, resolution] of changes) next.set(id, resolution);
      return next;
    });
  const toReview = plan.subjects.filter((s) => s.match.kind === 'ambiguous' || s.match.kind === 'unmatched');

  return (
    <div class="import-preview">
      <h4>{t('options_import_preview_heading', props.fileName)}</h4>
      {connections && (
        <>
          <dl class="import-counts">
            <Count label={t('options_import_count_new')} value={connections.counts.new} />
            <Count label={t('options_import_count_updated')} value={connections.counts.updated} />
            <Count label={t('options_import_count_unchanged')} value={connections.counts.unchanged} />
            <Count label={t('options_import_count_rejected')} value={connections.counts.rejected} />
          </dl>
          <RejectedTable rows={connections.rejected} />
        </>
      )}
      {files.length > 0 && (
        // A region that may scroll sideways on a narrow window: focusable, so the keyboard can scroll it.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is scrolled by keyboard only when it takes focus
        <section class="table-scroll" tabIndex={0} aria-label={t('options_archive_files_caption')}>
          <table class="archive-files">
            <caption>{t('options_archive_files_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options_archive_file')}</th>
                <th scope="col">{t('options_archive_rows')}</th>
                <th scope="col">{t('options_archive_exact')}</th>
                <th scope="col">{t('options_archive_by_name')}</th>
                <th scope="col">{t('options_archive_ambiguous')}</th>
                <th scope="col">{t('options_archive_unmatched')}</th>
                <th scope="col">{t('options_archive_changes')}</th>
              </tr>
            </thead>
            <tbody>
              {files.map(({ summary, matched, changes }) => (
                <tr key={summary.kind} data-kind={summary.kind}>
                  <th scope="row">{t(ARCHIVE_FILE_KEYS[summary.kind])}</th>
                  <td>{formatCount(summary.rowsRead)}</td>
                  <td>{formatCount(matched.exact)}</td>
                  <td>{formatCount(matched.byName)}</td>
                  <td>{formatCount(matched.ambiguous)}</td>
                  <td>{formatCount(matched.unmatched)}</td>
                  <td>
                    {changesText(changes)}
                    {summary.ownerUnclear && <span class="muted"> {t('options_archive_owner_unclear')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {files.map(({ summary }) =>
        summary.rejected.length > 0 ? (
          <RejectedTable key={summary.kind} rows={summary.rejected} file={summary.kind} />
        ) : null,
      )}
      {toReview.length > 0 && <Review plan={plan} subjects={toReview} answers={answers} onAnswer={answer} />}
      <div class="actions">
        <button type="button" onClick={() => props.onImport(answers)} disabled={total === 0}>
          {total === 0
            ? t('options_import_nothing_to_do')
            : onlyConnections && connections
              ? t('options_import_commit', formatCount(connections.counts.new + connections.counts.updated))
              : t('options_import_commit_archive', formatCount(total))}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('options_cancel')}
        </button>
      </div>
    </div>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{formatCount(value)}</dd>
    </div>
  );
}

function changesText(changes: FileChanges): string {
  const parts: string[] = [];
  if (changes.recommendations > 0)
    parts.push(t('options_archive_change_recommendations', formatCount(changes.recommendations)));
  if (changes.people > 0) parts.push(t('options_archive_change_people', formatCount(changes.people)));
  if (changes.created > 0) parts.push(t('options_archive_change_created', formatCount(changes.created)));
  if (changes.messages > 0) parts.push(t('options_archive_change_messages', formatCount(changes.messages)));
  return parts.length === 0 ? t('options_archive_change_none') : parts.join(t('list_separator'));
}

function RejectedTable(props: { rows: (RejectedRow | ArchiveRejected)[]; file?: ArchiveFileKind }) {
  const { rows } = props;
  if (rows.length === 0) return null;
  const reason = (row: RejectedRow | ArchiveRejected) =>
    props.file === undefined
      ? t(
          CONNECTION_REJECT_KEYS[(row as RejectedRow).reason],
          formatCount((row as RejectedRow).firstLine ?? 0),
        )
      : t(ARCHIVE_REJECT_KEYS[(row as ArchiveRejected).reason]);
  return (
    <details open={rows.length <= 20}>
      <summary>
        {props.file
          ? t('options_archive_rejected_heading', t(ARCHIVE_FILE_KEYS[props.file]), formatCount(rows.length))
          : t('options_import_rejected_heading', formatCount(rows.length))}
      </summary>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is scrolled by keyboard only when it takes focus */}
      <section class="table-scroll" tabIndex={0} aria-label={t('options_import_rejected_region')}>
        <table class="rejected">
          <thead>
            <tr>
              <th scope="col">{t('options_import_line')}</th>
              <th scope="col">{t('options_import_reason')}</th>
              <th scope="col">{t('options_import_row')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, REJECTED_SHOWN).map((row) => (
              <tr key={row.line}>
                <td>{formatCount(row.line)}</td>
                <td>{reason(row)}</td>
                <td>
                  <code>{row.raw}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {rows.length > REJECTED_SHOWN && (
        <p class="muted">{t('options_import_more_rejected', formatCount(rows.length - REJECTED_SHOWN))}</p>
      )}
    </details>
  );
}

const answerValue = (resolution: Resolution | undefined) =>
  resolution === undefined || resolution.action === 'skip'
    ? 'skip'
    : resolution.action === 'create'
      ? 'create'
      : `person:${resolution.personId}`;

function parseValue(value: string): Resolution {
  if (value === 'create') return { action: 'create' };
  if (value.startsWith('person:')) return { action: 'person', personId: value.slice('person:'.length) };
  return { action: 'skip' };
}

/** The rows no person was certain for: the user says which person, to create one, or to skip. */
function Review(props: {
  plan: ArchivePlan;
  subjects: Subject[];
  answers: ReadonlyMap<string, Resolution>;
  onAnswer: (changes: [string, Resolution][]) => void;
}) {
  const { plan, subjects, answers } = props;
  const kinds = [...new Set(subjects.map((s) => s.kind))];
  const candidateLabel = (id: string) => {
    const person = plan.directory.people.get(id);
    return [person?.name, person?.company ?? person?.headline].filter(Boolean).join(' — ');
  };
  return (
    <section class="archive-review" aria-labelledby="archive-review-heading">
      <h4 id="archive-review-heading">{t('options_archive_review_heading', formatCount(subjects.length))}</h4>
      <p class="muted">{t('options_archive_review_intro')}</p>
      {kinds.map((kind) => {
        const rows = subjects.filter((s) => s.kind === kind);
        const unmatched = rows.filter((s) => s.match.kind === 'unmatched');
        return (
          <details key={kind} open={rows.length <= 20} class="archive-review-file">
            <summary>
              {t('options_archive_review_file', t(ARCHIVE_FILE_KEYS[kind]), formatCount(rows.length))}
            </summary>
            {unmatched.length > 1 && (
              <p class="actions">
                <button
                  type="button"
                  class="secondary"
                  onClick={() => props.onAnswer(unmatched.map((s) => [s.id, { action: 'create' }]))}
                >
                  {t('options_archive_create_all', formatCount(unmatched.length))}
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => props.onAnswer(unmatched.map((s) => [s.id, { action: 'skip' }]))}
                >
                  {t('options_archive_skip_all')}
                </button>
              </p>
            )}
            <ul class="archive-review-rows">
              {rows.slice(0, REVIEW_SHOWN).map((subject) => (
                <li key={subject.id}>
                  <label>
                    <span class="archive-review-who">
                      {subject.who.name}
                      {subject.who.company && <span class="muted"> — {subject.who.company}</span>}
                      <span class="muted">
                        {' '}
                        (
                        {t(
                          subject.match.kind === 'ambiguous'
                            ? 'options_archive_ambiguous'
                            : 'options_archive_unmatched',
                        )}
                        , {t('options_import_line')} {formatCount(subject.line)})
                      </span>
                    </span>
                    {subject.detail && (
                      <q class="archive-review-detail">
                        {subject.detail.length > EXCERPT
                          ? `${subject.detail.slice(0, EXCERPT)}…`
                          : subject.detail}
                      </q>
                    )}
                    <select
                      value={answerValue(answers.get(subject.id))}
                      aria-label={t('options_archive_answer_label', subject.who.name)}
                      onChange={(e) => props.onAnswer([[subject.id, parseValue(e.currentTarget.value)]])}
                    >
                      <option value="skip">{t('options_archive_answer_skip')}</option>
                      {subject.match.candidates.map((id) => (
                        <option key={id} value={`person:${id}`}>
                          {t('options_archive_answer_person', candidateLabel(id))}
                        </option>
                      ))}
                      <option value="create">{t('options_archive_answer_create')}</option>
                    </select>
                  </label>
                </li>
              ))}
            </ul>
            {rows.length > REVIEW_SHOWN && (
              <p class="muted">{t('options_archive_review_more', formatCount(rows.length - REVIEW_SHOWN))}</p>
            )}
          </details>
        );
      })}
    </section>
  );
}

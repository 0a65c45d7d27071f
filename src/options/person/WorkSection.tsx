// The shared-work timeline with full editing: add, edit every field, delete with undo. Each entry says
// what was done, by whom, when, and how it went, which is the evidence behind the stage.
import { useId, useState } from 'preact/hooks';
import type { SharedWork } from '../../core/types.ts';
import {
  asksForOutcome,
  asksForPayment,
  draftOf,
  EMPTY_WORK_DRAFT,
  toNewSharedWork,
  validateWork,
  type WorkDraft,
  type WorkError,
  type WorkField,
} from '../../core/work.ts';
import { db } from '../../db/database.ts';
import { addSharedWork, deleteSharedWork, restoreSharedWork, updateSharedWork } from '../../db/mutations.ts';
import { WorkChoice } from '../../ui/components/WorkChoice.tsx';
import { personChanged } from '../../ui/data/workerNotify.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { DIRECTION_KEYS, STATUS_KEYS, WORK_KIND_KEYS } from '../../ui/i18n/keys.ts';
import { formatPartialDate } from '../../ui/i18n/locale.ts';
import { outcomeParts, workErrorText } from '../../ui/i18n/workText.ts';
import { useOfferUndo } from '../undo.tsx';
import { SaveCancel } from '../widgets/SaveCancel.tsx';

interface Props {
  personId: string;
  works: SharedWork[];
}

export function WorkSection({ personId, works }: Props) {
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | undefined>();
  const offerUndo = useOfferUndo();

  const remove = async (work: SharedWork) => {
    const snapshot = await deleteSharedWork(db(), work.id);
    if (!snapshot) return;
    void personChanged(personId);
    offerUndo({
      message: t('options_work_deleted'),
      undo: async () => {
        await restoreSharedWork(db(), snapshot);
        await personChanged(personId);
      },
    });
  };

  return (
    <section class="card" aria-labelledby="work-heading">
      <div class="section-head">
        <h3 id="work-heading">{t('options_work_heading')}</h3>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            {t('options_work_add')}
          </button>
        )}
      </div>
      {adding && (
        <WorkEditor
          title={t('options_work_add')}
          initial={EMPTY_WORK_DRAFT}
          onCancel={() => setAdding(false)}
          onSave={async (form) => {
            await addSharedWork(db(), personId, toNewSharedWork(form));
            setAdding(false);
            void personChanged(personId);
          }}
        />
      )}
      {works.length === 0 && !adding ? (
        <p class="muted">{t('options_work_none')}</p>
      ) : (
        <ol class="timeline">
          {works.map((work) => (
            <li key={work.id} class={`timeline-item status-${work.status}`}>
              {editingId === work.id ? (
                <WorkEditor
                  title={t('options_work_edit_title')}
                  initial={draftOf(work)}
                  onCancel={() => setEditingId(undefined)}
                  onSave={async (form) => {
                    await updateSharedWork(db(), work.id, toNewSharedWork(form));
                    setEditingId(undefined);
                    void personChanged(personId);
                  }}
                />
              ) : (
                <WorkEntry work={work} onEdit={() => setEditingId(work.id)} onDelete={() => remove(work)} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function WorkEntry({
  work,
  onEdit,
  onDelete,
}: {
  work: SharedWork;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const dates = [work.startDate, work.endDate]
    .filter((d): d is string => Boolean(d))
    .map(formatPartialDate)
    .join(' – ');
  const name = work.title || t(WORK_KIND_KEYS[work.kind]);
  return (
    <article aria-label={name}>
      <p class="timeline-when">{dates || t('options_work_undated')}</p>
      <p class="timeline-what">
        <strong>{t(WORK_KIND_KEYS[work.kind])}</strong>
        {work.title && <span> — {work.title}</span>}
      </p>
      <p class="muted">
        {t(DIRECTION_KEYS[work.direction])} · {t(STATUS_KEYS[work.status])}
      </p>
      {outcomeParts(work.outcome).length > 0 && <p>{outcomeParts(work.outcome).join(' · ')}</p>}
      {work.note && <p class="timeline-note">{work.note}</p>}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          aria-label={t('options_work_edit_label', name)}
          onClick={onEdit}
        >
          {t('options_edit')}
        </button>
        <button
          type="button"
          class="secondary"
          aria-label={t('options_work_delete_label', name)}
          onClick={onDelete}
        >
          {t('options_delete')}
        </button>
      </div>
    </article>
  );
}

interface EditorProps {
  title: string;
  initial: WorkDraft;
  onSave: (form: WorkDraft) => Promise<void>;
  onCancel: () => void;
}

function WorkEditor({ title, initial, onSave, onCancel }: EditorProps) {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<WorkError[]>([]);
  const [saving, setSaving] = useState(false);
  const baseId = useId();
  const set =
    <K extends WorkField>(field: K) =>
    (value: WorkDraft[K]) =>
      setForm((f) => ({ ...f, [field]: value }));
  const errorOf = (field: WorkField) => errors.find((e) => e.field === field);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateWork(form);
    setErrors(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      await onSave(form);
    } finally {
      setSaving(false);
    }
  };

  const text = (
    field: 'title' | 'startDate' | 'endDate' | 'lateDays' | 'dueDate',
    label: string,
    placeholder?: string,
  ) => {
    const error = errorOf(field);
    const errorId = `${baseId}-${field}-error`;
    return (
      <div>
        <label>
          <span>{label}</span>
          <input
            type="text"
            value={form[field]}
            placeholder={placeholder}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? errorId : undefined}
            onInput={(e) => set(field)(e.currentTarget.value)}
          />
        </label>
        {error && (
          <span id={errorId} class="field-error">
            {workErrorText(error)}
          </span>
        )}
      </div>
    );
  };

  const noteError = errorOf('note');
  return (
    <form class="work-editor" aria-label={title} onSubmit={submit} noValidate>
      <div class="grid">
        <WorkChoice field="kind" value={form.kind} onChange={set('kind')} />
        <WorkChoice field="direction" value={form.direction} onChange={set('direction')} />
        <WorkChoice field="status" value={form.status} onChange={set('status')} />
        {text('title', t('options_work_title'))}
        {text('startDate', t('options_work_start'), t('options_date_placeholder'))}
        {text('endDate', t('options_work_end'), t('options_date_placeholder'))}
      </div>
      {asksForOutcome(form.kind, form.status) && (
        <fieldset>
          <legend>{t('ui_work_outcome')}</legend>
          <div class="grid">
            <WorkChoice field="quality" value={form.quality} onChange={set('quality')} />
            <WorkChoice field="reliability" value={form.reliability} onChange={set('reliability')} />
            <WorkChoice field="wouldWorkAgain" value={form.wouldWorkAgain} onChange={set('wouldWorkAgain')} />
            {asksForPayment(form.kind, form.status) && (
              <WorkChoice field="paymentStatus" value={form.paymentStatus} onChange={set('paymentStatus')} />
            )}
            {asksForPayment(form.kind, form.status) &&
              form.paymentStatus === 'late' &&
              text('lateDays', t('ui_work_late_days'))}
            {asksForPayment(form.kind, form.status) &&
              form.paymentStatus !== '' &&
              text('dueDate', t('options_work_due_date'), t('options_date_placeholder'))}
          </div>
        </fieldset>
      )}
      <div>
        <label>
          <span>{t('ui_work_note')}</span>
          <textarea
            value={form.note}
            aria-invalid={noteError ? 'true' : undefined}
            aria-describedby={noteError ? `${baseId}-note-error` : undefined}
            onInput={(e) => set('note')(e.currentTarget.value)}
          />
        </label>
        {noteError && (
          <span id={`${baseId}-note-error`} class="field-error">
            {workErrorText(noteError)}
          </span>
        )}
      </div>
      {errors.length > 0 && (
        <p class="field-error" role="alert">
          {t('options_form_has_errors')}
        </p>
      )}
      <SaveCancel onCancel={onCancel} saving={saving} />
    </form>
  );
}

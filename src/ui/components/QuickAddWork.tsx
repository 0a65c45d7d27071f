import { useId, useState } from 'preact/hooks';
import { calendarDate } from '../../core/dates.ts';
import type { NewSharedWork, WorkStatus } from '../../core/types.ts';
import {
  asksForOutcome,
  asksForPayment,
  datedBy,
  EMPTY_WORK_DRAFT,
  toNewSharedWork,
  validateWork,
  WORK_LIMITS,
  type WorkDraft,
} from '../../core/work.ts';
import { t } from '../i18n/i18n.ts';
import { workErrorText } from '../i18n/workText.ts';
import './trust.css';
import { WorkChoice } from './WorkChoice.tsx';

/** Quick add starts as a plan from today: the small first step the panel suggests. */
const emptyQuickWork = (): WorkDraft => ({
  ...EMPTY_WORK_DRAFT,
  status: 'planned',
  startDate: calendarDate(new Date()),
});

/** A new status; the one date moves with it (a plan's start, finished work's end: core/work.ts datedBy). */
function withStatus(draft: WorkDraft, status: WorkStatus): WorkDraft {
  const date = draft[datedBy(draft.status)];
  return { ...draft, startDate: '', endDate: '', status, [datedBy(status)]: date };
}

/**
 * Quick add of shared work: a subset of the options page's editor (same draft, same rules, core/work.ts).
 * Kind, who delivered, one date and the status, then the outcome once it is over (quality, delivery, payment
 * for paid kinds, would work again) and a note.
 */
export function QuickAddWork({ onAdd }: { onAdd: (work: NewSharedWork) => Promise<void> }) {
  const [form, setForm] = useState<WorkDraft>(emptyQuickWork);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const dateId = useId();
  const dateHintId = useId();
  const lateId = useId();
  const noteId = useId();
  const set =
    <K extends keyof WorkDraft>(key: K) =>
    (value: WorkDraft[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const dateField = datedBy(form.status);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const errors = validateWork(form);
    if (errors.length > 0) {
      setStatus(errors.map(workErrorText).join(' '));
      return;
    }
    setBusy(true);
    try {
      await onAdd(toNewSharedWork(form));
      setForm(emptyQuickWork());
      setStatus(t('ui_work_added'));
    } catch {
      setStatus(t('ui_save_failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="tn-quick-add" onSubmit={submit}>
      <WorkChoice class="tn-field" field="kind" value={form.kind} onChange={set('kind')} />
      <WorkChoice class="tn-field" field="direction" value={form.direction} onChange={set('direction')} />
      <div class="tn-field">
        <label for={dateId}>{t('ui_work_date')}</label>
        <input
          id={dateId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          aria-describedby={dateHintId}
          value={form[dateField]}
          onInput={(e) => set(dateField)(e.currentTarget.value)}
        />
        <span id={dateHintId} class="tn-hint">
          {t('ui_work_date_hint')}
        </span>
      </div>
      <WorkChoice
        class="tn-field"
        field="status"
        value={form.status}
        onChange={(value) => setForm((f) => withStatus(f, value))}
      />
      {asksForOutcome(form.kind, form.status) ? (
        <fieldset class="tn-outcome">
          <legend>{t('ui_work_outcome')}</legend>
          <WorkChoice class="tn-field" field="quality" value={form.quality} onChange={set('quality')} />
          <WorkChoice
            class="tn-field"
            field="reliability"
            value={form.reliability}
            onChange={set('reliability')}
          />
          {asksForPayment(form.kind, form.status) ? (
            <WorkChoice
              class="tn-field"
              field="paymentStatus"
              value={form.paymentStatus}
              onChange={set('paymentStatus')}
            />
          ) : null}
          {asksForPayment(form.kind, form.status) && form.paymentStatus === 'late' ? (
            <div class="tn-field">
              <label for={lateId}>{t('ui_work_late_days')}</label>
              <input
                id={lateId}
                type="number"
                min={1}
                max={WORK_LIMITS.lateDays}
                value={form.lateDays}
                onInput={(e) => set('lateDays')(e.currentTarget.value)}
              />
            </div>
          ) : null}
          <WorkChoice
            class="tn-field"
            field="wouldWorkAgain"
            value={form.wouldWorkAgain}
            onChange={set('wouldWorkAgain')}
          />
        </fieldset>
      ) : null}
      <div class="tn-field">
        <label for={noteId}>{t('ui_work_note')}</label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={WORK_LIMITS.note}
          value={form.note}
          onInput={(e) => set('note')(e.currentTarget.value)}
        />
      </div>
      <div class="tn-actions">
        <button type="submit" disabled={busy}>
          {t('ui_work_add')}
        </button>
        <span class="tn-status" role="status">
          {status}
        </span>
      </div>
    </form>
  );
}

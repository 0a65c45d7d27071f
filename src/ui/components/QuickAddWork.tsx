import { useId, useState } from 'preact/hooks';
import { calendarDate } from '../../core/dates.ts';
import { t } from '../i18n/i18n.ts';
import {
  AGAIN,
  DIRECTIONS,
  emptyQuickWork,
  hasOutcome,
  isPayableKind,
  type NewWork,
  NOTE_MAX,
  PAYMENT_STATUSES,
  type QuickWorkForm,
  quickWorkInput,
  RELIABILITIES,
  STATUSES,
  WORK_KINDS,
} from './quickWork.ts';
import './trust.css';

function Select<V extends string>(props: {
  label: string;
  value: V;
  options: readonly V[];
  text: (value: V) => string;
  empty?: string;
  onChange: (value: V) => void;
}) {
  const id = useId();
  return (
    <div class="tn-field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as V)}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.text(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Quick add of shared work: kind, who delivered, date and status, then the outcome once it is over (quality,
 * delivery, payment for paid kinds, would work again) and a note.
 */
export function QuickAddWork({ onAdd }: { onAdd: (work: NewWork) => Promise<void> }) {
  const [form, setForm] = useState<QuickWorkForm>(() => emptyQuickWork(calendarDate(new Date())));
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const dateId = useId();
  const dateHintId = useId();
  const lateId = useId();
  const noteId = useId();
  const set =
    <K extends keyof QuickWorkForm>(key: K) =>
    (value: QuickWorkForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const result = quickWorkInput(form);
    if ('error' in result) {
      setStatus(t(result.error));
      return;
    }
    setBusy(true);
    try {
      await onAdd(result.work);
      setForm(emptyQuickWork(calendarDate(new Date())));
      setStatus(t('ui_work_added'));
    } catch {
      setStatus(t('ui_save_failed'));
    } finally {
      setBusy(false);
    }
  };
  const over = hasOutcome(form.status);
  const notSaid = t('ui_not_said');
  return (
    <form class="tn-quick-add" onSubmit={submit}>
      <Select
        label={t('ui_work_kind')}
        value={form.kind}
        options={WORK_KINDS}
        text={(v) => t(`ui_work_kind_${v}`)}
        onChange={set('kind')}
      />
      <Select
        label={t('ui_work_direction')}
        value={form.direction}
        options={DIRECTIONS}
        text={(v) => t(`ui_work_direction_${v}`)}
        onChange={set('direction')}
      />
      <div class="tn-field">
        <label for={dateId}>{t('ui_work_date')}</label>
        <input
          id={dateId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          aria-describedby={dateHintId}
          value={form.date}
          onInput={(e) => set('date')(e.currentTarget.value)}
        />
        <span id={dateHintId} class="tn-hint">
          {t('ui_work_date_hint')}
        </span>
      </div>
      <Select
        label={t('ui_work_status')}
        value={form.status}
        options={STATUSES}
        text={(v) => t(`ui_work_status_${v}`)}
        onChange={set('status')}
      />
      {over ? (
        <fieldset class="tn-outcome">
          <legend>{t('ui_work_outcome')}</legend>
          <Select
            label={t('ui_work_quality')}
            value={form.quality}
            options={['1', '2', '3', '4', '5']}
            text={(v) => v}
            empty={notSaid}
            onChange={set('quality')}
          />
          <Select
            label={t('ui_work_reliability')}
            value={form.reliability}
            options={RELIABILITIES}
            text={(v) => t(`ui_work_reliability_${v}`)}
            empty={notSaid}
            onChange={set('reliability')}
          />
          {isPayableKind(form.kind) ? (
            <Select
              label={t('ui_work_payment')}
              value={form.payment}
              options={PAYMENT_STATUSES}
              text={(v) => t(`ui_work_payment_${v}`)}
              empty={notSaid}
              onChange={set('payment')}
            />
          ) : null}
          {isPayableKind(form.kind) && form.payment === 'late' ? (
            <div class="tn-field">
              <label for={lateId}>{t('ui_work_late_days')}</label>
              <input
                id={lateId}
                type="number"
                min={1}
                max={3650}
                value={form.lateDays}
                onInput={(e) => set('lateDays')(e.currentTarget.value)}
              />
            </div>
          ) : null}
          <Select
            label={t('ui_work_again')}
            value={form.again}
            options={AGAIN}
            text={(v) => t(`ui_work_again_${v}`)}
            empty={notSaid}
            onChange={set('again')}
          />
        </fieldset>
      ) : null}
      <div class="tn-field">
        <label for={noteId}>{t('ui_work_note')}</label>
        <textarea
          id={noteId}
          rows={2}
          maxLength={NOTE_MAX}
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

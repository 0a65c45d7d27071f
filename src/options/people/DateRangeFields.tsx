// "Connected between" as two partial dates (2019, 2019-06 or 2019-06-30). A value is applied when it is a
// valid partial date or empty; anything else is flagged on the field and not applied.
import { useEffect, useId, useState } from 'preact/hooks';
import { isPartialDate } from '../../core/dates.ts';
import type { PartialDate } from '../../core/types.ts';
import { t } from '../../ui/i18n/i18n.ts';

interface Props {
  from: PartialDate | undefined;
  to: PartialDate | undefined;
  onChange: (from: PartialDate | undefined, to: PartialDate | undefined) => void;
}

export function DateRangeFields({ from, to, onChange }: Props) {
  return (
    <fieldset class="date-range">
      <legend>{t('options_filter_connected')}</legend>
      <PartialDateField label={t('options_filter_from')} value={from} onValid={(v) => onChange(v, to)} />
      <PartialDateField label={t('options_filter_to')} value={to} onValid={(v) => onChange(from, v)} />
    </fieldset>
  );
}

export function PartialDateField(props: {
  label: string;
  value: PartialDate | undefined;
  onValid: (value: PartialDate | undefined) => void;
}) {
  const errorId = useId();
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  const valid = text.trim() === '' || isPartialDate(text.trim());
  return (
    <div class="partial-date">
      <label>
        <span>{props.label}</span>
        <input
          type="text"
          inputMode="numeric"
          value={text}
          placeholder={t('options_date_placeholder')}
          aria-invalid={valid ? undefined : 'true'}
          aria-describedby={valid ? undefined : errorId}
          onInput={(e) => setText(e.currentTarget.value)}
          onChange={(e) => {
            const value = e.currentTarget.value.trim();
            if (value === '' || isPartialDate(value)) props.onValid(value || undefined);
          }}
        />
      </label>
      {!valid && (
        <span id={errorId} class="field-error">
          {t('options_date_invalid')}
        </span>
      )}
    </div>
  );
}

// The drop-downs of a shared-work draft (core/work.ts WorkDraft), shared by the panel's and popup's quick add and the
// options page's editor: each field's label, options and words are said once here, so the two forms cannot drift.
import {
  DIRECTIONS,
  PAYMENT_STATUSES,
  RELIABILITIES,
  WORK_KINDS,
  WORK_STATUSES,
  WOULD_WORK_AGAIN,
} from '../../core/types.ts';
import { QUALITIES, type WorkDraft } from '../../core/work.ts';
import { type MessageKey, t } from '../i18n/i18n.ts';
import {
  AGAIN_KEYS,
  DIRECTION_KEYS,
  PAYMENT_KEYS,
  RELIABILITY_KEYS,
  STATUS_KEYS,
  WORK_KIND_KEYS,
} from '../i18n/keys.ts';
import { Select } from './Select.tsx';

interface Choice<O extends string> {
  label: MessageKey;
  options: readonly O[];
  text: (option: O) => string;
  /** The outcome's parts may be left unsaid: a first option '' for that. */
  unsaid?: true;
}

const CHOICES = {
  kind: { label: 'ui_work_kind', options: WORK_KINDS, text: (v) => t(WORK_KIND_KEYS[v]) },
  direction: { label: 'ui_work_direction', options: DIRECTIONS, text: (v) => t(DIRECTION_KEYS[v]) },
  status: { label: 'ui_work_status', options: WORK_STATUSES, text: (v) => t(STATUS_KEYS[v]) },
  quality: { label: 'ui_work_quality', options: QUALITIES, text: (v) => v, unsaid: true },
  reliability: {
    label: 'ui_work_reliability',
    options: RELIABILITIES,
    text: (v) => t(RELIABILITY_KEYS[v]),
    unsaid: true,
  },
  paymentStatus: {
    label: 'ui_work_payment',
    options: PAYMENT_STATUSES,
    text: (v) => t(PAYMENT_KEYS[v]),
    unsaid: true,
  },
  wouldWorkAgain: {
    label: 'ui_work_again',
    options: WOULD_WORK_AGAIN,
    text: (v) => t(AGAIN_KEYS[v]),
    unsaid: true,
  },
} satisfies { [F in keyof WorkDraft]?: Choice<Exclude<WorkDraft[F], ''>> };

export type ChoiceField = keyof typeof CHOICES;

interface Props<F extends ChoiceField> {
  field: F;
  value: WorkDraft[F];
  onChange: (value: WorkDraft[F]) => void;
  class?: string;
}

/** The drop-down for one choice of the draft. */
export function WorkChoice<F extends ChoiceField>({ field, value, onChange, class: className }: Props<F>) {
  // Each entry of CHOICES is checked against its field above; here they are one shape.
  const choice = CHOICES[field] as Choice<string>;
  const change = onChange as (value: string) => void;
  const common = { class: className, label: t(choice.label), options: choice.options, text: choice.text };
  return choice.unsaid ? (
    <Select {...common} value={value} blank={t('ui_not_said')} onChange={change} />
  ) : (
    <Select {...common} value={value} onChange={change} />
  );
}

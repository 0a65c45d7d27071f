// A flag's suggested next steps (from the essay) and the user's answers to it: snooze for a while, or
// dismiss for good. The worker's scans respect both (a snoozed flag reopens only when the snooze ends).
import { useState } from 'preact/hooks';
import { suggestedSteps } from '../core/flags';
import type { Flag, FlagKind } from '../core/types';
import { db } from '../db/database';
import { dismissFlag, snoozeFlag } from '../db/mutations';
import { t } from '../ui/i18n';
import { formatDayOfMillis } from '../ui/locale';
import { flagsChanged } from '../ui/workerNotify';

const DAY_MS = 86_400_000;
export const SNOOZE_CHOICES = [
  { days: 7, key: 'options_flags_snooze_week' },
  { days: 30, key: 'options_flags_snooze_month' },
  { days: 90, key: 'options_flags_snooze_quarter' },
] as const;

export function FlagSteps({ kind }: { kind: FlagKind }) {
  return (
    <div class="flag-steps">
      <span class="muted">{t('options_flags_next_step')}</span>
      <ul class="flag-steps-list">
        {suggestedSteps(kind).map((step) => (
          <li key={step}>{t(`step_${step}`)}</li>
        ))}
      </ul>
    </div>
  );
}

export function FlagActions({ flag, subject }: { flag: Flag; subject?: string }) {
  const [days, setDays] = useState<number>(30);
  if (flag.state === 'snoozed') {
    return (
      <p class="muted">
        {flag.snoozedUntil ? t('options_flags_snoozed_until', formatDayOfMillis(flag.snoozedUntil)) : ''}
      </p>
    );
  }
  const title = subject
    ? `${t(`options_flag_short_${flag.kind}`)} — ${subject}`
    : t(`options_flag_short_${flag.kind}`);
  return (
    <div class="actions flag-actions">
      <label class="inline-label">
        <span>{t('options_flags_snooze_for')}</span>
        <select value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {SNOOZE_CHOICES.map((choice) => (
            <option key={choice.days} value={choice.days}>
              {t(choice.key)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="secondary"
        aria-label={t('options_flags_snooze_label', title)}
        onClick={async () => {
          await snoozeFlag(db(), flag.id, Date.now() + days * DAY_MS);
          await flagsChanged();
        }}
      >
        {t('options_flags_snooze')}
      </button>
      <button
        type="button"
        class="secondary"
        aria-label={t('options_flags_dismiss_label', title)}
        onClick={async () => {
          await dismissFlag(db(), flag.id);
          await flagsChanged();
        }}
      >
        {t('options_flags_dismiss')}
      </button>
    </div>
  );
}

import { useId } from 'preact/hooks';
import { suggestedSteps } from '../../core/flags.ts';
import type { Flag, FlagKind } from '../../core/types.ts';
import { type MessageKey, t } from '../i18n/i18n.ts';
import { STEP_KEYS } from '../i18n/keys.ts';
import { LaterButtons, SNOOZE_DAYS } from './LaterButtons.tsx';
import './trust.css';

const TITLE_KEYS = {
  followUpDue: 'flag_followUpDue',
  paymentOverdue: 'flag_paymentOverdue',
  stalled: 'flag_stalled',
  vouchWithoutWork: 'flag_vouchWithoutWork',
} as const satisfies Record<FlagKind, MessageKey>;

/** An open flag with the essay's suggested next steps, and the two answers: snooze for a month, or dismiss. */
export function FlagCard(props: {
  flag: Flag;
  onSnooze: (until: number) => Promise<unknown>;
  onDismiss: () => Promise<unknown>;
  /** Whom the flag is about, in a list of several people's flags: it tells the cards (landmarks) apart. */
  subject?: string;
}) {
  const { flag, onSnooze, onDismiss, subject } = props;
  const title = t(TITLE_KEYS[flag.kind]);
  const titleId = useId();
  return (
    <section
      class={`tn-flag tn-flag-${flag.kind}`}
      aria-labelledby={subject ? undefined : titleId}
      aria-label={subject ? `${title} — ${subject}` : undefined}
    >
      <h3 id={titleId} class="tn-flag-title">
        {title}
      </h3>
      <p class="tn-muted">{t('ui_flag_steps')}</p>
      <ul class="tn-flag-steps">
        {suggestedSteps(flag.kind).map((step) => (
          <li key={step}>{t(STEP_KEYS[step])}</li>
        ))}
      </ul>
      <div class="tn-actions">
        <LaterButtons
          snooze={{
            text: t('ui_flag_snooze', SNOOZE_DAYS),
            label: t('ui_flag_snooze_label', title, SNOOZE_DAYS),
          }}
          dismiss={{ text: t('ui_flag_dismiss'), label: t('ui_flag_dismiss_label', title) }}
          onSnooze={onSnooze}
          onDismiss={onDismiss}
        />
      </div>
    </section>
  );
}

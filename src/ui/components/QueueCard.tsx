// One person of the weekly queue: who, why (warmth in words), the essay's first step, and the three answers that
// move the queue on: planned a task, later, not this person.
import type { QueueEntry } from '../../core/types.ts';
import { t } from '../i18n/i18n.ts';
import { STEP_KEYS } from '../i18n/keys.ts';
import { reasonsText } from '../i18n/reasonText.ts';
import { LaterButtons, SNOOZE_DAYS } from './LaterButtons.tsx';
import './trust.css';

export function QueueCard(props: {
  entry: QueueEntry;
  name: string;
  href: string;
  /** Opens the person in a new tab (the popup) or in place (the options page). */
  newTab?: boolean;
  onPlanned: () => Promise<unknown>;
  onSnooze: (until: number) => Promise<unknown>;
  onDismiss: () => Promise<unknown>;
}) {
  const { entry, name } = props;
  return (
    // Named apart from the person's summary, which the name alone labels: two landmarks must not share a name.
    <section class="tn-queue-card" aria-label={t('ui_queue_card_label', name)}>
      <h3 class="tn-queue-name">
        <a href={props.href} {...(props.newTab ? { target: '_blank', rel: 'noopener' } : {})}>
          {name}
        </a>
      </h3>
      <p class="tn-queue-reasons">{reasonsText(entry.reasons)}</p>
      <p class="tn-queue-step">{t('ui_queue_first_step', t(STEP_KEYS[entry.step]))}</p>
      <div class="tn-actions">
        <button
          type="button"
          onClick={() => void props.onPlanned()}
          aria-label={t('ui_queue_planned_label', name)}
        >
          {t('ui_queue_planned')}
        </button>
        <LaterButtons
          snooze={{
            text: t('ui_queue_snooze', SNOOZE_DAYS),
            label: t('ui_queue_snooze_label', name, SNOOZE_DAYS),
          }}
          dismiss={{ text: t('ui_queue_dismiss'), label: t('ui_queue_dismiss_label', name) }}
          onSnooze={props.onSnooze}
          onDismiss={props.onDismiss}
        />
      </div>
    </section>
  );
}

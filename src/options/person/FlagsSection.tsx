// The person's flags: open ones with their suggested next steps, snooze and dismiss (the shared FlagCard);
// snoozed ones say until when. Closed and dismissed flags are history and are not shown.
import type { Flag } from '../../core/types.ts';
import { FlagCard } from '../../ui/components/FlagCard.tsx';
import { dismissFlagForGood, snoozeFlagUntil } from '../../ui/data/personActions.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { FLAG_SHORT_KEYS } from '../../ui/i18n/keys.ts';
import { formatDayOfMillis } from '../../ui/i18n/locale.ts';

export function FlagsSection({ flags }: { flags: Flag[] }) {
  const open = flags.filter((flag) => flag.state === 'open');
  const snoozed = flags.filter((flag) => flag.state === 'snoozed');
  if (open.length === 0 && snoozed.length === 0) return null;
  return (
    <section class="card flags-card" aria-labelledby="flags-heading">
      <h3 id="flags-heading">{t('options_flags_heading')}</h3>
      <div class="stack">
        {open.map((flag) => (
          <FlagCard
            key={flag.id}
            flag={flag}
            onSnooze={(until) => snoozeFlagUntil(flag.id, until)}
            onDismiss={() => dismissFlagForGood(flag.id)}
          />
        ))}
      </div>
      {snoozed.length > 0 && (
        <ul class="snoozed">
          {snoozed.map((flag) => (
            <li key={flag.id} class="muted">
              {t(FLAG_SHORT_KEYS[flag.kind])} —{' '}
              {flag.snoozedUntil
                ? t('options_flags_snoozed_until', formatDayOfMillis(flag.snoozedUntil))
                : t('options_flags_snoozed')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

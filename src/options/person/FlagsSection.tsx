// The person's flags with their suggested next steps, snooze and dismiss. Closed flags are history and
// are not shown.
import type { Flag } from '../../core/types';
import { t } from '../../ui/i18n';
import { FlagActions, FlagSteps } from '../FlagControls';

export function FlagsSection({ flags }: { flags: Flag[] }) {
  const shown = flags.filter((flag) => flag.state === 'open' || flag.state === 'snoozed');
  if (shown.length === 0) return null;
  return (
    <section class="card flags-card" aria-labelledby="flags-heading">
      <h3 id="flags-heading">{t('options_flags_heading')}</h3>
      <ul class="flags">
        {shown.map((flag) => (
          <li key={flag.id}>
            <p class="flag-title">{t(`flag_${flag.kind}`)}</p>
            <FlagSteps kind={flag.kind} />
            <FlagActions flag={flag} />
          </li>
        ))}
      </ul>
    </section>
  );
}

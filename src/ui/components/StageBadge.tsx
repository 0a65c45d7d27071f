import type { Stage } from '../../core/trust.ts';
import { t } from '../i18n/i18n.ts';
import { STAGE_KEYS } from '../i18n/keys.ts';
import './trust.css';

/** The trust stage as a coloured label; the colour only repeats what the text says. */
export function StageBadge({ stage }: { stage: Stage }) {
  return <span class={`tn-stage tn-stage-${stage}`}>{t(STAGE_KEYS[stage])}</span>;
}

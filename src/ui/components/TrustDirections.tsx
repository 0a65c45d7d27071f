import type { Evaluation, TrustFinding, TrustLevel } from '../../core/trust.ts';
import type { SharedWork } from '../../core/types.ts';
import { type MessageKey, t } from '../i18n/i18n.ts';
import { REASON_KEYS } from '../i18n/keys.ts';
import { EvidenceList } from './EvidenceList.tsx';
import './trust.css';

const LEVEL_KEYS = {
  negative: 'trust_level_negative',
  none: 'trust_level_none',
  proven: 'trust_level_proven',
  tested: 'trust_level_tested',
  untested: 'trust_level_untested',
} as const satisfies Record<TrustLevel, MessageKey>;

function Direction(props: { title: string; finding: TrustFinding; works: readonly SharedWork[] }) {
  const { title, finding, works } = props;
  return (
    <div class={`tn-direction tn-level-${finding.level}`}>
      <h3>{title}</h3>
      <p>
        <strong>{t(LEVEL_KEYS[finding.level])}</strong> — {t(REASON_KEYS[finding.reason])}
      </p>
      <EvidenceList ids={finding.evidence} works={works} />
    </div>
  );
}

/** Both directions of trust: their work I witnessed, and mine that they witnessed, each with its evidence. */
export function TrustDirections({
  evaluation,
  works,
}: {
  evaluation: Evaluation;
  works: readonly SharedWork[];
}) {
  return (
    <section class="tn-directions" aria-label={t('ui_trust_directions')}>
      <Direction title={t('ui_my_trust')} finding={evaluation.myTrust} works={works} />
      <Direction title={t('ui_their_trust')} finding={evaluation.theirTrust} works={works} />
    </section>
  );
}

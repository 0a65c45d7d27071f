import type { Evaluation, TrustFinding } from '../../core/trust.ts';
import type { SharedWork } from '../../core/types.ts';
import { t } from '../i18n/i18n.ts';
import { EvidenceList } from './EvidenceList.tsx';
import './trust.css';

function Direction(props: { title: string; finding: TrustFinding; works: readonly SharedWork[] }) {
  const { title, finding, works } = props;
  return (
    <div class={`tn-direction tn-level-${finding.level}`}>
      <h3>{title}</h3>
      <p>
        <strong>{t(`trust_level_${finding.level}`)}</strong> — {t(`trust_reason_${finding.reason}`)}
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

import { useId } from 'preact/hooks';
import type { Vouch } from '../../core/trust.ts';
import type { SharedWork } from '../../core/types.ts';
import { t } from '../i18n/i18n.ts';
import { REASON_KEYS, STEP_KEYS } from '../i18n/keys.ts';
import { EvidenceList } from './EvidenceList.tsx';
import './trust.css';

/** "Can I vouch for them?": yes only on my own good evidence of their work; otherwise why not and what would help. */
export function VouchBox({ vouch, works }: { vouch: Vouch; works: readonly SharedWork[] }) {
  const titleId = useId();
  return (
    <section class={`tn-vouch ${vouch.canVouch ? 'tn-vouch-yes' : 'tn-vouch-no'}`} aria-labelledby={titleId}>
      <h3 id={titleId}>{t('ui_vouch_question')}</h3>
      <p>
        <strong>{vouch.canVouch ? t('ui_vouch_yes') : t('ui_vouch_no')}</strong> —{' '}
        {t(REASON_KEYS[vouch.reason])}
      </p>
      <EvidenceList ids={vouch.evidence} works={works} />
      {vouch.nextStep ? (
        <p class="tn-next-step">
          <span class="tn-muted">{t('ui_next_step')}</span> {t(STEP_KEYS[vouch.nextStep])}
        </p>
      ) : null}
    </section>
  );
}

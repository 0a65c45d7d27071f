import type { StageResult } from '../../core/trust.ts';
import type { SharedWork } from '../../core/types.ts';
import { t } from '../i18n/i18n.ts';
import { REASON_KEYS } from '../i18n/keys.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { StageBadge } from './StageBadge.tsx';
import './trust.css';

export interface ProfileLink {
  key: string;
  url: string;
}

/** A profile address shown as host and path: no site names to translate, and it says exactly where it points. */
function shortAddress(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return decodeURIComponent(`${parsed.host}${parsed.pathname}`).replace(/\/$/, '');
  } catch {
    return null;
  }
}

/**
 * Who this is, where they are (their linked profiles) and how far trust has come, with the reason. Every string
 * that came from a web page is rendered as text.
 */
export function PersonSummary(props: {
  name: string;
  headline?: string | undefined;
  profiles: readonly ProfileLink[];
  stage: StageResult;
  works: readonly SharedWork[];
  headingId?: string;
}) {
  const { name, headline, profiles, stage, works, headingId } = props;
  const links = profiles.flatMap((profile) => {
    const text = shortAddress(profile.url);
    return text ? [{ key: profile.key, url: profile.url, text }] : [];
  });
  return (
    <section class="tn-summary" aria-labelledby={headingId}>
      <h2 id={headingId} class="tn-name" tabIndex={-1} dir="auto">
        {name}
      </h2>
      {headline ? (
        <p class="tn-headline" dir="auto">
          {headline}
        </p>
      ) : null}
      {links.length > 0 ? (
        <ul class="tn-profiles" aria-label={t('ui_profiles')}>
          {links.map((link) => (
            <li key={link.key}>
              <a href={link.url} target="_blank" rel="noopener noreferrer">
                {link.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="tn-stage-line">
        <span class="tn-muted">{t('ui_stage')}</span> <StageBadge stage={stage.stage} />
      </div>
      {stage.caution ? (
        <div class="tn-caution" role="note">
          <p>{t(REASON_KEYS[stage.caution.reason])}</p>
          <EvidenceList ids={stage.caution.evidence} works={works} />
        </div>
      ) : null}
      <p class="tn-reason">{t(REASON_KEYS[stage.reason])}</p>
      <EvidenceList ids={stage.evidence} works={works} />
    </section>
  );
}

// What a person's own site now says that differs from their record ("LinkedIn now says the name is …"): kept apart
// by the worker (core/pageValues.ts), shown here for the user to take or leave. A page never renames anyone itself.
import { useState } from 'preact/hooks';
import type { PageValueField, Profile } from '../../core/types.ts';
import { db } from '../../db/database.ts';
import { acceptPageValue, declinePageValue } from '../../db/mutations.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { t } from '../i18n/i18n.ts';
import { SITE_KEYS } from '../i18n/keys.ts';
import { personChanged } from './workerNotify.ts';
import '../components/trust.css';

const FIELDS: readonly PageValueField[] = ['name', 'headline', 'location', 'photoUrl'];
/** "LinkedIn now gives the name …", per field but the photo, which is not spelled out. */
const SAYS_KEYS = {
  name: 'ui_page_says_name',
  headline: 'ui_page_says_headline',
  location: 'ui_page_says_location',
} as const satisfies Record<Exclude<PageValueField, 'photoUrl'>, MessageKey>;

/** The sentence for one proposal: the site's name and, but for the photo, what it says. */
function saying(profile: Profile, field: PageValueField, value: string): string {
  const site = t(SITE_KEYS[profile.site]);
  return field === 'photoUrl' ? t('ui_page_says_photo', site) : t(SAYS_KEYS[field], site, value);
}

export function PageSaysNotice(props: { personId: string; profiles: readonly Profile[] }) {
  const { personId, profiles } = props;
  const [status, setStatus] = useState('');
  const proposals = profiles.flatMap((profile) =>
    FIELDS.flatMap((field) => {
      const value = profile.proposed?.[field];
      return value ? [{ profile, field, value }] : [];
    }),
  );
  if (proposals.length === 0 && !status) return null;

  const decide = async (key: string, field: PageValueField, take: boolean) => {
    try {
      if (take) {
        await acceptPageValue(db(), key, field);
        setStatus(t('ui_page_says_taken'));
        await personChanged(personId);
      } else {
        await declinePageValue(db(), key, field);
        setStatus(t('ui_page_says_kept'));
      }
    } catch {
      setStatus(t('ui_page_says_failed'));
    }
  };

  return (
    <div class="tn-page-says">
      {proposals.map(({ profile, field, value }) => {
        const sentence = saying(profile, field, value);
        return (
          <p key={`${profile.key}:${field}`} class="tn-page-says-item" role="note">
            <span dir="auto">{sentence}</span>{' '}
            <button
              type="button"
              class="tn-secondary"
              aria-label={t('ui_page_says_take_label', sentence)}
              onClick={() => decide(profile.key, field, true)}
            >
              {t('ui_page_says_take')}
            </button>{' '}
            <button
              type="button"
              class="tn-secondary"
              aria-label={t('ui_page_says_keep_label', sentence)}
              onClick={() => decide(profile.key, field, false)}
            >
              {t('ui_page_says_keep')}
            </button>
          </p>
        );
      })}
      <span class="tn-status" role="status">
        {status}
      </span>
    </div>
  );
}

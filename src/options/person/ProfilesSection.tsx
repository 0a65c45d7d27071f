// Every profile of the person across sites: open, unlink (with undo), link another by its address, and
// merge two records of the same human into one.
import { useState } from 'preact/hooks';
import { type ProfileRef, profileUrl } from '../../core/identity.ts';
import type { Profile, ProfileSnapshot } from '../../core/types.ts';
import { db } from '../../db/database.ts';
import { linkProfile, mergePeople, unlinkProfile } from '../../db/mutations.ts';
import type { PersonRow } from '../../db/personRow.ts';
import { getPersonByProfileKey } from '../../db/queries.ts';
import { personChanged } from '../../ui/data/workerNotify.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { SITE_KEYS } from '../../ui/i18n/keys.ts';
import { routeHash } from '../route.ts';
import { useOfferUndo } from '../undo.tsx';
import { Dialog } from '../widgets/Dialog.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { addressUrl, profileRefFromAddress } from './profileAddress.ts';

interface Props {
  person: PersonRow;
  profiles: Profile[];
}

function snapshotOf(profile: Profile): ProfileSnapshot {
  const snapshot: ProfileSnapshot = {
    site: profile.site,
    key: profile.key,
    handle: profile.handle,
    url: profile.url,
  };
  if (profile.seenName) snapshot.name = profile.seenName;
  if (profile.seenHeadline) snapshot.headline = profile.seenHeadline;
  return snapshot;
}

export function ProfilesSection({ person, profiles }: Props) {
  const offerUndo = useOfferUndo();
  const unlink = async (profile: Profile) => {
    const removed = await unlinkProfile(db(), profile.key);
    if (!removed) return;
    offerUndo({
      message: t('options_profiles_unlinked', profile.url),
      undo: () => linkProfile(db(), person.id, snapshotOf(removed)),
    });
  };
  return (
    <section class="card" aria-labelledby="profiles-heading">
      <h3 id="profiles-heading">{t('options_profiles_heading')}</h3>
      {profiles.length === 0 ? (
        <p class="muted">{t('options_profiles_none')}</p>
      ) : (
        <ul class="profiles">
          {profiles.map((profile) => (
            <li key={profile.key}>
              <span class="profile-site">{t(SITE_KEYS[profile.site])}</span>
              {/^https?:\/\//.test(profile.url) ? (
                <a href={profile.url} target="_blank" rel="noreferrer noopener">
                  {profile.handle}
                </a>
              ) : (
                <span>{profile.handle}</span>
              )}
              <button
                type="button"
                class="link"
                aria-label={t('options_profiles_unlink_label', t(SITE_KEYS[profile.site]), profile.handle)}
                onClick={() => unlink(profile)}
              >
                {t('options_profiles_unlink')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <LinkProfileForm person={person} />
      <MergeControl person={person} />
    </section>
  );
}

function LinkProfileForm({ person }: { person: PersonRow }) {
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState('');
  const [conflict, setConflict] = useState<{ ref: ProfileRef; url: string; owner: PersonRow } | undefined>();

  const link = async (ref: ProfileRef, url: string) => {
    const canonical = profileUrl(ref.key) ?? url;
    await linkProfile(db(), person.id, { site: ref.site, key: ref.key, handle: ref.handle, url: canonical });
    setAddress('');
    setConflict(undefined);
    setMessage(t('options_profiles_linked'));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    const ref = profileRefFromAddress(address);
    if (!ref) {
      setMessage(t('options_profiles_bad_address'));
      return;
    }
    const url = addressUrl(address);
    const owner = await getPersonByProfileKey(db(), ref.key);
    if (owner?.id === person.id) setMessage(t('options_profiles_already'));
    else if (owner) setConflict({ ref, url, owner });
    else await link(ref, url);
  };

  return (
    <form class="link-profile" onSubmit={submit}>
      <label>
        <span>{t('options_profiles_link_label')}</span>
        <input
          type="text"
          inputMode="url"
          value={address}
          placeholder="https://github.com/…"
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
      </label>
      <button type="submit" disabled={!address.trim()}>
        {t('options_profiles_link')}
      </button>
      <p role="status" class="muted">
        {message}
      </p>
      {conflict && (
        <div class="conflict" role="alert">
          <p>
            {t('options_profiles_owned_by')}{' '}
            <a href={routeHash({ view: 'person', id: conflict.owner.id })}>{conflict.owner.name}</a>
          </p>
          <div class="actions">
            <button type="button" onClick={() => link(conflict.ref, conflict.url)}>
              {t('options_profiles_move_here')}
            </button>
            <button
              type="button"
              onClick={async () => {
                await mergePeople(db(), person.id, conflict.owner.id);
                void personChanged(person.id);
                setConflict(undefined);
                setAddress('');
              }}
            >
              {t('options_merge_into_this', conflict.owner.name)}
            </button>
            <button type="button" class="secondary" onClick={() => setConflict(undefined)}>
              {t('options_cancel')}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

function MergeControl({ person }: { person: PersonRow }) {
  const [picking, setPicking] = useState(false);
  const [other, setOther] = useState<PersonRow | undefined>();
  const [busy, setBusy] = useState(false);
  const merge = async () => {
    if (!other) return;
    setBusy(true);
    try {
      await mergePeople(db(), person.id, other.id);
      void personChanged(person.id);
    } finally {
      setBusy(false);
      setOther(undefined);
      setPicking(false);
    }
  };
  return (
    <div class="merge">
      {picking ? (
        <PersonPicker label={t('options_merge_pick')} excludeId={person.id} onPick={setOther} />
      ) : (
        <button type="button" class="secondary" onClick={() => setPicking(true)}>
          {t('options_merge_start')}
        </button>
      )}
      <Dialog open={other !== undefined} title={t('options_merge_title')} onClose={() => setOther(undefined)}>
        <p>{t('options_merge_explain', other?.name ?? '', person.name)}</p>
        <div class="actions">
          <button type="button" disabled={busy} onClick={merge}>
            {t('options_merge_into_this', other?.name ?? '')}
          </button>
          <button type="button" class="secondary" onClick={() => setOther(undefined)}>
            {t('options_cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

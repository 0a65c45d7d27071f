// The sites Trust Notes runs on: LinkedIn (granted at install), a switch per optional site, and the Mastodon
// instances the user names, each its own host permission. What is on is read from the browser's grants by exact
// pattern (core/sites/instances.ts), not from a setting: the user can take any permission back in the browser's
// own settings (Firefox lists even LinkedIn's as one to switch off), and a broad grant made there (every website)
// turns nothing on by itself.
//
// Permissions are asked for inside the click handler, before any await: browsers grant a permission prompt only
// while the user's click is still being handled.
import { useEffect, useId, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { descriptorOf, INSTANCE_SITE, optionalSites } from '../../core/sites/index.ts';
import {
  grantsFrom,
  instanceOrigin,
  parseInstanceHost,
  type SiteGrants,
} from '../../core/sites/instances.ts';
import type { Site } from '../../core/types.ts';
import { SYNC_SERVER_KEY, syncServerPermission } from '../../sync/serverGrant.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { SITE_KEYS } from '../../ui/i18n/keys.ts';
import type { SectionProps } from './section.ts';

const LINKEDIN_MATCHES = [...descriptorOf('linkedin').matches];

/**
 * The grants now, and again whenever a permission is added or removed (here, in the popup or the browser), less sync's
 * server (granted in an instance's shape, sync/serverGrant.ts).
 */
function useGrants(): SiteGrants | undefined {
  const [grants, setGrants] = useState<SiteGrants | undefined>();
  useEffect(() => {
    let live = true;
    const check = async () => {
      const [{ origins = [] }, server] = await Promise.all([
        browser.permissions.getAll(),
        syncServerPermission(),
      ]);
      if (live) setGrants(grantsFrom(origins, server ? [server] : []));
    };
    const serverChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_SERVER_KEY in changes) void check();
    };
    void check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    browser.storage.onChanged.addListener(serverChanged);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
      browser.storage.onChanged.removeListener(serverChanged);
    };
  }, []);
  return grants;
}

export function SiteSettings({ settings, onSave, onStatus }: SectionProps) {
  const grants = useGrants();
  const granted = grants && new Set<Site>(grants.sites);
  const linkedInGranted = granted?.has('linkedin') ?? true;
  const linkedInHintId = useId();
  const askForLinkedIn = (event: Event) => {
    // The box shows the grant once it comes (permissions.onAdded), not the click.
    const asked = browser.permissions.request({ origins: LINKEDIN_MATCHES });
    (event.currentTarget as HTMLInputElement).checked = false;
    void asked.then(
      (ok) => {
        if (!ok) onStatus(t('settings_site_denied', t('options_site_linkedin')));
      },
      () => onStatus(t('settings_site_denied', t('options_site_linkedin'))),
    );
  };
  const toggle = (site: Site, matches: string[]) => (event: Event) => {
    const on = (event.currentTarget as HTMLInputElement).checked;
    const others = settings.enabledSites.filter((s) => s !== site);
    if (!on) {
      void browser.permissions.remove({ origins: matches }).then(
        () => onSave({ enabledSites: others }),
        () => onSave({ enabledSites: others }),
      );
      return;
    }
    const asked = browser.permissions.request({ origins: matches });
    void asked.then(
      async (ok) => {
        if (ok) await onSave({ enabledSites: [...others, site] });
        else onStatus(t('settings_site_denied', t(SITE_KEYS[site])));
      },
      () => onStatus(t('settings_site_denied', t(SITE_KEYS[site]))),
    );
  };
  return (
    <fieldset class="card">
      <legend>{t('settings_sites_legend')}</legend>
      <p class="muted">{t('settings_sites_hint')}</p>
      {/* LinkedIn is always on, unless its permission was taken back: then it can be asked for again. */}
      <label class="checkbox">
        <input
          type="checkbox"
          checked={linkedInGranted}
          disabled={linkedInGranted}
          aria-describedby={linkedInGranted ? undefined : linkedInHintId}
          onChange={askForLinkedIn}
        />
        <span>{t('options_site_linkedin')}</span>
      </label>
      {!linkedInGranted && (
        <p id={linkedInHintId} class="muted">
          {t('settings_linkedin_not_granted')}
        </p>
      )}
      {optionalSites().map(({ site, matches }) => (
        <label key={site} class="checkbox">
          <input
            type="checkbox"
            checked={granted?.has(site) ?? settings.enabledSites.includes(site)}
            onChange={toggle(site, matches)}
          />
          <span>{t(SITE_KEYS[site])}</span>
        </label>
      ))}
      {INSTANCE_SITE ? (
        <InstanceSettings site={INSTANCE_SITE} instances={grants?.instances} onStatus={onStatus} />
      ) : null}
    </fieldset>
  );
}

/**
 * Mastodon: any server can be an instance, so the user names each one (`mastodon.social`), and each is asked for
 * as `https://<host>/*` and nothing wider. Removing one gives its permission back.
 */
function InstanceSettings(props: {
  site: Site;
  instances: readonly string[] | undefined;
  onStatus: (text: string) => void;
}) {
  const { site, instances, onStatus } = props;
  const [typed, setTyped] = useState('');
  const [error, setError] = useState('');
  const fieldId = useId();
  const errorId = useId();
  const siteName = t(SITE_KEYS[site]);

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = parseInstanceHost(typed);
    if ('refused' in parsed) {
      setError(
        parsed.refused === 'namedSite'
          ? t('settings_instance_named_site', typed.trim())
          : t('settings_instance_invalid', typed.trim()),
      );
      return;
    }
    setError('');
    // Inside the submit, before any await.
    const asked = browser.permissions.request({ origins: [instanceOrigin(parsed.host)] });
    void asked.then(
      (ok) => {
        if (ok) {
          setTyped('');
          onStatus(t('settings_instance_added', parsed.host));
        } else onStatus(t('settings_site_denied', parsed.host));
      },
      () => onStatus(t('settings_site_denied', parsed.host)),
    );
  };
  const remove = (host: string) => {
    void browser.permissions.remove({ origins: [instanceOrigin(host)] }).then(
      (ok) => onStatus(t(ok ? 'settings_instance_removed' : 'settings_instance_not_removed', host)),
      () => onStatus(t('settings_instance_not_removed', host)),
    );
  };

  return (
    <div class="instances">
      <h3>{siteName}</h3>
      <p class="muted">{t('settings_instances_hint')}</p>
      {instances && instances.length > 0 ? (
        <ul class="instance-list" aria-label={t('settings_instances_list', siteName)}>
          {instances.map((host) => (
            <li key={host}>
              <span dir="ltr">{host}</span>{' '}
              <button
                type="button"
                class="link"
                aria-label={t('settings_instance_remove_label', host)}
                onClick={() => remove(host)}
              >
                {t('settings_instance_remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('settings_instances_none')}</p>
      )}
      <form class="instance-add" onSubmit={add} noValidate>
        <label for={fieldId}>{t('settings_instance_field')}</label>
        <input
          id={fieldId}
          type="text"
          dir="ltr"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="mastodon.social"
          maxLength={300}
          value={typed}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
        <button type="submit">{t('settings_instance_add')}</button>
        {error ? (
          <p id={errorId} class="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </div>
  );
}

// Adapter health on the options page: the profile pages of the last 30 days where a field the site always shows
// could not be read, with the last address and the missing fields (kept by the worker in storage.local).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { HEALTH_KEY, recentUnreadPages, type UnreadPage } from '../../core/adapterHealth.ts';
import { t } from '../../ui/i18n/i18n.ts';
import { SITE_KEYS } from '../../ui/i18n/keys.ts';
import { formatDayOfMillis, formatFieldList } from '../../ui/i18n/locale.ts';

/** The list, kept current as the worker adds pages. */
function useUnreadPages(): UnreadPage[] | undefined {
  const [pages, setPages] = useState<UnreadPage[] | undefined>();
  useEffect(() => {
    let live = true;
    const read = async () => {
      const stored = (await browser.storage.local.get(HEALTH_KEY))[HEALTH_KEY];
      if (live) setPages(recentUnreadPages(stored, Date.now()));
    };
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && HEALTH_KEY in changes) void read();
    };
    void read();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return pages;
}

export function AdapterHealth() {
  const pages = useUnreadPages();
  if (pages === undefined) return null;
  return (
    <fieldset class="card adapter-health">
      <legend>{t('options_health_legend')}</legend>
      <p class="muted">{t('options_health_hint')}</p>
      {pages.length === 0 ? (
        <p class="adapter-health-empty">{t('options_health_empty')}</p>
      ) : (
        <>
          <ul class="adapter-health-list">
            {pages.map((page) => (
              <li key={page.key}>
                <span>{t(SITE_KEYS[page.site])}</span>{' '}
                <a href={page.url} target="_blank" rel="noopener noreferrer" dir="ltr">
                  {page.url}
                </a>
                <br />
                <span class="adapter-health-missing">
                  {t('options_health_missing', formatFieldList(page.missing))}
                </span>{' '}
                <span class="muted">{t('options_health_seen', formatDayOfMillis(page.at))}</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void browser.storage.local.remove(HEALTH_KEY)}>
            {t('options_health_clear')}
          </button>
        </>
      )}
    </fieldset>
  );
}

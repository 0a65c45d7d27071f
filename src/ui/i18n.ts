import browser from 'webextension-polyfill';
import { type Catalog, formatMessage } from '../core/messageFormat.ts';
import type { Language } from '../core/types.ts';

// Strings come only from public/_locales. By default the browser's UI language picks the catalog
// (browser.i18n). When the user chooses a language in settings, that locale's messages.json is read
// from the extension package instead: browser.i18n cannot switch locale at run time.

let override: { lang: 'en' | 'ar'; catalog: Catalog; fallback: Catalog } | null = null;

async function loadCatalog(lang: string): Promise<Catalog> {
  const res = await fetch(browser.runtime.getURL(`_locales/${lang}/messages.json`));
  return (await res.json()) as Catalog;
}

/** Applies the language setting; call before the first render. */
export async function initI18n(language: Language = 'auto'): Promise<void> {
  // Anything but a language with a catalog (a value from a damaged database), or a catalog that cannot be
  // read, is the browser's language: the page must still come up.
  if (language !== 'en' && language !== 'ar') {
    override = null;
  } else {
    try {
      const [catalog, fallback] = await Promise.all([loadCatalog(language), loadCatalog('en')]);
      override = { lang: language, catalog, fallback };
    } catch {
      override = null;
    }
  }
  applyDocumentLanguage(document.documentElement);
}

/** Looks up a UI string; `$1`…`$9` in the message are replaced by `subs`. */
export function t(key: string, ...subs: (string | number)[]): string {
  if (override) {
    const entry = override.catalog[key] ?? override.fallback[key];
    return entry ? formatMessage(entry, subs) : key;
  }
  const text = browser.i18n.getMessage(key, subs.map(String));
  return text || key;
}

export function uiLanguage(): string {
  return override?.lang ?? browser.i18n.getUILanguage();
}

export function isRtl(): boolean {
  return t('app_dir') === 'rtl';
}

/** Sets lang and dir so Arabic renders right to left with logical CSS properties. */
export function applyDocumentLanguage(el: HTMLElement): void {
  el.lang = uiLanguage();
  el.dir = isRtl() ? 'rtl' : 'ltr';
}

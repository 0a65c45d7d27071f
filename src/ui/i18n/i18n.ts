// t() for the extension pages: the strings of the user's language setting (catalog.ts), and the document's
// language and direction to match.
import type { Language } from '../../core/types.ts';
import { browserText, type MessageKey, type Sub, type Text, textFor } from './catalog.ts';

export type { MessageKey } from './catalog.ts';

/** Until initI18n has run: the browser's language. */
let current: Text | undefined;
const text = (): Text => {
  current ??= browserText();
  return current;
};

/** Applies the language setting; call before the first render. */
export async function initI18n(language: Language = 'auto'): Promise<void> {
  current = await textFor(language);
  applyDocumentLanguage(document.documentElement);
}

/** Looks up a UI string; `$1`…`$9` in the message are replaced by `subs`. */
export function t(key: MessageKey, ...subs: Sub[]): string {
  return text().t(key, ...subs);
}

export function uiLanguage(): string {
  return text().lang;
}

export function isRtl(): boolean {
  return t('app_dir') === 'rtl';
}

/** Sets lang and dir so Arabic renders right to left with logical CSS properties. */
export function applyDocumentLanguage(el: HTMLElement): void {
  el.lang = uiLanguage();
  el.dir = isRtl() ? 'rtl' : 'ltr';
}

import type { ComponentChild } from 'preact';
import { render } from 'preact';
import type { Language } from '../../core/types.ts';
import { applyDocumentLanguage, initI18n, t } from '../i18n/i18n.ts';
import './theme.css';

/**
 * Common start-up of every extension page: language, direction, title, then the Preact tree.
 * `language` is the user's setting (read from the database by pages that have it); default: the browser's.
 * No database here: the popup renders its first screen before Dexie has loaded. Pages that open the
 * database with Dexie call `reloadOnVersionChange` themselves.
 */
export async function boot(
  titleKey: string,
  app: () => ComponentChild,
  language: Language | Promise<Language> = 'auto',
): Promise<void> {
  await initI18n(await language);
  applyDocumentLanguage(document.documentElement);
  document.title = t(titleKey);
  const root = document.getElementById('app');
  if (root) render(app(), root);
}

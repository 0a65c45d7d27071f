import type { ComponentChild } from 'preact';
import { render } from 'preact';
import type { Language } from '../core/types.ts';
import { db } from '../db/database.ts';
import { reloadOnVersionChange } from '../db/versionChange.ts';
import { applyDocumentLanguage, initI18n, t } from './i18n.ts';
import './theme.css';

/**
 * Common start-up of every extension page: language, direction, title, then the Preact tree.
 * `language` is the user's setting (read from the database by pages that have it); default: the browser's.
 */
export async function boot(
  titleKey: string,
  app: () => ComponentChild,
  language: Language | Promise<Language> = 'auto',
): Promise<void> {
  await initI18n(await language);
  applyDocumentLanguage(document.documentElement);
  document.title = t(titleKey);
  // An extension update that upgrades the schema must not wait on this page, nor run under its old code.
  reloadOnVersionChange(db());
  const root = document.getElementById('app');
  if (root) render(app(), root);
}

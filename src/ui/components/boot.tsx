import type { ComponentChild } from 'preact';
import { render } from 'preact';
import type { Language } from '../../core/types.ts';
import { applyDocumentLanguage, initI18n, type MessageKey, t } from '../i18n/i18n.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import './theme.css';

/**
 * Common start-up of every extension page: language, direction, title, then the Preact tree.
 * `language` is the user's setting (read from the database by pages that have it); default: the browser's.
 * No database here: the popup renders its first screen before Dexie has loaded. Pages that open the
 * database with Dexie call `reloadOnVersionChange` themselves.
 */
export async function boot(
  titleKey: MessageKey,
  app: () => ComponentChild,
  language: Language | Promise<Language> = 'auto',
): Promise<void> {
  await initI18n(await language);
  applyDocumentLanguage(document.documentElement);
  document.title = t(titleKey);
  const root = document.getElementById('app');
  // The last line of defence: whatever fails below, the page says so instead of going blank.
  if (root) render(<ErrorBoundary part="ui_part_page">{app()}</ErrorBoundary>, root);
}

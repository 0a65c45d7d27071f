import type { ComponentChild } from 'preact';
import { render } from 'preact';
import { applyDocumentLanguage, initI18n, t } from './i18n.ts';
import './theme.css';

/** Common start-up of every extension page: language, direction, title, then the Preact tree. */
export async function boot(titleKey: string, app: () => ComponentChild): Promise<void> {
  await initI18n();
  applyDocumentLanguage(document.documentElement);
  document.title = t(titleKey);
  const root = document.getElementById('app');
  if (root) render(app(), root);
}

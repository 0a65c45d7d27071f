import type { SyncErrorCode } from '../../sync/errors';
import { t } from '../../ui/i18n';

/** A sync error's sentence, which says what to do. */
export function syncErrorText(code: SyncErrorCode): string {
  return t(`sync_error_${code}`);
}

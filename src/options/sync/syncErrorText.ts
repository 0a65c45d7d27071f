import type { SyncErrorCode } from '../../sync/errors.ts';
import { type MessageKey, t } from '../../ui/i18n/i18n.ts';

const ERROR_KEYS = {
  unreachable: 'sync_error_unreachable',
  notCouch: 'sync_error_notCouch',
  unauthorized: 'sync_error_unauthorized',
  forbidden: 'sync_error_forbidden',
  noDatabase: 'sync_error_noDatabase',
  wrongPassphrase: 'sync_error_wrongPassphrase',
  passphraseMismatch: 'sync_error_passphraseMismatch',
  passphraseWeak: 'sync_error_passphraseWeak',
  badAddress: 'sync_error_badAddress',
  noPermission: 'sync_error_noPermission',
  newerVersion: 'sync_error_newerVersion',
  undecryptable: 'sync_error_undecryptable',
  keyCheck: 'sync_error_keyCheck',
  storage: 'sync_error_storage',
  notConfigured: 'sync_error_notConfigured',
  failed: 'sync_error_failed',
} as const satisfies Record<SyncErrorCode, MessageKey>;

/** A sync error's sentence, which says what to do. */
export function syncErrorText(code: SyncErrorCode): string {
  return t(ERROR_KEYS[code]);
}

// What can go wrong with sync, as codes the pages turn into sentences that say what to do (`sync_error_<code>`).

export type SyncErrorCode =
  /** No answer: the server is down, the address is wrong, or this device is offline. Retried on its own. */
  | 'unreachable'
  /** The address answers, but not as a CouchDB server. */
  | 'notCouch'
  /** The server refused the user name or password. */
  | 'unauthorized'
  /** The account may not read or write that database. */
  | 'forbidden'
  /** No database at that address, and this account may not create one. */
  | 'noDatabase'
  /** The passphrase does not open this ledger. */
  | 'wrongPassphrase'
  /** The first device's passphrase and its repetition differ. */
  | 'passphraseMismatch'
  /** The passphrase is too short to protect the ledger. */
  | 'passphraseWeak'
  /** The address is not https (or a loopback address), or not an address at all. */
  | 'badAddress'
  /** The browser's permission to reach the server was refused or taken back. */
  | 'noPermission'
  /** The server holds something this version cannot read: a newer Trust Notes wrote it. */
  | 'newerVersion'
  /** Documents that do not decrypt with this ledger's key: another ledger shares the database, or they were damaged. */
  | 'undecryptable'
  /** The ledger's key check document on the server is damaged or missing while documents exist. */
  | 'keyCheck'
  /** This device's storage is full. */
  | 'storage'
  /** Sync is not set up on this device. */
  | 'notConfigured'
  | 'failed';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SyncError';
  }
}

/** PouchDB's errors (HTTP statuses, fetch failures) and the browser's, as codes. */
export function syncErrorOf(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const e = error as { status?: number; name?: string; message?: string; reason?: string } | undefined;
  const text = `${e?.name ?? ''} ${e?.message ?? ''} ${e?.reason ?? ''}`.trim();
  if (e?.name === 'QuotaExceededError' || /quota/i.test(text)) return new SyncError('storage', text);
  switch (e?.status) {
    case 401:
      return new SyncError('unauthorized', text);
    case 403:
      return new SyncError('forbidden', text);
    case 404:
      return new SyncError('noDatabase', text);
  }
  // fetch's own failure (refused, reset, DNS, offline: a TypeError in browsers, a FetchError in Node), or a server
  // in trouble (5xx): both are retried later.
  if (e?.status === undefined || e.status === 0 || e.status >= 500) {
    if (e?.status || /fetch|network|ECONN|socket|aborting|NetworkError|terminated/i.test(text)) {
      return new SyncError('unreachable', text);
    }
  }
  return new SyncError('failed', text || String(error));
}

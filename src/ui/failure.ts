// What went wrong, in words a user can act on. A page part that fails shows one of these instead of blanking
// (ErrorBoundary.tsx); the error's own name and message follow, for a bug report.

export type FailureKind =
  /** The browser would not open the database here: storage denied to this frame (partitioning turned off, a policy). */
  | 'storageBlocked'
  /** The database is at a newer version than this code: a downgrade, or an update half applied. */
  | 'storageNewer'
  /** No space left. */
  | 'storageFull'
  /** Anything else: most likely a record holding a value this page cannot show. */
  | 'render';

/** The error and the errors it wraps (Dexie puts the browser's error in `inner`). */
function* chain(error: unknown): Generator<{ name?: unknown; message?: unknown }> {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    yield e as { name?: unknown; message?: unknown };
    e = (e as { inner?: unknown }).inner;
  }
}

export function failureKind(error: unknown): FailureKind {
  const names = [...chain(error)].map((e) => String(e.name));
  if (names.includes('VersionError')) return 'storageNewer';
  if (names.includes('QuotaExceededError')) return 'storageFull';
  // Chromium answers a frame denied storage with UnknownError (or SecurityError), which Dexie wraps in
  // OpenFailedError; a database closed under the page is DatabaseClosedError.
  if (
    names.some((n) =>
      ['OpenFailedError', 'DatabaseClosedError', 'SecurityError', 'UnknownError', 'MissingAPIError'].includes(
        n,
      ),
    )
  ) {
    return 'storageBlocked';
  }
  return 'render';
}

/** `Name: message` of the innermost error, short, for the user to quote in a bug report. */
export function failureDetail(error: unknown): string {
  const errors = [...chain(error)];
  const innermost = errors[errors.length - 1];
  if (!innermost) return String(error);
  const text = `${String(innermost.name ?? 'Error')}: ${String(innermost.message ?? '')}`;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

// What went wrong, in words a user can act on. A page part that fails shows one of these instead of blanking
// (ErrorBoundary.tsx); the error's own name and message follow, for a bug report.

export type FailureKind =
  /** The browser would not open the database here: storage denied to this frame (site data blocked, a policy). */
  | 'storageBlocked'
  /** The database is at a newer version, or lacks tables, than this code: a downgrade. */
  | 'storageNewer'
  /** No space left. */
  | 'storageFull'
  /** The database would not open for another reason: a damaged backing store, an I/O error. */
  | 'storageFailed'
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
  const errors = [...chain(error)];
  const names = errors.map((e) => String(e.name));
  // A lower version than the database's, or tables it no longer has: a newer Trust Notes changed it.
  if (names.some((n) => ['VersionError', 'InvalidTableError', 'NotFoundError', 'UpgradeError'].includes(n))) {
    return 'storageNewer';
  }
  if (names.includes('QuotaExceededError')) return 'storageFull';
  // Chromium answers a frame denied storage with UnknownError "The user denied permission to access the
  // database", and a damaged store with UnknownError "Internal error opening backing store"; Dexie wraps either
  // in OpenFailedError. A database closed under the page is DatabaseClosedError.
  if (names.includes('SecurityError') || errors.some((e) => /denied permission/i.test(String(e.message)))) {
    return 'storageBlocked';
  }
  // Written as a pattern: this module is in the popup's first screen, whose build is checked for Dexie's error
  // class names (test/e2e/popup.e2e.ts); it only reads an error's name.
  if (names.some((n) => /^(OpenFailed|DatabaseClosed|Unknown|MissingAPI)Error$/.test(n)))
    return 'storageFailed';
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

// Every io entry point returns a Result instead of throwing, so the UI can map `error.code`
// to the `import_error_<code>` / `backup_error_<code>` locale keys without parsing messages.

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

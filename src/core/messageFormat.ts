// The Chrome i18n message format (messages.json), for when the extension reads a locale's catalog itself: the
// user chose a language other than the browser's, and browser.i18n cannot switch locale at run time.

export interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type Catalog = Record<string, CatalogEntry | undefined>;

/** Named placeholders ($COUNT$) resolve to their content ($1) first, then $1…$9 to `subs`, as browser.i18n does. */
export function formatMessage(entry: CatalogEntry, subs: readonly (string | number)[]): string {
  return entry.message
    .replace(
      /\$(\w+)\$/g,
      (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole,
    )
    .replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/** The message for `key` in the first catalog that has it, formatted; undefined when none has it. */
export function messageIn(
  catalogs: readonly Catalog[],
  key: string,
  subs: readonly (string | number)[],
): string | undefined {
  for (const catalog of catalogs) {
    const entry = catalog[key];
    if (entry) return formatMessage(entry, subs);
  }
  return undefined;
}

/**
 * Whole-file import failures. Each code has an `import_error_<code>` locale key that says what to do.
 * Nothing is written to the database when any of these occurs.
 */
export type ImportErrorCode =
  /** The file has no bytes, or only whitespace. */
  | 'empty'
  /** HTML, a spreadsheet or other binary data saved with a .csv name. */
  | 'notCsv'
  /** UTF-16 or UTF-32 without a byte-order mark, or another encoding we cannot read. */
  | 'unsupportedEncoding'
  /** No row with LinkedIn's columns (First Name, Last Name, ...) near the top of the file. */
  | 'headerMissing'
  /** The header is there, but no connection rows follow it. */
  | 'noConnections'
  /** Larger than any real LinkedIn export: probably the wrong file. */
  | 'tooLarge'
  /** The browser could not read the file (moved, deleted, permission). */
  | 'readFailed'
  /** Not a zip archive. */
  | 'notZip'
  /** A damaged or unsupported zip (truncated, encrypted), or an entry longer or shorter than it declared. */
  | 'zipCorrupt'
  /** The chosen file inside the zip declares a size far above any real export; nothing was inflated. */
  | 'zipEntryTooLarge'
  /** The chosen file inside the zip is compressed far more than real text can be: a zip bomb. */
  | 'zipTooCompressed'
  /** The zip's directory lists far more files than any LinkedIn export. */
  | 'zipTooManyEntries'
  /** A CSV that is none of the files of LinkedIn's export the import reads. */
  | 'archiveUnknownFile'
  /** A zip with none of the files of LinkedIn's export the import reads. */
  | 'archiveNothing'
  /** The database refused the write; it was rolled back and nothing changed. */
  | 'commitFailed';

export interface ImportError {
  code: ImportErrorCode;
  /** Technical detail for logs and bug reports; never shown instead of the localised message. */
  detail?: string;
}

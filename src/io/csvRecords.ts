// A LinkedIn export CSV as records with named fields, found by their header: the header row may follow a preamble
// ("Notes:" in Connections.csv), names may be in any case, quoted or padded, and a spreadsheet re-save renames a
// repeated header "Creation Date.1" (pandas, Excel's import). Fields are looked up by any of their known names.
import Papa from 'papaparse';

export interface HeaderSpec<K extends string> {
  /** Each field's possible header names, lower case, single spaces. */
  columns: Record<K, readonly string[]>;
  /** The header is the first record naming all of these. */
  required: readonly K[];
}

export type CsvRecord<K extends string> = Partial<Record<K, string>>;

// Preambles are a handful of lines; a file with no header after this many records is not the file we want.
const MAX_PREAMBLE_RECORDS = 50;

export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\ufeff/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

// Every field of every record passes through these two: indexed loops, because `for…of` made an iterator result per
// field here (58 MB of garbage reading the bench's 46 MB messages.csv, by a sampling heap profile).
function countNewlines(fields: string[]): number {
  let n = 0;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * Where each field is in a header row, or undefined if the row is not the header. A name written exactly wins
 * over the same name with a re-save's ".1" suffix; the suffixed one is used when the plain one is missing.
 */
export function headerIndex<K extends string>(
  fields: readonly string[],
  spec: HeaderSpec<K>,
): Partial<Record<K, number>> | undefined {
  const cells = fields.map(normaliseHeader);
  const index: Partial<Record<K, number>> = {};
  const keys = Object.keys(spec.columns) as K[];
  for (const pass of ['exact', 'suffixed'] as const) {
    cells.forEach((cell, i) => {
      const name = pass === 'exact' ? cell : cell.replace(/\.\d+$/, '');
      if (pass === 'suffixed' && name === cell) return;
      const key = keys.find((k) => spec.columns[k].includes(name));
      if (key !== undefined && index[key] === undefined) index[key] = i;
    });
  }
  return spec.required.every((key) => index[key] !== undefined) ? index : undefined;
}

/** A record re-serialised as one CSV line, for the review step's list of set-aside rows. */
export function rawRecord(fields: readonly string[]): string {
  return Papa.unparse([fields], { newline: '\n' });
}

/** True when some field has more than white space. */
function hasText(fields: readonly string[]): boolean {
  for (let f = 0; f < fields.length; f++) if (fields[f]!.trim() !== '') return true;
  return false;
}

/**
 * Incremental reader over Papa's record batches (a push parser's sink): finds the header, then hands every
 * non-blank record to `onRecord` with its fields by name (trimmed), its physical line and its fields as read (for
 * `rawRecord`, which a reader calls only for a record it sets aside: formatting every record was a large share of
 * a big messages.csv's parse).
 */
export class CsvRecordReader<K extends string> {
  columns: Partial<Record<K, number>> | undefined;
  /** The columns' keys and indexes, made once: every record of hundreds of thousands reads them. */
  private keys: K[] = [];
  private indexes: number[] = [];
  headerWidth = 0;
  records = 0;
  private preamble = 0;
  private nextLine = 1;

  constructor(
    private readonly spec: HeaderSpec<K>,
    private readonly onRecord: (record: CsvRecord<K>, line: number, fields: readonly string[]) => void,
  ) {}

  /** Returns false when no header came within the preamble's length: not this kind of file. */
  read(batch: string[][]): boolean {
    const keys = this.keys;
    const indexes = this.indexes;
    for (let r = 0; r < batch.length; r++) {
      const fields = batch[r]!;
      const line = this.nextLine;
      this.nextLine += 1 + countNewlines(fields);
      if (fields.length === 1 && fields[0]!.trim() === '') continue;
      if (this.columns === undefined) {
        this.columns = headerIndex(fields, this.spec);
        if (this.columns !== undefined) {
          this.headerWidth = fields.length;
          for (const [key, i] of Object.entries(this.columns) as [K, number][]) {
            keys.push(key);
            indexes.push(i);
          }
        } else if (++this.preamble > MAX_PREAMBLE_RECORDS) return false;
        continue;
      }
      if (!hasText(fields)) continue;
      // Every key is set, empty ones to undefined, always in the same order: every record then has the same
      // shape, and the readers' property reads stay fast (records of varying keys made them slow lookups).
      const record: CsvRecord<K> = {};
      for (let c = 0; c < keys.length; c++) {
        const value = (fields[indexes[c]!] ?? '').trim();
        record[keys[c]!] =
          value === '' ? undefined : value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
      }
      this.records++;
      this.onRecord(record, line, fields);
    }
    return true;
  }
}

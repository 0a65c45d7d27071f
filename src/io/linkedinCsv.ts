import Papa from 'papaparse';
import { profileFromUrl } from '../core/identity.ts';
import type { PartialDate, ProfileKey } from '../core/types.ts';
import { readConnectedOn } from './connectedOnDate.ts';
import type { ImportError } from './importErrors.ts';
import { parseCsvChunks } from './papaStream.ts';
import { fail, ok, type Result } from './result.ts';
import { blobTextChunks, sniffEncoding, stringTextChunks, type TextChunk } from './textChunks.ts';

/** One accepted connection from Connections.csv. Strings are trimmed; empty ones are left out. */
export interface ConnectionRow {
  /** 1-based physical line where the record starts, as an editor shows it. */
  line: number;
  firstName: string;
  lastName: string;
  /** "First Last"; for rows LinkedIn left nameless, a name read from the profile URL (see nameFromUrl). */
  name: string;
  /** True when the file had no name and `name` was read from the URL's slug ("jane-doe-1a2b" → "Jane Doe"). */
  nameFromUrl?: boolean;
  url?: string;
  /** Canonical profile key of `url`, e.g. `linkedin:jane-doe-1a2b`. */
  key?: ProfileKey;
  /** The normalised handle of `key`. */
  handle?: string;
  email?: string;
  company?: string;
  position?: string;
  connectedOn?: PartialDate;
}

/** Why a record was not accepted; each has an `import_reject_<code>` locale key. */
export type RejectCode =
  /** Only commas or spaces. */
  | 'emptyRow'
  /** More or fewer columns than the header: an unquoted comma or a cut line shifted the fields. */
  | 'columnCount'
  /** Neither a name nor a URL: nothing to identify the person by. */
  | 'noNameNoUrl'
  /** A URL that is not a readable LinkedIn profile address. */
  | 'badUrl'
  /** The same profile appears earlier in the file (see `firstLine`). */
  | 'duplicateUrl';

export interface RejectedRow {
  line: number;
  reason: RejectCode;
  /** The record re-serialised as one CSV line (quoted as needed), for the preview table. */
  raw: string;
  /** For `duplicateUrl`: the line of the record that was kept. */
  firstLine?: number;
}

/** Accepted, but something could not be read. */
export interface RowWarning {
  line: number;
  code: 'datePartial' | 'dateUnreadable';
  value: string;
}

export interface ParsedImport {
  rows: ConnectionRow[];
  rejected: RejectedRow[];
  warnings: RowWarning[];
  /** Older exports have no URL column; their rows can only be matched by name. */
  hasUrlColumn: boolean;
  /** Records after the header: rows.length + rejected.length. Blank lines are not records. */
  recordCount: number;
}

export interface ParseProgress {
  bytesRead: number;
  totalBytes: number;
  /** Records read after the header so far. */
  records: number;
}

type Column = 'firstName' | 'lastName' | 'url' | 'email' | 'company' | 'position' | 'connectedOn';

const COLUMN_BY_HEADER: ReadonlyMap<string, Column> = new Map([
  ['first name', 'firstName'],
  ['last name', 'lastName'],
  ['url', 'url'],
  ['profile url', 'url'],
  ['email address', 'email'],
  ['email', 'email'],
  ['company', 'company'],
  ['position', 'position'],
  ['connected on', 'connectedOn'],
]);

// The preamble ("Notes:" and a paragraph about e-mail addresses) is a handful of lines; a file
// with no header after this many records is not a Connections.csv.
const MAX_PREAMBLE_RECORDS = 50;

// A real export is about 100 bytes a row and capped at 30,000 connections: this is 100x that.
export const MAX_CSV_BYTES = 300 * 1024 * 1024;

type Rejection = Pick<RejectedRow, 'reason' | 'firstLine'>;

type ColumnIndex = Partial<Record<Column, number>>;

/** The header is the first record naming both name columns and at least one other LinkedIn column. */
function headerColumns(fields: string[]): ColumnIndex | undefined {
  const index: ColumnIndex = {};
  fields.forEach((field, i) => {
    const column = COLUMN_BY_HEADER.get(
      field
        .replace(/^\ufeff/, '')
        .trim()
        .replace(/\s+/g, ' ')
        .toLowerCase(),
    );
    if (column !== undefined && index[column] === undefined) index[column] = i;
  });
  const found = Object.keys(index).length;
  return index.firstName !== undefined && index.lastName !== undefined && found >= 3 ? index : undefined;
}

/** "jane-doe-1a2b3c" → "Jane Doe": drop LinkedIn's trailing id segments, capitalise the words. */
export function nameFromSlug(handle: string): string {
  let slug = handle;
  try {
    slug = decodeURIComponent(handle);
  } catch {
    // A malformed escape: keep the handle as it is.
  }
  const words = slug.split(/[-_]+/).filter((w) => w !== '');
  while (words.length > 1 && /\d/.test(words[words.length - 1]!)) words.pop();
  const name = words.map((w) => w.charAt(0).toLocaleUpperCase() + w.slice(1)).join(' ');
  return name === '' ? handle : name;
}

function countNewlines(fields: string[]): number {
  let n = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  }
  return n;
}

const hasText = (field: string) => /\S/.test(field);

function withScheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
}

/** Incremental state of one parse: header detection, line numbers, duplicate keys. */
class ConnectionsCsvReader {
  columns: ColumnIndex | undefined;
  headerWidth = 0;
  preambleRecords = 0;
  nextLine = 1;
  readonly rows: ConnectionRow[] = [];
  readonly rejected: RejectedRow[] = [];
  readonly warnings: RowWarning[] = [];
  private readonly lineOfKey = new Map<ProfileKey, number>();

  get recordCount(): number {
    return this.rows.length + this.rejected.length;
  }

  /** Returns false when the file is clearly not a Connections.csv, to stop reading early. */
  read(records: string[][]): boolean {
    for (const fields of records) {
      const line = this.nextLine;
      this.nextLine += 1 + countNewlines(fields);
      if (fields.length === 1 && fields[0]!.trim() === '') continue;
      if (this.columns === undefined) {
        this.columns = headerColumns(fields);
        if (this.columns !== undefined) this.headerWidth = fields.length;
        else if (++this.preambleRecords > MAX_PREAMBLE_RECORDS) return false;
        continue;
      }
      const outcome = this.record(line, fields);
      if ('reason' in outcome) {
        const raw = Papa.unparse([fields], { newline: '\n' });
        this.rejected.push({ line, raw, ...outcome });
      } else {
        this.rows.push(outcome);
      }
    }
    return true;
  }

  /** Reads one record after the header into an accepted row, or the reason it is rejected. */
  private record(line: number, fields: string[]): ConnectionRow | Rejection {
    const columns = this.columns!;
    const cell = (column: Column): string => {
      const i = columns[column];
      const value = i === undefined ? '' : (fields[i] ?? '').trim();
      return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
    };
    if (!fields.some(hasText)) return { reason: 'emptyRow' };
    // Extra trailing empty cells (a spreadsheet's ",,,") are harmless; anything else shifted the columns.
    let extraFilled = false;
    for (let i = this.headerWidth; i < fields.length; i++) extraFilled ||= hasText(fields[i]!);
    if (fields.length < this.headerWidth || extraFilled) return { reason: 'columnCount' };

    const firstName = cell('firstName');
    const lastName = cell('lastName');
    const url = cell('url');
    let name = [firstName, lastName].filter((s) => s !== '').join(' ');
    const row: ConnectionRow = { line, firstName, lastName, name };

    if (url !== '') {
      const profile = profileFromUrl(withScheme(url));
      if (profile === null || profile.site !== 'linkedin') return { reason: 'badUrl' };
      const firstLine = this.lineOfKey.get(profile.key);
      if (firstLine !== undefined) return { reason: 'duplicateUrl', firstLine };
      this.lineOfKey.set(profile.key, line);
      row.url = url;
      row.key = profile.key;
      row.handle = profile.handle;
      if (name === '') {
        name = nameFromSlug(profile.handle);
        row.name = name;
        row.nameFromUrl = true;
      }
    } else if (name === '') {
      return { reason: 'noNameNoUrl' };
    }

    const email = cell('email');
    const company = cell('company');
    const position = cell('position');
    if (email !== '') row.email = email;
    if (company !== '') row.company = company;
    if (position !== '') row.position = position;

    const connectedOn = cell('connectedOn');
    if (connectedOn !== '') {
      const reading = readConnectedOn(connectedOn);
      if (reading.date !== undefined) row.connectedOn = reading.date;
      if (reading.precision === 'none')
        this.warnings.push({ line, code: 'dateUnreadable', value: connectedOn });
      else if (reading.precision !== 'day')
        this.warnings.push({ line, code: 'datePartial', value: connectedOn });
    }
    return row;
  }
}

/**
 * Parses LinkedIn's Connections.csv, streaming it through Papa Parse.
 * Every record after the header ends up in `rows` or in `rejected` with a reason.
 */
export async function parseConnectionsCsv(
  input: Blob | string,
  onProgress?: (progress: ParseProgress) => void,
): Promise<Result<ParsedImport, ImportError>> {
  const totalBytes = typeof input === 'string' ? input.length : input.size;
  let chunks: AsyncIterable<TextChunk>;
  if (typeof input === 'string') {
    chunks = stringTextChunks(input);
  } else {
    if (input.size > MAX_CSV_BYTES) return fail({ code: 'tooLarge', detail: `${input.size} bytes` });
    let head: Uint8Array;
    try {
      head = new Uint8Array(await input.slice(0, 4096).arrayBuffer());
    } catch (e) {
      return fail({ code: 'readFailed', detail: String(e) });
    }
    const sniffed = sniffEncoding(head);
    if ('error' in sniffed) return fail({ code: sniffed.error });
    chunks = blobTextChunks(input, sniffed.encoding);
  }

  const reader = new ConnectionsCsvReader();
  let sawText = false;
  let looksLikeMarkup = false;
  const firstText = async function* (): AsyncGenerator<TextChunk> {
    for await (const chunk of chunks) {
      if (!sawText && chunk.text.trim() !== '') {
        sawText = true;
        looksLikeMarkup = chunk.text.trimStart().startsWith('<');
        if (looksLikeMarkup) return;
      }
      yield chunk;
    }
  };

  try {
    await parseCsvChunks(firstText(), {
      rows: (records) => reader.read(records),
      progress: (bytesRead) => onProgress?.({ bytesRead, totalBytes, records: reader.recordCount }),
    });
  } catch (e) {
    return fail({ code: 'readFailed', detail: String(e) });
  }

  if (!sawText) return fail({ code: 'empty' });
  if (looksLikeMarkup) return fail({ code: 'notCsv' });
  if (reader.columns === undefined) return fail({ code: 'headerMissing' });
  if (reader.recordCount === 0) return fail({ code: 'noConnections' });
  return ok({
    rows: reader.rows,
    rejected: reader.rejected,
    warnings: reader.warnings,
    hasUrlColumn: reader.columns.url !== undefined,
    recordCount: reader.recordCount,
  });
}

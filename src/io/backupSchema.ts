// What every row of a backup may hold, value by value. A restored row is written as it is and then shown by every
// page, so a value the pages cannot show must be refused here: a note whose createdAt is 1e20 restored fine
// and then threw RangeError in every date format, blanking that person's panel and record for good; a bogus
// settings.language stopped the badge. Each table gets the types and enums of core/types.ts, timestamps inside
// the Date range, partial dates that parse, lengths far above anything the forms or pages write, and no key
// this version does not know (a backup of the same schema version has the same shape).
import { isPartialDate } from '../core/dates';
import { FLAG_KINDS } from '../core/flags';
import { SITES } from '../core/identity';
import { STAGES } from '../core/trust';
import { DIRECTIONS, WORK_KINDS } from '../core/types';

/** A field's check: undefined when the value is fine, else what is wrong with it. */
type Check = (value: unknown) => string | undefined;

// new Date() accepts ±8.64e15 ms; beyond that every Intl format throws RangeError.
const MAX_DATE_MS = 8.64e15;
const ID_MAX = 200;
/** Names, titles, tags, places: far above any real one, so a hand-typed long entry still restores. */
const SHORT_MAX = 10_000;
/** Notes and contexts (the forms stop at 5,000). */
const LONG_MAX = 100_000;
const URL_MAX = 4096;
const LIST_MAX = 10_000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text =
  (max: number, { empty = true } = {}): Check =>
  (v) => {
    if (typeof v !== 'string') return 'not text';
    if (!empty && v.trim() === '') return 'empty';
    return v.length > max ? `longer than ${max} characters` : undefined;
  };

const oneOf =
  (values: readonly (string | number | boolean)[]): Check =>
  (v) =>
    values.includes(v as string) ? undefined : `not one of ${values.join(', ')}`;

const integer =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : `not a whole number from ${min} to ${max}`;

const millis: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_DATE_MS ? undefined : 'not a valid time';

const partialDate: Check = (v) => (isPartialDate(v) ? undefined : 'not a date (YYYY, YYYY-MM or YYYY-MM-DD)');

const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? undefined : check(v);

const list =
  (item: Check, { unique = false } = {}): Check =>
  (v) => {
    if (!Array.isArray(v)) return 'not a list';
    if (v.length > LIST_MAX) return `more than ${LIST_MAX} items`;
    if (unique && new Set(v).size !== v.length) return 'an item repeated';
    for (const [i, element] of v.entries()) {
      const wrong = item(element);
      if (wrong) return `item ${i}: ${wrong}`;
    }
    return undefined;
  };

type Shape = Record<string, Check>;

/**
 * dexie-export-import's type annotations (typeson), per row: `arrayNonindexKeys` on every array, `undef` on a
 * property stored as undefined (its value written as 0). Any other mark would have the import revive a value no
 * check here saw (a `NaN` or `date` mark turns a checked number into NaN or a Date). normaliseRow applies the
 * two known marks itself (an undefined property is an absent one) and refuses the rest, and the restore writes
 * the normalised rows, unmarked: what is stored is exactly what was checked.
 */
const TYPE_MARKS = '$types';

export function normaliseRow(row: unknown): { row: Record<string, unknown> } | { problem: string } {
  if (!isObject(row)) return { problem: 'not a record' };
  if (!(TYPE_MARKS in row)) return { row };
  const { [TYPE_MARKS]: marks, ...plain } = row;
  if (!isObject(marks)) return { problem: `${TYPE_MARKS}: not a record` };
  for (const [path, mark] of Object.entries(marks)) {
    if (mark === 'arrayNonindexKeys') continue;
    const steps = path.split('.');
    const last = steps.pop() as string;
    let parent: unknown = plain;
    for (const step of steps) parent = isObject(parent) ? parent[step] : undefined;
    if (mark !== 'undef' || !isObject(parent) || !(last in parent)) {
      return {
        problem: `${TYPE_MARKS}: ${path} is marked ${String(mark)}, which this version does not restore`,
      };
    }
    // The parent objects are the parsed file's own, used only for this restore.
    delete parent[last];
  }
  return { row: plain };
}

/** The row's fields against `shape`: each known field checked, any other field refused. */
function checkShape(row: unknown, shape: Shape): string | undefined {
  if (!isObject(row)) return 'not a record';
  for (const field of Object.keys(row)) {
    if (!(field in shape)) return `${field}: not a field this version knows`;
  }
  for (const [field, check] of Object.entries(shape)) {
    const wrong = check(row[field]);
    if (wrong) return `${field}: ${wrong}`;
  }
  return undefined;
}

const shape =
  (fields: Shape): Check =>
  (v) =>
    checkShape(v, fields);

const id = text(ID_MAX, { empty: false });
const short = optional(text(SHORT_MAX));

const PERSON: Shape = {
  id,
  name: text(SHORT_MAX, { empty: false }),
  headline: short,
  company: short,
  position: short,
  location: short,
  photoUrl: optional(text(URL_MAX)),
  email: short,
  connectedOn: optional(partialDate),
  firstMet: optional(shape({ date: optional(partialDate), where: short, context: optional(text(LONG_MAX)) })),
  introducedBy: optional(id),
  tags: list(text(SHORT_MAX)),
  userEdited: list(oneOf(['name', 'headline', 'company', 'position', 'location', 'connectedOn']), {
    unique: true,
  }),
  fromImport: optional(oneOf([true, false])),
  createdAt: millis,
  updatedAt: millis,
  // Derived (db/personRow.ts); indexed, so each must be a valid key of its type.
  stage: oneOf(STAGES),
  nameWords: list(text(SHORT_MAX)),
  nameSort: text(SHORT_MAX),
  connectedSort: (v) => (v === '' ? undefined : partialDate(v)),
  lastWorkDate: (v) => (v === '' ? undefined : partialDate(v)),
  fromImportKey: oneOf([0, 1]),
};

/** What a profile's own site said: proposed to the user, or declined by them. */
const PAGE_VALUES = optional(
  shape({ name: short, headline: short, location: short, photoUrl: optional(text(URL_MAX)) }),
);

const PROFILE: Shape = {
  key: text(SHORT_MAX, { empty: false }),
  personId: id,
  site: oneOf(SITES),
  handle: text(SHORT_MAX, { empty: false }),
  url: text(URL_MAX),
  seenName: short,
  seenHeadline: short,
  proposed: PAGE_VALUES,
  declined: PAGE_VALUES,
  lastSeenAt: optional(millis),
};

const OUTCOME: Shape = {
  quality: optional(integer(1, 5)),
  reliability: optional(oneOf(['onTime', 'late', 'missed'])),
  payment: optional(
    shape({
      status: oneOf(['pending', 'onTime', 'late', 'unpaid']),
      lateDays: optional(integer(0, 36_500)),
      dueDate: optional(partialDate),
    }),
  ),
  wouldWorkAgain: optional(oneOf(['yes', 'no', 'unsure'])),
};

const SHARED_WORK: Shape = {
  id,
  personId: id,
  kind: oneOf(WORK_KINDS),
  direction: oneOf(DIRECTIONS),
  status: oneOf(['planned', 'inProgress', 'done', 'abandoned']),
  title: short,
  startDate: optional(partialDate),
  endDate: optional(partialDate),
  outcome: optional(shape(OUTCOME)),
  note: optional(text(LONG_MAX)),
  createdAt: millis,
  updatedAt: millis,
};

const NOTE: Shape = { id, personId: id, text: text(LONG_MAX), createdAt: millis, updatedAt: millis };

const FLAG: Shape = {
  id: text(SHORT_MAX, { empty: false }),
  personId: id,
  kind: oneOf(FLAG_KINDS),
  state: oneOf(['open', 'snoozed', 'dismissed', 'closed']),
  workId: optional(id),
  raisedAt: millis,
  snoozedUntil: optional(millis),
  updatedAt: millis,
};

/** Every setting and the values it may take (options/settings/settingLimits.ts has the form's bounds). */
const SETTINGS: Shape = {
  dormancyYears: optional(integer(1, 30)),
  stalledYears: optional(integer(1, 30)),
  defaultPaymentTermsDays: optional(integer(0, 365)),
  scanPeriodHours: optional(integer(1, 24 * 7)),
  digestEnabled: optional(oneOf([true, false])),
  digestWeekday: optional(integer(0, 6)),
  enabledSites: optional(list(oneOf(SITES), { unique: true })),
  language: optional(oneOf(['auto', 'en', 'ar'])),
};

/** The meta keys this version writes (db/meta.ts's MetaValues), each with its value's check. */
const META_VALUES: Record<string, Check> = {
  settings: shape(SETTINGS),
  lastScanAt: millis,
  scanCheckpoint: shape({ now: millis, after: text(ID_MAX) }),
  lastDigestAt: millis,
  lastBackupAt: millis,
  lastImportAt: millis,
  // Recounted by the restore whatever it says; still only counts.
  aggregates: shape({
    stages: shape(Object.fromEntries(STAGES.map((stage) => [stage, integer(0, Number.MAX_SAFE_INTEGER)]))),
    openFlags: integer(0, Number.MAX_SAFE_INTEGER),
  }),
};

const META: Shape = {
  key: oneOf(Object.keys(META_VALUES)),
  value: () => undefined,
};

export const TABLE_SHAPES: Record<string, Shape> = {
  people: PERSON,
  profiles: PROFILE,
  sharedWork: SHARED_WORK,
  notes: NOTE,
  flags: FLAG,
  meta: META,
};

/** What is wrong with one row of `table` (normalised by normaliseRow), or undefined. */
export function rowProblem(table: string, row: unknown): string | undefined {
  const fields = TABLE_SHAPES[table];
  if (!fields) return 'unknown table';
  const wrong = checkShape(row, fields);
  if (wrong) return wrong;
  if (table === 'profiles') {
    const { key, site, handle } = row as { key: string; site: string; handle: string };
    return key === `${site}:${handle}` ? undefined : 'key: not site:handle';
  }
  if (table !== 'meta') return undefined;
  const { key, value } = row as { key: string; value: unknown };
  const valueWrong = META_VALUES[key]?.(value);
  return valueWrong && `value: ${valueWrong}`;
}

/** Rows that must name a row of another table: a shared work of nobody would break every page that lists it. */
export const REFERENCES: { table: string; field: string; target: string }[] = [
  { table: 'profiles', field: 'personId', target: 'people' },
  { table: 'sharedWork', field: 'personId', target: 'people' },
  { table: 'notes', field: 'personId', target: 'people' },
  { table: 'flags', field: 'personId', target: 'people' },
  { table: 'flags', field: 'workId', target: 'sharedWork' },
  { table: 'people', field: 'introducedBy', target: 'people' },
];

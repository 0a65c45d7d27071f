// What every row of a backup may hold, value by value. A restored row is written as it is and then shown by every
// page, so a value the pages cannot show must be refused here: a note whose createdAt is 1e20 restored fine
// and then threw RangeError in every date format, blanking that person's panel and record for good; a bogus
// settings.language stopped the badge. Each table gets the types and enums of core/types.ts, timestamps inside
// the Date range, partial dates that parse, lengths far above anything the forms or pages write, and no key
// this version does not know (a backup of the same schema version has the same shape).
import { STEP_CODES } from '../core/codes.ts';
import { isPartialDate } from '../core/dates.ts';
import { FLAG_KINDS } from '../core/flags.ts';
import { SITES } from '../core/identity.ts';
import { QUEUE_SIZE_MAX, QUEUE_SIZE_MIN } from '../core/queue.ts';
import { STAGES } from '../core/trust.ts';
import { DIRECTIONS, WORK_KINDS } from '../core/types.ts';
import { WARMTH_CODES } from '../core/warmth.ts';
import { SCHEMA_VERSION } from '../db/schema.ts';

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

const finite: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) ? undefined : 'not a finite number';

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

const count = integer(0, Number.MAX_SAFE_INTEGER);

/** LinkedIn archive facts (core/types.ts ArchiveFacts). */
const ARCHIVE: Shape = {
  messages: optional(
    shape({
      total: count,
      fromThem: count,
      conversations: count,
      first: partialDate,
      last: partialDate,
      firstFrom: oneOf(['me', 'them']),
      perYear: list(shape({ year: integer(1, 9999), count })),
    }),
  ),
  invitation: optional(
    shape({
      direction: oneOf(['sent', 'received']),
      date: optional(partialDate),
      message: optional(text(LONG_MAX)),
    }),
  ),
  endorsements: optional(
    shape({
      received: count,
      given: count,
      skillsReceived: list(text(SHORT_MAX)),
      skillsGiven: list(text(SHORT_MAX)),
      lastReceived: optional(partialDate),
      lastGiven: optional(partialDate),
    }),
  ),
};

const PERSON_V1: Shape = {
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

const PERSON: Shape = {
  ...PERSON_V1,
  archive: optional(shape(ARCHIVE)),
  lastVisitedOn: optional(partialDate),
  // Derived (v2): the index of who can be dormant, and the queue's order among them.
  untestedSince: (v) => (v === '' ? undefined : partialDate(v)),
  queueRank: optional(finite),
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

/** Version 1 had dormant flags, and not the flag that asks to back a vouch with work. */
const FLAG_V1: Shape = {
  ...FLAG,
  kind: oneOf(['dormant', 'stalled', 'paymentOverdue', 'followUpDue']),
};

/** A warmth reason: a known code with values of the right types (core/warmth.ts). */
const warmthReason: Check = (v) => {
  if (!isObject(v)) return 'not a record';
  const wrong = oneOf(WARMTH_CODES)(v.code);
  if (wrong) return `code: ${wrong}`;
  return checkShape(v, {
    code: () => undefined,
    count: optional(count),
    year: optional(integer(1, 9999)),
    years: optional(count),
    note: optional(oneOf([true, false])),
    tags: optional(list(text(SHORT_MAX))),
    date: optional(partialDate),
  });
};

const QUEUE: Shape = {
  id,
  personId: id,
  state: oneOf(['queued', 'snoozed', 'dismissed', 'started']),
  queuedAt: millis,
  decidedAt: optional(millis),
  startedAt: optional(millis),
  snoozedUntil: optional(millis),
  reasons: list(warmthReason),
  step: oneOf(STEP_CODES),
};

const MESSAGE: Shape = {
  id,
  personId: id,
  date: partialDate,
  fromMe: oneOf([true, false]),
  subject: optional(text(SHORT_MAX)),
  text: text(LONG_MAX),
};

/** Every setting and the values it may take (options/settings/settingLimits.ts has the form's bounds). */
const SETTINGS_V1: Shape = {
  dormancyYears: optional(integer(1, 30)),
  stalledYears: optional(integer(1, 30)),
  defaultPaymentTermsDays: optional(integer(0, 365)),
  scanPeriodHours: optional(integer(1, 24 * 7)),
  digestEnabled: optional(oneOf([true, false])),
  digestWeekday: optional(integer(0, 6)),
  enabledSites: optional(list(oneOf(SITES), { unique: true })),
  language: optional(oneOf(['auto', 'en', 'ar'])),
};

const SETTINGS: Shape = { ...SETTINGS_V1, queueSize: optional(integer(QUEUE_SIZE_MIN, QUEUE_SIZE_MAX)) };

/** The meta keys this version writes (db/meta.ts's MetaValues), each with its value's check. */
const META_VALUES: Record<string, Check> = {
  settings: shape(SETTINGS),
  lastScanAt: millis,
  scanCheckpoint: shape({ now: millis, after: text(ID_MAX) }),
  lastDigestAt: millis,
  lastBackupAt: millis,
  lastImportAt: millis,
  archiveOwner: shape({ name: text(SHORT_MAX), key: optional(text(SHORT_MAX)) }),
  // Recounted by the restore whatever it says; still only counts.
  aggregates: shape({
    stages: shape(Object.fromEntries(STAGES.map((stage) => [stage, integer(0, Number.MAX_SAFE_INTEGER)]))),
    openFlags: integer(0, Number.MAX_SAFE_INTEGER),
  }),
};

const META_VALUES_V1: Record<string, Check> = { ...META_VALUES, settings: shape(SETTINGS_V1) };

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
  queue: QUEUE,
  messages: MESSAGE,
};

/**
 * The tables and rows of every schema version a backup can come from. A backup of an older version is checked
 * against its own version's shapes, then upgraded (db/upgrades.ts) and checked again against the current ones.
 */
export const BACKUP_VERSIONS: Record<number, { shapes: Record<string, Shape>; meta: Record<string, Check> }> =
  {
    1: {
      shapes: {
        people: PERSON_V1,
        profiles: PROFILE,
        sharedWork: SHARED_WORK,
        notes: NOTE,
        flags: FLAG_V1,
        meta: META,
      },
      meta: META_VALUES_V1,
    },
    2: { shapes: TABLE_SHAPES, meta: META_VALUES },
    // Version 3 added sync's outbox, which backups leave out (io/backup.ts).
    3: { shapes: TABLE_SHAPES, meta: META_VALUES },
  };

/** What is wrong with one row of `table` (normalised by normaliseRow) in schema `version`, or undefined. */
export function rowProblem(table: string, row: unknown, version = SCHEMA_VERSION): string | undefined {
  const layout = BACKUP_VERSIONS[version];
  const fields = layout?.shapes[table];
  if (!layout || !fields) return 'unknown table';
  const wrong = checkShape(row, fields);
  if (wrong) return wrong;
  if (table === 'profiles') {
    const { key, site, handle } = row as { key: string; site: string; handle: string };
    return key === `${site}:${handle}` ? undefined : 'key: not site:handle';
  }
  if (table === 'queue') {
    const { id: entryId, personId } = row as { id: string; personId: string };
    return entryId === personId ? undefined : 'id: not the person id';
  }
  if (table !== 'meta') return undefined;
  const { key, value } = row as { key: string; value: unknown };
  const valueWrong = layout.meta[key]?.(value);
  return valueWrong && `value: ${valueWrong}`;
}

export { REFERENCES } from '../db/references.ts';

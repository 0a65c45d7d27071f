// Partial calendar dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). A partial date names a period, not an instant:
// "2015" is any day of 2015. Every question asked of one is answered by the earliest or the latest day it can
// mean, and each function says which. Dates are calendar days with no time zone; `now` becomes the user's local
// calendar day, because "today" for a follow-up is the day on the user's wall, not in UTC.
import type { PartialDate } from './types.ts';

export type Precision = 'year' | 'month' | 'day';

export interface ParsedDate {
  year: number;
  month?: number;
  day?: number;
}

/** A fully known calendar day. */
interface Day {
  year: number;
  month: number;
  day: number;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// A network of 30,000 people repeats the same few thousand dates; parsing each once keeps a full scan fast.
const parsedCache = new Map<string, Readonly<ParsedDate> | null>();
const PARSED_CACHE_LIMIT = 50_000;

/** Parses a partial date; anything malformed or impossible (2021-02-29, month 13, year 0) is `undefined`. */
export function parsePartialDate(value: string | undefined): Readonly<ParsedDate> | undefined {
  if (value === undefined) return undefined;
  let parsed = parsedCache.get(value);
  if (parsed === undefined) {
    if (parsedCache.size >= PARSED_CACHE_LIMIT) parsedCache.clear();
    const fresh = parse(value);
    parsed = fresh ? Object.freeze(fresh) : null;
    parsedCache.set(value, parsed);
  }
  return parsed ?? undefined;
}

function parse(value: string): ParsedDate | undefined {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1) return undefined;
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isPartialDate(value: unknown): value is PartialDate {
  return typeof value === 'string' && parsePartialDate(value) !== undefined;
}

export function precisionOf(value: PartialDate | undefined): Precision | undefined {
  const parsed = parsePartialDate(value);
  if (!parsed) return undefined;
  if (parsed.day !== undefined) return 'day';
  return parsed.month !== undefined ? 'month' : 'year';
}

export function formatPartialDate(date: ParsedDate): PartialDate {
  const year = String(date.year).padStart(4, '0');
  if (date.month === undefined) return year;
  const month = String(date.month).padStart(2, '0');
  if (date.day === undefined) return `${year}-${month}`;
  return `${year}-${month}-${String(date.day).padStart(2, '0')}`;
}

function earliest(date: ParsedDate): Day {
  return { year: date.year, month: date.month ?? 1, day: date.day ?? 1 };
}

function latest(date: ParsedDate): Day {
  const month = date.month ?? 12;
  return { year: date.year, month, day: date.day ?? daysInMonth(date.year, month) };
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar, by integer arithmetic (Hinnant's days_from_civil):
 * no Date objects, because a network scan asks this hundreds of thousands of times.
 */
function dayNumber({ year, month, day }: Day): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fromDayNumber(n: number): Day {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The UTC year of an instant, by arithmetic: the same as `new Date(at).getUTCFullYear()` without a Date made per
 * message of a messages.csv of hundreds of thousands.
 */
export function utcYear(at: number): number {
  return fromDayNumber(Math.floor(at / 86_400_000)).year;
}

/**
 * The UTC day of an instant as `YYYY-MM-DD`, by arithmetic: `new Date(at).toISOString().slice(0, 10)` without the
 * Date and its string, for the first and last message day of each of tens of thousands of people. Years past four
 * digits, which toISOString writes otherwise, take its own path.
 */
export function utcDay(at: number): PartialDate {
  const day = fromDayNumber(Math.floor(at / 86_400_000));
  if (day.year < 0 || day.year > 9999) return new Date(at).toISOString().slice(0, 10);
  return formatPartialDate(day);
}

/**
 * The instant a UTC year starts, by arithmetic: `new Date(0).setUTCFullYear(year, 0, 1)` (which, unlike Date.UTC,
 * reads the years 0 to 99 as they are) without the Date.
 */
export function utcYearStart(year: number): number {
  return dayNumber({ year, month: 1, day: 1 }) * 86_400_000;
}

function today(now: Date): Day {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** The user's local calendar day of `now`, as `YYYY-MM-DD`. */
export function calendarDate(now: Date): PartialDate {
  return formatPartialDate(today(now));
}

/** The local calendar day of a timestamp (e.g. a record's createdAt). */
export function calendarDateOfMillis(millis: number): PartialDate {
  return calendarDate(new Date(millis));
}

export function earliestDay(value: PartialDate | undefined): PartialDate | undefined {
  const parsed = parsePartialDate(value);
  return parsed && formatPartialDate(earliest(parsed));
}

export function latestDay(value: PartialDate | undefined): PartialDate | undefined {
  const parsed = parsePartialDate(value);
  return parsed && formatPartialDate(latest(parsed));
}

function localMidnight(day: Day): Date {
  const date = new Date(0);
  date.setFullYear(day.year, day.month - 1, day.day);
  date.setHours(0, 0, 0, 0);
  return date;
}

/** Local midnight at the start of the first day the date can mean. */
export function earliestInstant(value: PartialDate | undefined): Date | undefined {
  const parsed = parsePartialDate(value);
  return parsed && localMidnight(earliest(parsed));
}

/** The last millisecond (local time) of the last day the date can mean. */
export function latestInstant(value: PartialDate | undefined): Date | undefined {
  const parsed = parsePartialDate(value);
  if (!parsed) return undefined;
  const next = localMidnight(fromDayNumber(dayNumber(latest(parsed)) + 1));
  return new Date(next.getTime() - 1);
}

/** Adds (or with a negative count, subtracts) whole days, from the latest day the date can mean. */
export function addDays(value: PartialDate | undefined, days: number): PartialDate | undefined {
  const parsed = parsePartialDate(value);
  return parsed && formatPartialDate(fromDayNumber(dayNumber(latest(parsed)) + days));
}

/**
 * Chronological order for sorting: by the earliest day, then the less precise date first (so `2020` sorts
 * before `2020-01` before `2020-01-01`). Missing or invalid dates sort after every date.
 */
export function comparePartialDates(a: PartialDate | undefined, b: PartialDate | undefined): number {
  const pa = parsePartialDate(a);
  const pb = parsePartialDate(b);
  if (!pa || !pb) return (pa ? 0 : 1) - (pb ? 0 : 1);
  const byDay = dayNumber(earliest(pa)) - dayNumber(earliest(pb));
  if (byDay !== 0) return Math.sign(byDay);
  return Math.sign(precisionRank(pa) - precisionRank(pb));
}

function precisionRank(date: ParsedDate): number {
  if (date.day !== undefined) return 2;
  return date.month !== undefined ? 1 : 0;
}

function anniversaryYears(from: ParsedDate, to: ParsedDate): number {
  const years = to.year - from.year;
  if (from.month === undefined || to.month === undefined) return years;
  if (to.month !== from.month) return to.month < from.month ? years - 1 : years;
  if (from.day === undefined || to.day === undefined) return years;
  // A 29 February anniversary falls on 1 March in common years: on 28 February the year is not yet complete.
  return to.day < from.day ? years - 1 : years;
}

/**
 * Whole years from `from` to `to`, compared at the precision both dates share: `2015` → `2016-09-03` is 1 year,
 * `2015-05` → `2016-04` is 0, `2020-02-29` → `2021-02-28` is 0 and → `2021-03-01` is 1. Negative when `to` is
 * earlier. `undefined` when either date is missing.
 */
export function wholeYearsBetween(
  from: PartialDate | undefined,
  to: PartialDate | undefined,
): number | undefined {
  const pf = parsePartialDate(from);
  const pt = parsePartialDate(to);
  if (!pf || !pt) return undefined;
  if (comparePartialDates(from, to) > 0) {
    const back = anniversaryYears(pt, pf);
    return back === 0 ? 0 : -back;
  }
  return anniversaryYears(pf, pt);
}

/**
 * Whole years that have certainly passed since `from`, counted from the latest day it can mean to `now`'s
 * calendar day: a contact made "in 2021" has certainly been three years old only from 31 December 2024.
 * The anniversary day itself counts (exactly N years is N). Negative for a future date.
 */
export function certainYearsSince(from: PartialDate | undefined, now: Date): number | undefined {
  return wholeYearsBetween(latestDay(from), calendarDate(now));
}

/** True when even the earliest day the date can mean is after `now`'s calendar day: a future date. */
export function isAfter(value: PartialDate | undefined, now: Date): boolean {
  const parsed = parsePartialDate(value);
  return parsed !== undefined && dayNumber(earliest(parsed)) > dayNumber(today(now));
}

/** True when the whole period the date names is over: its latest day is before `now`'s calendar day. */
export function hasPassed(value: PartialDate | undefined, now: Date): boolean {
  const parsed = parsePartialDate(value);
  return parsed !== undefined && dayNumber(latest(parsed)) < dayNumber(today(now));
}

/** The year of a partial date, whatever its precision. */
export function yearOf(value: PartialDate | undefined): number | undefined {
  return parsePartialDate(value)?.year;
}

/** Days from 1970-01-01 to the earliest day the date can mean (negative before 1970); undefined when invalid. */
export function epochDay(value: PartialDate | undefined): number | undefined {
  const parsed = parsePartialDate(value);
  return parsed && dayNumber(earliest(parsed));
}

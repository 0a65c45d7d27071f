// Dates in LinkedIn's data export. Each file writes its own form, and a file opened and saved again in a
// spreadsheet comes back in another:
//   04 Jul 2023                  (Connections, Recommendations)
//   12/24/23, 05:28 AM           (Invitations, Recommendations: month first, as LinkedIn writes for every locale)
//   6/17/23, 6:18 AM             (the same without padding or zone)
//   2021/08/11 11:00:31 UTC      (Endorsements)
//   2024-06-18 11:59:53 UTC      (messages.csv)
//   18-Jun-24, NA                (Excel re-saves)
// Each is read to the day it names, and to the instant where a time is given, for ordering messages. Times
// without a zone are taken as UTC, like those with one: the day is the one written, in any time zone.
import type { Millis, PartialDate } from '../core/types.ts';
import { readConnectedOn } from './connectedOnDate.ts';

export { utcDay, utcYear, utcYearStart } from '../core/dates.ts';

export interface ArchiveDate {
  /** The day (or month, or year) that could be read; absent when nothing could. */
  date?: PartialDate;
  /** The instant, when the value had a full date: its time of day where given, else midnight UTC. */
  at?: Millis;
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:UTC|GMT|Z)?$/i;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(?:UTC|GMT)?$/i;
// LinkedIn's "12/24/23, 05:28 AM": month first, two- or four-digit year, a 12-hour time.
const US =
  /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]\.?M\.?)?)?\s*(?:UTC|GMT)?$/i;
// A spreadsheet's way of saying "no value".
const NO_VALUE = /^(?:n\/?a|null|none|-+|#n\/a)$/i;

const pad = (n: number) => String(n).padStart(2, '0');

interface Day {
  date: PartialDate;
  year: number;
  month: number;
  day: number;
}

function dayOf(year: number, month: number, day: number): Day | undefined {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return { date: `${year}-${pad(month)}-${pad(day)}`, year, month, day };
}

function withTime(
  day: Day | undefined,
  hours?: string,
  minutes?: string,
  seconds?: string,
  meridiem?: string,
): ArchiveDate {
  if (day === undefined) return {};
  const { date, year, month } = day;
  let h = hours === undefined ? 0 : Number(hours);
  const pm = meridiem?.toUpperCase().startsWith('P');
  if (meridiem !== undefined) {
    if (h === 12) h = pm ? 12 : 0;
    else if (pm) h += 12;
  }
  const m = minutes === undefined ? 0 : Number(minutes);
  const s = seconds === undefined ? 0 : Number(seconds);
  if (h > 23 || m > 59 || s > 59) return { date, at: Date.UTC(year, month - 1, day.day) };
  return { date, at: Date.UTC(year, month - 1, day.day, h, m, s) };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `i` of `text`, or -1. */
function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The two-digit number at `i` of `text`, or -1. */
function twoDigits(text: string, i: number): number {
  const tens = digit(text, i);
  const ones = digit(text, i + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/**
 * messages.csv's "2024-06-18 11:59:53 UTC", read without a regular expression or any string made: it is every row
 * of a file of hundreds of thousands, where the general reader's captures were a large share of the parse's
 * garbage. The instant, exactly as the general reader gives it; null for a day that does not exist (the general
 * reader's `{}`); undefined when the text is not written exactly this way (the general reader decides).
 */
export function readMessageInstant(text: string): Millis | null | undefined {
  if (
    text.length !== 23 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 32 || // space
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 32 ||
    text.charCodeAt(20) !== 85 || // U
    text.charCodeAt(21) !== 84 || // T
    text.charCodeAt(22) !== 67 // C
  ) {
    return undefined;
  }
  const century = twoDigits(text, 0);
  const decade = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const h = twoDigits(text, 11);
  const m = twoDigits(text, 14);
  const s = twoDigits(text, 17);
  if (century < 0 || decade < 0 || month < 0 || day < 0 || h < 0 || m < 0 || s < 0) return undefined;
  const year = century * 100 + decade;
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return null;
  if (h > 23 || m > 59 || s > 59) return Date.UTC(year, month - 1, day);
  return Date.UTC(year, month - 1, day, h, m, s);
}

/** The instant of any of the forms above (see readArchiveDate), with messages.csv's own form read fastest. */
export function readArchiveInstant(raw: string): Millis | undefined {
  const fast = readMessageInstant(raw);
  if (fast === undefined) return readArchiveDateSlowly(raw).at;
  return fast ?? undefined;
}

/** Reads any of the forms above; an empty or "NA" value, or anything unreadable, is `{}`. */
export function readArchiveDate(raw: string): ArchiveDate {
  const fast = readMessageInstant(raw);
  if (fast === undefined) return readArchiveDateSlowly(raw);
  return fast === null ? {} : { date: raw.slice(0, 10), at: fast };
}

/** readArchiveDate without its fast path: every form, by regular expressions (exported for the property test). */
export function readArchiveDateSlowly(raw: string): ArchiveDate {
  const text = raw.trim();
  if (text === '' || NO_VALUE.test(text)) return {};
  const iso = ISO.exec(text) ?? YMD_SLASH.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm, ss] = iso;
    return withTime(dayOf(Number(y), Number(m), Number(d)), hh, mm, ss);
  }
  const us = US.exec(text);
  if (us) {
    const [, first, second, yy, hh, mm, ss, meridiem] = us;
    const year = yy!.length === 2 ? 2000 + Number(yy) : Number(yy);
    let month = Number(first);
    let day = Number(second);
    // A re-save in a day-first spreadsheet: the first number cannot be a month, the second can.
    if (month > 12 && day <= 12) [month, day] = [day, month];
    return withTime(dayOf(year, month, day), hh, mm, ss, meridiem);
  }
  // Named months, in any order and language, and the spreadsheet forms ("18-Jun-24"): the Connected On reader.
  const reading = readConnectedOn(text);
  if (reading.date === undefined) return {};
  if (reading.precision !== 'day') return { date: reading.date };
  const [y, m, d] = reading.date.split('-').map(Number) as [number, number, number];
  return withTime({ date: reading.date, year: y, month: m, day: d });
}

// Numbers and partial dates shown in the user's language (Arabic gets Arabic digits and month names).
// A partial date is shown at exactly the precision it has: "2015", "March 2015", "3 March 2015".
import { parsePartialDate } from '../core/dates.ts';
import type { PartialDate } from '../core/types.ts';

export function formatCountIn(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatPartialDateIn(locale: string, value: PartialDate | undefined): string {
  const parsed = parsePartialDate(value);
  if (!parsed) return value ?? '';
  const date = new Date(0);
  date.setUTCFullYear(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1);
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (parsed.month !== undefined) options.month = 'long';
  if (parsed.day !== undefined) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** A timestamp as a local calendar day. */
export function formatDayOfMillisIn(locale: string, millis: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(millis));
}

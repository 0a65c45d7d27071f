// Numbers and partial dates shown in the user's language (Arabic gets Arabic digits and month names).
// A partial date is shown at exactly the precision it has: "2015", "March 2015", "3 March 2015".
import { parsePartialDate } from '../../core/dates.ts';
import type { PartialDate } from '../../core/types.ts';

// Building an Intl formatter costs far more than using one, and a list formats hundreds of values per
// frame while it scrolls: each formatter is made once per language and kind.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string): Intl.NumberFormat {
  const key = `n|${locale}`;
  const known = formatters.get(key) as Intl.NumberFormat | undefined;
  if (known) return known;
  const format = new Intl.NumberFormat(locale);
  formatters.set(key, format);
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  const known = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (known) return known;
  const format = new Intl.DateTimeFormat(locale, options);
  formatters.set(key, format);
  return format;
}

export function formatCountIn(locale: string, value: number): string {
  return numberFormat(locale).format(value);
}

export function formatPartialDateIn(locale: string, value: PartialDate | undefined): string {
  const parsed = parsePartialDate(value);
  if (!parsed) return value ?? '';
  const date = new Date(0);
  date.setUTCFullYear(parsed.year, (parsed.month ?? 1) - 1, parsed.day ?? 1);
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (parsed.month !== undefined) options.month = 'long';
  if (parsed.day !== undefined) options.day = 'numeric';
  return dateFormat(locale, options).format(date);
}

/** A timestamp as a local calendar day. */
export function formatDayOfMillisIn(locale: string, millis: number): string {
  return dateFormat(locale, { dateStyle: 'medium' }).format(new Date(millis));
}

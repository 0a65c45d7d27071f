import type { PartialDate } from '../core/types.ts';

// LinkedIn writes "Connected On" as "15 Mar 2024", but exports opened and re-saved in a spreadsheet
// come back as "05-Oct-26", "2024-03-15", "15 mars 2024", "15. März 2024" or, when the app could not
// read the month, "05-???-26". We keep whatever precision can honestly be read.

export type DateReading =
  /** A full `YYYY-MM-DD` date. */
  | { date: PartialDate; precision: 'day' }
  /** Only `YYYY-MM` or `YYYY` could be read: the rest was missing or damaged. */
  | { date: PartialDate; precision: 'month' | 'year' }
  /** Nothing readable. */
  | { date?: undefined; precision: 'none' };

// Month names and abbreviations in the languages LinkedIn's export and spreadsheets produce,
// already lower-cased and without accents (see fold()).
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['jan', 'january', 'janv', 'janvier', 'januar', 'jän', 'ene', 'enero', 'janeiro', 'يناير', 'كانون الثاني'],
  ['feb', 'february', 'fev', 'fevr', 'fevrier', 'februar', 'febrero', 'fevereiro', 'فبراير', 'شباط'],
  ['mar', 'march', 'mars', 'marz', 'mrz', 'marzo', 'marco', 'مارس', 'آذار'],
  ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'أبريل', 'ابريل', 'إبريل', 'نيسان'],
  ['may', 'mai', 'mayo', 'maio', 'مايو', 'أيار'],
  ['jun', 'june', 'juin', 'juni', 'junio', 'junho', 'يونيو', 'يونيه', 'حزيران'],
  ['jul', 'july', 'juil', 'juillet', 'juli', 'julio', 'julho', 'يوليو', 'يوليه', 'تموز'],
  ['aug', 'august', 'aout', 'ago', 'agosto', 'أغسطس', 'اغسطس', 'آب'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set', 'setembro', 'سبتمبر', 'أيلول'],
  [
    'oct',
    'october',
    'octobre',
    'okt',
    'oktober',
    'octubre',
    'out',
    'outubro',
    'أكتوبر',
    'اكتوبر',
    'تشرين الأول',
  ],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro', 'نوفمبر', 'تشرين الثاني'],
  ['dec', 'december', 'decembre', 'dez', 'dezember', 'dic', 'diciembre', 'dezembro', 'ديسمبر', 'كانون الأول'],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, i) => names.map((name) => [fold(name), i + 1] as const)),
);

// Arabic month names of two words ("كانون الثاني") are protected from tokenising by joining them.
const MULTI_WORD_NAMES = [...MONTH_BY_NAME.keys()].filter((name) => name.includes(' '));

// LinkedIn's own form, "15 Mar 2024": read without the general tokeniser (30,000 rows per import).
const LINKEDIN_FORM = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/;

/** Lower-case, strip Latin accents ("févr." → "fevr", "März" → "marz") and convert Arabic-Indic digits. */
function fold(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase();
}

function monthFromWord(word: string): number | undefined {
  const exact = MONTH_BY_NAME.get(word);
  if (exact !== undefined) return exact;
  // Unlisted abbreviations ("sept.", "dici") are accepted when they start exactly one month's names;
  // "jui" stays unread because it starts both juin and juillet.
  if (word.length < 3 || !/^\p{L}+$/u.test(word)) return undefined;
  const months = new Set<number>();
  for (const [name, month] of MONTH_BY_NAME) if (name.startsWith(word)) months.add(month);
  return months.size === 1 ? [...months][0] : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// LinkedIn launched in 2003; anything outside this window is damage, not a date.
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function reading(year: number | undefined, month?: number, day?: number): DateReading {
  if (year === undefined || year < MIN_YEAR || year > MAX_YEAR) return { precision: 'none' };
  if (month === undefined || month < 1 || month > 12) return { date: String(year), precision: 'year' };
  if (day === undefined || day < 1 || day > daysInMonth(year, month)) {
    return { date: `${year}-${pad(month)}`, precision: 'month' };
  }
  return { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

/** Two-digit years in an export can only mean 20xx: LinkedIn did not exist before 2003. */
function fullYear(token: string): number {
  const n = Number(token);
  return token.length <= 2 ? 2000 + n : n;
}

/**
 * Reads a "Connected On" value in any of the forms LinkedIn, spreadsheets and other locales produce.
 * Empty input is `none` too; callers decide whether that deserves a warning.
 */
export function readConnectedOn(raw: string): DateReading {
  const trimmed = raw.trim();
  const canonical = LINKEDIN_FORM.exec(trimmed);
  if (canonical) {
    const month = MONTH_BY_NAME.get(canonical[2]!.toLowerCase());
    if (month !== undefined) return reading(Number(canonical[3]), month, Number(canonical[1]));
  }
  const text = fold(trimmed);
  if (text === '') return { precision: 'none' };

  let joined = text;
  for (const name of MULTI_WORD_NAMES) {
    if (joined.includes(name)) joined = joined.replace(name, name.replace(' ', '_'));
  }
  const tokens = joined
    .split(/[\s\-/.,،]+/u)
    .filter((t) => t !== '' && t !== 'de' && t !== 'del')
    .map((t) => t.replace(/_/g, ' '));

  const numbers: string[] = [];
  let month: number | undefined;
  let sawWord = false;
  for (const token of tokens) {
    if (/^\d+$/.test(token)) numbers.push(token);
    else {
      sawWord = true;
      month ??= monthFromWord(token);
    }
  }

  if (sawWord) {
    // A named (or damaged) month: the year is the four-digit number, or else the last number when
    // the form is day-month-yy ("05-Oct-26"); the day is the remaining number.
    let yearIndex = numbers.findIndex((n) => n.length === 4);
    if (yearIndex === -1 && numbers.length >= 2) yearIndex = numbers.length - 1;
    if (yearIndex === -1) return { precision: 'none' };
    const year = fullYear(numbers[yearIndex]!);
    const rest = numbers.filter((_, i) => i !== yearIndex);
    const day = rest.length === 1 && rest[0]!.length <= 2 ? Number(rest[0]) : undefined;
    return reading(year, month, month === undefined ? undefined : day);
  }

  if (numbers.length === 1 && numbers[0]!.length === 4) return reading(Number(numbers[0]));
  if (numbers.length === 1 && numbers[0]!.length === 8) {
    const n = numbers[0]!;
    return reading(Number(n.slice(0, 4)), Number(n.slice(4, 6)), Number(n.slice(6, 8)));
  }
  if (numbers.length === 2) {
    // "2024-03" or "03/2024"
    const [a, b] = numbers as [string, string];
    if (a.length === 4) return reading(Number(a), Number(b));
    if (b.length === 4) return reading(Number(b), Number(a));
    return { precision: 'none' };
  }
  if (numbers.length === 3) {
    const [a, b, c] = numbers as [string, string, string];
    if (a.length === 4) return reading(Number(a), Number(b), Number(c));
    if (c.length !== 4 && c.length !== 2) return { precision: 'none' };
    const year = fullYear(c);
    const first = Number(a);
    const second = Number(b);
    // Day-first and month-first spreadsheets both exist; only an unambiguous order yields a day.
    if (first > 12 && second <= 12) return reading(year, second, first);
    if (second > 12 && first <= 12) return reading(year, first, second);
    if (first === second) return reading(year, first, second);
    return reading(year);
  }
  return { precision: 'none' };
}

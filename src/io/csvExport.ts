import Papa from 'papaparse';
import type { Person, Profile, SharedWork } from '../core/types.ts';
import type { TrustDb } from '../db/database.ts';
import { toPerson } from '../db/personRow.ts';

// A cell that a spreadsheet would run as a formula ("=HYPERLINK(...)", "+cmd|...", "@SUM") is
// neutralised with a leading apostrophe, the OWASP CSV-injection advice. Spreadsheets skip leading
// spaces before evaluating, so the check does too. Papa's own `escapeFormulae: true` uses
// /^[=+\-@\t\r].*$/, which misses leading spaces and any cell with a line break after the trigger
// ('.' does not cross '\n'), so we pass our own pattern. Full-width forms are included because some
// spreadsheets normalise them to ASCII before parsing.
export const FORMULA_TRIGGER = /^[ \u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** The neutralised text of one cell, as the CSV export writes it. */
export function neutraliseCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

const PEOPLE_COLUMNS = [
  'Name',
  'Company',
  'Position',
  'Headline',
  'Location',
  'Email',
  'Connected On',
  'First Met',
  'First Met Where',
  'Tags',
  'Profiles',
] as const;

const WORK_COLUMNS = [
  'Person',
  'Kind',
  'Direction',
  'Status',
  'Title',
  'Start',
  'End',
  'Quality',
  'Reliability',
  'Payment',
  'Payment Late Days',
  'Would Work Again',
  'Note',
] as const;

function unparse(fields: readonly string[], rows: string[][]): string {
  // The BOM makes Excel read the file as UTF-8, so Arabic and CJK names survive a double-click.
  return `\ufeff${Papa.unparse(
    { fields: [...fields], data: rows },
    { escapeFormulae: FORMULA_TRIGGER, newline: '\r\n' },
  )}\r\n`;
}

/** People as CSV, one row per person, their profile URLs joined by spaces. */
export function peopleToCsv(people: readonly Person[], profiles: readonly Profile[]): string {
  const urls = new Map<string, string[]>();
  for (const profile of profiles) {
    const list = urls.get(profile.personId);
    if (list) list.push(profile.url);
    else urls.set(profile.personId, [profile.url]);
  }
  const rows = people.map((p) => [
    p.name,
    p.company ?? '',
    p.position ?? '',
    p.headline ?? '',
    p.location ?? '',
    p.email ?? '',
    p.connectedOn ?? '',
    p.firstMet?.date ?? '',
    p.firstMet?.where ?? '',
    p.tags.join(', '),
    (urls.get(p.id) ?? []).join(' '),
  ]);
  return unparse(PEOPLE_COLUMNS, rows);
}

/** Shared work as CSV, one row per piece of work, with the person's name. */
export function sharedWorkToCsv(works: readonly SharedWork[], people: readonly Person[]): string {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const rows = works.map((w) => [
    names.get(w.personId) ?? '',
    w.kind,
    w.direction,
    w.status,
    w.title ?? '',
    w.startDate ?? '',
    w.endDate ?? '',
    w.outcome?.quality === undefined ? '' : String(w.outcome.quality),
    w.outcome?.reliability ?? '',
    w.outcome?.payment?.status ?? '',
    w.outcome?.payment?.lateDays === undefined ? '' : String(w.outcome.payment.lateDays),
    w.outcome?.wouldWorkAgain ?? '',
    w.note ?? '',
  ]);
  return unparse(WORK_COLUMNS, rows);
}

/** All people as a CSV file, read in one transaction so the rows agree with each other. */
export async function exportPeopleCsv(tdb: TrustDb): Promise<Blob> {
  // nameSort is never undefined (see PersonRow), so ordering by its index keeps every person.
  const [people, profiles] = await tdb.transaction('r', tdb.people, tdb.profiles, () =>
    Promise.all([tdb.people.orderBy('nameSort').toArray(), tdb.profiles.toArray()]),
  );
  return new Blob([peopleToCsv(people.map(toPerson), profiles)], { type: 'text/csv;charset=utf-8' });
}

/** All shared work as a CSV file, oldest first; undated work last. */
export async function exportSharedWorkCsv(tdb: TrustDb): Promise<Blob> {
  const [works, people] = await tdb.transaction('r', tdb.sharedWork, tdb.people, () =>
    // Not orderBy('startDate'): an index leaves out the work that has no start date.
    Promise.all([tdb.sharedWork.toArray(), tdb.people.toArray()]),
  );
  const undated = '\uffff';
  works.sort(
    (a, b) => (a.startDate ?? undated).localeCompare(b.startDate ?? undated) || a.createdAt - b.createdAt,
  );
  return new Blob([sharedWorkToCsv(works, people)], { type: 'text/csv;charset=utf-8' });
}

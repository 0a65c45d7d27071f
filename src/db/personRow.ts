import { untestedSince } from '../core/flags.ts';
import { queueRank } from '../core/queue.ts';
import { searchKey, searchWords } from '../core/searchText.ts';
import { evaluatePerson, type Stage } from '../core/trust.ts';
import type { Person, SharedWork } from '../core/types.ts';

/** A person as stored: the Person plus fields derived from it and its shared work, for the indexes. */
export interface PersonRow extends Person {
  /** From core's evaluatePerson; never typed by hand. */
  stage: Stage;
  /** Folded distinct words of the name, for prefix search. */
  nameWords: string[];
  /** Folded name, so sorting ignores case and accents. */
  nameSort: string;
  /** `connectedOn`, or '' when unknown, so people without the date still appear when sorting by it. */
  connectedSort: string;
  /** Date of the latest shared work that happened (in progress or done), or '' when there is none. */
  lastWorkDate: string;
  fromImportKey: 0 | 1;
  /** core's untestedSince: the last day of the first contact while nothing is shared, else ''. */
  untestedSince: string;
  /** core's queueRank, only while `untestedSince` is set: the queue's order (warmth and untested time). */
  queueRank?: number;
}

const DERIVED_FIELDS = [
  'stage',
  'nameWords',
  'nameSort',
  'connectedSort',
  'lastWorkDate',
  'fromImportKey',
  'untestedSince',
  'queueRank',
] as const satisfies readonly (keyof PersonRow)[];

function lastWorkDate(works: readonly SharedWork[]): string {
  let latest = '';
  for (const work of works) {
    if (work.status !== 'done' && work.status !== 'inProgress') continue;
    const date = work.endDate ?? work.startDate ?? '';
    if (date > latest) latest = date;
  }
  return latest;
}

/**
 * The stored row for a person: recomputes every derived field from the person and all of their shared
 * work. Every writer of people rows (mutations, the LinkedIn import) goes through this.
 */
export function derivePersonRow(person: Person, works: readonly SharedWork[], now: Date): PersonRow {
  const plain = toPerson(person);
  const row: PersonRow = {
    ...plain,
    stage: evaluatePerson({ person: plain, works: [...works], now }).stage.stage,
    nameWords: searchWords(plain.name),
    nameSort: searchKey(plain.name),
    connectedSort: plain.connectedOn ?? '',
    lastWorkDate: lastWorkDate(works),
    fromImportKey: plain.fromImport ? 1 : 0,
    untestedSince: untestedSince(plain, works) ?? '',
  };
  const rank = queueRank(plain, works);
  if (rank !== undefined) row.queueRank = rank;
  return row;
}

/** The Person without derived fields, e.g. for backups or for handing to core. */
export function toPerson(row: Person | PersonRow): Person {
  const person: Partial<PersonRow> = { ...row };
  for (const field of DERIVED_FIELDS) delete person[field];
  return person as Person;
}

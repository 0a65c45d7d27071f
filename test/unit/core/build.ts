// Small builders for core tests: a person and shared work with only the fields a test cares about.
import type { Person, SharedWork } from '../../../src/core/types.ts';

/** Local noon, so the calendar day is the same in every time zone the tests run in. */
export function day(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const result = new Date(0);
  result.setFullYear(y!, (m ?? 1) - 1, d ?? 1);
  result.setHours(12, 0, 0, 0);
  return result;
}

export const NOW = day('2024-06-15');

export function person(overrides: Partial<Person> = {}): Person {
  return { id: 'p1', name: 'Rana', tags: [], userEdited: [], createdAt: 0, updatedAt: 0, ...overrides };
}

let counter = 0;

export function work(overrides: Partial<SharedWork> = {}): SharedWork {
  counter += 1;
  return {
    id: `w${counter}`,
    personId: 'p1',
    kind: 'smallTask',
    direction: 'together',
    status: 'done',
    endDate: '2020-05-01',
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

import { describe, expect, test } from 'vitest';
import {
  activeFilterCount,
  DEFAULT_FILTERS,
  type PeopleFilters,
  parsePeopleFilters,
  peopleFiltersParams,
  toPeopleQuery,
} from '../../../../src/options/people/peopleFilters.ts';

const parse = (query: string) => parsePeopleFilters(new URLSearchParams(query));

describe('parsePeopleFilters', () => {
  test.each<[string, PeopleFilters]>([
    ['', DEFAULT_FILTERS],
    ['q=had%20fa', { ...DEFAULT_FILTERS, text: 'had fa' }],
    ['stage=proven', { ...DEFAULT_FILTERS, stage: 'proven' }],
    ['stage=caution', { ...DEFAULT_FILTERS, stage: 'caution' }],
    ['site=github', { ...DEFAULT_FILTERS, site: 'github' }],
    ['flag=stalled', { ...DEFAULT_FILTERS, flag: 'stalled' }],
    ['dormant=1', { ...DEFAULT_FILTERS, dormant: true }],
    // Dormant people are no flag any more: an old address asking for them gets no flag filter.
    ['flag=dormant', DEFAULT_FILTERS],
    ['tag=%20design%20', { ...DEFAULT_FILTERS, tag: 'design' }],
    ['from=2019&to=2020-06', { ...DEFAULT_FILTERS, connectedFrom: '2019', connectedTo: '2020-06' }],
    ['sort=lastWork&dir=desc', { ...DEFAULT_FILTERS, sort: 'lastWork', dir: 'desc' }],
    // Values that are not one of the known ones are dropped, not passed to the database.
    ['stage=boss&site=myspace&flag=angry&sort=age&dir=up', DEFAULT_FILTERS],
    ['from=2021-02-29&to=yesterday', DEFAULT_FILTERS],
    ['tag=%20%20', DEFAULT_FILTERS],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  test('caps the search text so an address cannot carry megabytes', () => {
    expect(parse(`q=${'a'.repeat(5000)}`).text).toHaveLength(200);
  });
});

test.each<PeopleFilters>([
  DEFAULT_FILTERS,
  { ...DEFAULT_FILTERS, text: 'O’Brien & co', stage: 'tested', site: 'x', flag: 'stalled', tag: 'تصميم' },
  { ...DEFAULT_FILTERS, dormant: true, tag: 'client' },
  { ...DEFAULT_FILTERS, connectedFrom: '2015-03', connectedTo: '2016', sort: 'connectedOn', dir: 'desc' },
])('params round-trip: %j', (filters) => {
  expect(parsePeopleFilters(peopleFiltersParams(filters))).toEqual(filters);
});

test('defaults are left out of the address', () => {
  expect(peopleFiltersParams(DEFAULT_FILTERS).toString()).toBe('');
  expect(peopleFiltersParams({ ...DEFAULT_FILTERS, dir: 'desc' }).toString()).toBe('dir=desc');
});

describe('toPeopleQuery', () => {
  test('blank search text is no search', () => {
    expect(toPeopleQuery({ ...DEFAULT_FILTERS, text: '   ' })).toEqual({ sort: 'name', dir: 'asc' });
  });
  test('every filter is passed on', () => {
    expect(
      toPeopleQuery({
        text: 'fa',
        stage: 'tested',
        site: 'github',
        flag: 'followUpDue',
        tag: 'ux',
        connectedFrom: '2019',
        connectedTo: '2020',
        sort: 'stage',
        dir: 'desc',
      }),
    ).toEqual({
      text: 'fa',
      stage: 'tested',
      site: 'github',
      flag: 'followUpDue',
      tag: 'ux',
      connectedFrom: '2019',
      connectedTo: '2020',
      sort: 'stage',
      dir: 'desc',
    });
  });
});

test.each<[PeopleFilters, number]>([
  [DEFAULT_FILTERS, 0],
  [{ ...DEFAULT_FILTERS, sort: 'stage', dir: 'desc' }, 0],
  [{ ...DEFAULT_FILTERS, text: ' x ' }, 1],
  [{ ...DEFAULT_FILTERS, stage: 'tested', connectedFrom: '2019', connectedTo: '2020' }, 3],
])('activeFilterCount(%j) = %i', (filters, count) => {
  expect(activeFilterCount(filters)).toBe(count);
});

describe('the dormant filter', () => {
  test('asks for people untested since the cutoff, warmest first, whatever the sort chosen', () => {
    expect(
      toPeopleQuery({ ...DEFAULT_FILTERS, dormant: true, sort: 'stage', dir: 'desc' }, '2021-06-15'),
    ).toEqual({
      untestedBy: '2021-06-15',
      sort: 'warmth',
      dir: 'asc',
    });
  });
  test('counts as a filter, for "Clear filters"', () => {
    expect(activeFilterCount({ ...DEFAULT_FILTERS, dormant: true })).toBe(1);
  });
});

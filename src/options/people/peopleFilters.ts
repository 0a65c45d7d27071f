// The people list's filters and sort, as they live in the address (`#/people?q=…&stage=…`) and as the
// query db/queries.ts understands. Anything unknown or malformed in the address is ignored, never trusted.
import { isPartialDate } from '../../core/dates.ts';
import { FLAG_KINDS } from '../../core/flags.ts';
import { SITES } from '../../core/identity.ts';
import { STAGES, type Stage } from '../../core/trust.ts';
import type { FlagKind, PartialDate, Site } from '../../core/types.ts';
import type { PeopleQuery, PeopleSort } from '../../db/queries.ts';

/** The sorts the user can pick; warmth is the dormant filter's own order, not a choice. */
export type ListSort = Exclude<PeopleSort, 'warmth'>;
export const PEOPLE_SORTS: readonly ListSort[] = ['name', 'connectedOn', 'lastWork', 'stage'];

export interface PeopleFilters {
  text: string;
  /** Dormant connections (no step taken for the dormancy threshold), warmest first: the weekly queue's pool. */
  dormant?: boolean;
  stage?: Stage;
  site?: Site;
  flag?: FlagKind;
  tag?: string;
  connectedFrom?: PartialDate;
  connectedTo?: PartialDate;
  sort: ListSort;
  dir: 'asc' | 'desc';
}

export const DEFAULT_FILTERS: PeopleFilters = { text: '', sort: 'name', dir: 'asc' };

const TEXT_MAX = 200;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

function dateParam(value: string | null): PartialDate | undefined {
  return value !== null && isPartialDate(value) ? value : undefined;
}

export function parsePeopleFilters(params: URLSearchParams): PeopleFilters {
  const filters: PeopleFilters = {
    text: (params.get('q') ?? '').slice(0, TEXT_MAX),
    sort: oneOf(PEOPLE_SORTS, params.get('sort')) ?? DEFAULT_FILTERS.sort,
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
  const stage = oneOf(STAGES, params.get('stage'));
  const site = oneOf(SITES, params.get('site'));
  const flag = oneOf(FLAG_KINDS, params.get('flag'));
  const tag = params.get('tag')?.trim().slice(0, TEXT_MAX);
  const connectedFrom = dateParam(params.get('from'));
  const connectedTo = dateParam(params.get('to'));
  if (params.get('dormant') === '1') filters.dormant = true;
  if (stage) filters.stage = stage;
  if (site) filters.site = site;
  if (flag) filters.flag = flag;
  if (tag) filters.tag = tag;
  if (connectedFrom) filters.connectedFrom = connectedFrom;
  if (connectedTo) filters.connectedTo = connectedTo;
  return filters;
}

/** Only what differs from the defaults, in a fixed order, so equal filters give equal addresses. */
export function peopleFiltersParams(filters: PeopleFilters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | undefined) => {
    if (value) params.set(name, value);
  };
  set('q', filters.text);
  if (filters.dormant) params.set('dormant', '1');
  set('stage', filters.stage);
  set('site', filters.site);
  set('flag', filters.flag);
  set('tag', filters.tag);
  set('from', filters.connectedFrom);
  set('to', filters.connectedTo);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.dir !== DEFAULT_FILTERS.dir) params.set('dir', filters.dir);
  return params;
}

/**
 * The database query for the filters (paging is added by the list as it scrolls). The dormant filter needs the
 * day a first contact must be on or before to be dormant today (core's dormancyCutoff); it orders by warmth.
 */
export function toPeopleQuery(filters: PeopleFilters, dormancyCutoff?: PartialDate): PeopleQuery {
  const query: PeopleQuery = { sort: filters.sort, dir: filters.dir };
  if (filters.dormant && dormancyCutoff !== undefined) {
    query.untestedBy = dormancyCutoff;
    query.sort = 'warmth';
    query.dir = 'asc';
  }
  if (filters.text.trim()) query.text = filters.text;
  if (filters.stage) query.stage = filters.stage;
  if (filters.site) query.site = filters.site;
  if (filters.flag) query.flag = filters.flag;
  if (filters.tag) query.tag = filters.tag;
  if (filters.connectedFrom) query.connectedFrom = filters.connectedFrom;
  if (filters.connectedTo) query.connectedTo = filters.connectedTo;
  return query;
}

/** How many filters narrow the list (search text included), for "Clear filters". */
export function activeFilterCount(filters: PeopleFilters): number {
  return [
    filters.text.trim(),
    filters.dormant,
    filters.stage,
    filters.site,
    filters.flag,
    filters.tag,
    filters.connectedFrom,
    filters.connectedTo,
  ].filter(Boolean).length;
}

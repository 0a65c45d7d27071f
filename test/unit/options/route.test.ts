import { describe, expect, test } from 'vitest';
import { DEFAULT_FILTERS } from '../../../src/options/people/peopleFilters.ts';
import { parseRoute, type Route, routeHash } from '../../../src/options/route.ts';

describe('parseRoute', () => {
  test.each<[string, Route]>([
    ['', { view: 'people', filters: DEFAULT_FILTERS }],
    ['#', { view: 'people', filters: DEFAULT_FILTERS }],
    ['#/', { view: 'people', filters: DEFAULT_FILTERS }],
    ['#/people', { view: 'people', filters: DEFAULT_FILTERS }],
    [
      '#/people?q=fadi&stage=tested',
      { view: 'people', filters: { ...DEFAULT_FILTERS, text: 'fadi', stage: 'tested' } },
    ],
    ['#/person/abc-123', { view: 'person', id: 'abc-123' }],
    ['/person/abc-123', { view: 'person', id: 'abc-123' }],
    ['#/person/a%2Fb', { view: 'person', id: 'a/b' }],
    ['#/network', { view: 'network' }],
    ['#/settings', { view: 'settings' }],
    ['#/data', { view: 'data' }],
    // Unknown or malformed addresses fall back to the list rather than an empty page.
    ['#/person/', { view: 'people', filters: DEFAULT_FILTERS }],
    ['#/person/a/b', { view: 'people', filters: DEFAULT_FILTERS }],
    ['#/person/%E0%A4%A', { view: 'people', filters: DEFAULT_FILTERS }],
    ['#/settings/extra', { view: 'people', filters: DEFAULT_FILTERS }],
    ['#/nowhere', { view: 'people', filters: DEFAULT_FILTERS }],
  ])('%s', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });
});

describe('routeHash', () => {
  test.each<[Route, string]>([
    [{ view: 'people', filters: DEFAULT_FILTERS }, '#/people'],
    [
      { view: 'people', filters: { ...DEFAULT_FILTERS, text: 'فادي', sort: 'stage' } },
      '#/people?q=%D9%81%D8%A7%D8%AF%D9%8A&sort=stage',
    ],
    [{ view: 'person', id: 'a/b c' }, '#/person/a%2Fb%20c'],
    [{ view: 'network' }, '#/network'],
    [{ view: 'settings' }, '#/settings'],
    [{ view: 'data' }, '#/data'],
  ])('%j → %s, and back', (route, hash) => {
    expect(routeHash(route)).toBe(hash);
    expect(parseRoute(hash)).toEqual(route);
  });
});

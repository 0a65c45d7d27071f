// The options page's address is its state: `#/people?…filters`, `#/person/<id>`, `#/network`,
// `#/settings`, `#/sync`, `#/data`. So the back button works, a view survives a reload, and the panel's
// "open full record" (ui/components/links.ts) is a plain link to `options.html#/person/<id>`.
import { type PeopleFilters, parsePeopleFilters, peopleFiltersParams } from './people/peopleFilters.ts';

export type Route =
  | { view: 'people'; filters: PeopleFilters }
  | { view: 'person'; id: string }
  | { view: 'network' }
  | { view: 'settings' }
  | { view: 'sync' }
  | { view: 'data' };

export type ViewName = Route['view'];

const SIMPLE_VIEWS = ['network', 'settings', 'sync', 'data'] as const;

/** Reads a location hash (with or without the leading `#`); anything unknown is the people list. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '').replace(/^\/+/, '');
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  const [first = '', second, ...rest] = path.split('/');
  if (first === 'person' && second && rest.length === 0) {
    const id = safeDecode(second);
    if (id) return { view: 'person', id };
  }
  const simple = SIMPLE_VIEWS.find((view) => view === first);
  if (simple && second === undefined) return { view: simple };
  return { view: 'people', filters: parsePeopleFilters(query) };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The hash for a route, starting with `#`; the inverse of parseRoute. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'person':
      return `#/person/${encodeURIComponent(route.id)}`;
    case 'people': {
      const query = peopleFiltersParams(route.filters).toString();
      return query ? `#/people?${query}` : '#/people';
    }
    default:
      return `#/${route.view}`;
  }
}

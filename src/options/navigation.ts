// Moving between views. The hash is the single source of truth: views call navigate(), the app re-reads
// the hash. Typing in the search box replaces the history entry instead of adding one per keystroke.
import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route, routeHash } from './route.ts';

const NAVIGATED = 'tn-navigated';

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (hash === location.hash) return;
  if (options.replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  // pushState and replaceState fire no event of their own.
  window.dispatchEvent(new Event(NAVIGATED));
}

/** The current route, kept in step with the address (links, back and forward, navigate()). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    for (const type of ['hashchange', 'popstate', NAVIGATED]) window.addEventListener(type, update);
    return () => {
      for (const type of ['hashchange', 'popstate', NAVIGATED]) window.removeEventListener(type, update);
    };
  }, []);
  return route;
}

// Canonical profile keys. Every key in the database is built here, so two spellings of the same profile
// (percent-encoded or not, other case, a tracking query, a locale subdomain) always meet on one record.

import type { ProfileKey, Site } from './types.ts';

export const SITES: readonly Site[] = [
  'linkedin',
  'github',
  'x',
  'gitlab',
  'stackoverflow',
  'mastodon',
  'behance',
  'dribbble',
];

export interface ProfileRef {
  site: Site;
  handle: string;
  key: ProfileKey;
}

/** decodeURIComponent that never throws: a malformed escape is kept as written, the valid ones around it decoded. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * The handle part of a key. Lower case is locale-independent (`toLowerCase`, never `toLocaleLowerCase`), so the
 * same handle gives the same key under a Turkish or any other UI locale.
 */
export function normaliseHandle(site: Site, rawHandle: string): string {
  let handle = safeDecode(rawHandle.split(/[?#]/, 1)[0] ?? '')
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFC')
    .trim()
    .replace(/\/+$/, '')
    .trim();
  // X and Mastodon handles are written with a leading @ in prose and in Mastodon paths.
  if (site === 'x' || site === 'mastodon') handle = handle.replace(/^@/, '');
  return handle;
}

export function makeProfileKey(site: Site, rawHandle: string): ProfileKey {
  const handle = normaliseHandle(site, rawHandle);
  if (!handle) throw new RangeError(`Empty ${site} handle`);
  return `${site}:${handle}`;
}

export function parseProfileKey(key: string): { site: Site; handle: string } | null {
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const site = key.slice(0, colon) as Site;
  const handle = key.slice(colon + 1);
  if (!SITES.includes(site) || !handle || normaliseHandle(site, handle) !== handle) return null;
  return { site, handle };
}

/** The canonical page of a profile, for links back to it. */
export function profileUrl(key: ProfileKey): string | null {
  const parsed = parseProfileKey(key);
  if (!parsed) return null;
  const h = encodeURIComponent(parsed.handle);
  switch (parsed.site) {
    case 'linkedin':
      return `https://www.linkedin.com/in/${h}/`;
    case 'github':
      return `https://github.com/${h}`;
    case 'x':
      return `https://x.com/${h}`;
    case 'gitlab':
      return `https://gitlab.com/${h}`;
    case 'stackoverflow':
      return `https://stackoverflow.com/users/${h}`;
    case 'behance':
      return `https://www.behance.net/${h}`;
    case 'dribbble':
      return `https://dribbble.com/${h}`;
    case 'mastodon': {
      const at = parsed.handle.lastIndexOf('@');
      if (at <= 0) return null;
      return `https://${parsed.handle.slice(at + 1)}/@${encodeURIComponent(parsed.handle.slice(0, at))}`;
    }
  }
}

/** Accepts absolute http(s) URLs, and scheme-less ones such as `linkedin.com/in/jane` (as typed or imported). */
function toHttpUrl(input: string | URL): URL | null {
  if (typeof input !== 'string') return /^https?:$/.test(input.protocol) ? input : null;
  const text = input.trim();
  const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(text) && !/^[^/:]+:\d/.test(text);
  try {
    const url = new URL(hasScheme ? text : `https://${text.replace(/^\/+/, '')}`);
    return /^https?:$/.test(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

const pathSegments = (url: URL): string[] => url.pathname.split('/').filter(Boolean);

const hostIs = (host: string, ...names: string[]): boolean =>
  names.some((name) => host === name || host === `www.${name}`);

const words = (list: string): Set<string> => new Set(list.split(' '));

// Top-level paths that are the site's own pages, not accounts.
const GITHUB_RESERVED = words(
  'about account apps blog business codespaces collections contact copilot customer-stories dashboard discussions ' +
    'enterprise events explore features gist github-copilot issues join login logout marketplace mobile models new ' +
    'notifications open-source organizations orgs password_reset pricing pulls readme resources search security ' +
    'sessions settings signup site solutions sponsors stars team teams topics trending users watching',
);
const X_RESERVED = words(
  'home explore i search settings messages notifications compose login logout signup tos privacy intent share ' +
    'hashtag account bookmarks lists communities download jobs premium about rules help',
);
const X_TABS = words('with_replies media likes highlights articles superfollows');
const GITLAB_RESERVED = words(
  'admin api assets dashboard explore files groups help import jwt login oauth profile projects public s search ' +
    'sitemap snippets unsubscribes uploads users v2',
);
const GITLAB_USER_TABS = words('activity groups contributed projects starred snippets followers following');
const GITLAB_USERS_ROUTES = words(
  'sign_in sign_up sign_out password confirmation unlock auth almost_there edit',
);
const BEHANCE_RESERVED = words(
  'about account assets blog collection discover featured following for_you galleries gallery hire inbox joblist ' +
    'jobs live login logout misc moodboard notifications onboarding pro search settings signup',
);
const BEHANCE_TABS = words('projects moodboards appreciated insights services assets info');
const DRIBBBLE_RESERVED = words(
  'about account careers colors community contact designers following for-designers freelance-jobs goods hiring ' +
    'jobs learn messages notifications places popular pricing privacy pro resources search services session ' +
    'shots signup sitemap stories tags teams terms uploads',
);
const DRIBBBLE_TABS = words('about shots collections likes projects services');

const GITHUB_USER = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;
const X_USER = /^\w{1,15}$/;
const GITLAB_USER = /^[\w.][\w.-]*$/;
const PLAIN_USER = /^[\w-]+$/;

/** First path segment as an account on a site with `/<user>` profiles and optional `/<user>/<tab>` tabs. */
function userAtRoot(segs: string[], valid: RegExp, reserved: Set<string>, tabs?: Set<string>): string | null {
  const [user, tab, ...rest] = segs;
  if (!user || !valid.test(user) || reserved.has(user.toLowerCase()) || rest.length) return null;
  if (tab !== undefined && !tabs?.has(tab.toLowerCase())) return null;
  return user;
}

function handleFromUrl(url: URL): { site: Site; handle: string } | null {
  const host = url.hostname.replace(/\.$/, '');
  const segs = pathSegments(url);
  const [first, second] = segs;
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) {
    // `/in/<slug>/…` on any locale or mobile host, and the lite mobile site `/mwlite/in/<slug>`.
    const at = first === 'in' ? 1 : first === 'mwlite' && second === 'in' ? 2 : -1;
    const slug = at > 0 ? segs[at] : undefined;
    return slug ? { site: 'linkedin', handle: slug } : null;
  }
  let site: Site;
  let handle: string | null;
  if (hostIs(host, 'github.com')) {
    site = 'github';
    handle = userAtRoot(segs, GITHUB_USER, GITHUB_RESERVED);
  } else if (
    hostIs(host, 'x.com', 'twitter.com') ||
    host === 'mobile.twitter.com' ||
    host === 'mobile.x.com'
  ) {
    site = 'x';
    handle = userAtRoot(segs, X_USER, X_RESERVED, X_TABS);
  } else if (hostIs(host, 'gitlab.com')) {
    site = 'gitlab';
    // `/users/<name>` and its tabs are the same profile as `/<name>`; `/users/sign_in` and friends are not.
    handle =
      first === 'users'
        ? second && !GITLAB_USERS_ROUTES.has(second.toLowerCase())
          ? userAtRoot(segs.slice(1), GITLAB_USER, new Set(), GITLAB_USER_TABS)
          : null
        : userAtRoot(segs, GITLAB_USER, GITLAB_RESERVED);
    if (handle && /\.(?:git|atom)$/i.test(handle)) handle = null;
  } else if (hostIs(host, 'stackoverflow.com')) {
    site = 'stackoverflow';
    // The numeric id is the account; the name after it is a changeable display slug.
    handle = first === 'users' && second && /^\d+$/.test(second) && segs.length <= 3 ? second : null;
  } else if (hostIs(host, 'behance.net')) {
    site = 'behance';
    handle = userAtRoot(segs, PLAIN_USER, BEHANCE_RESERVED, BEHANCE_TABS);
  } else if (hostIs(host, 'dribbble.com')) {
    site = 'dribbble';
    handle = userAtRoot(segs, PLAIN_USER, DRIBBBLE_RESERVED, DRIBBBLE_TABS);
  } else {
    return null;
  }
  return handle ? { site, handle } : null;
}

/** The profile a URL points at, for sites whose URL alone identifies the person (all but Mastodon). */
export function profileFromUrl(input: string | URL): ProfileRef | null {
  const url = toHttpUrl(input);
  const found = url && handleFromUrl(url);
  if (!found) return null;
  const handle = normaliseHandle(found.site, found.handle);
  return handle ? { site: found.site, handle, key: `${found.site}:${handle}` } : null;
}

const MASTODON_TABS = words('with_replies media featured');

/**
 * The `user@instance` handle of a Mastodon-style profile path: `/@user` on its home instance, `/@user@remote` as seen
 * from another. Only the path is read: whether the page is a Mastodon instance at all is for the page to say.
 */
export function mastodonHandleFromUrl(input: string | URL): string | null {
  const url = toHttpUrl(input);
  if (!url) return null;
  const [account, tab, ...rest] = pathSegments(url);
  if (rest.length || (tab !== undefined && !MASTODON_TABS.has(tab.toLowerCase()))) return null;
  const match = /^@([\w.-]+)(?:@([a-z\d.-]+\.[a-z\d-]+))?$/i.exec(safeDecode(account ?? ''));
  if (!match) return null;
  return normaliseHandle('mastodon', `${match[1]}@${match[2] ?? url.hostname.replace(/\.$/, '')}`);
}

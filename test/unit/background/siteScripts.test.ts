import { beforeEach, describe, expect, test, vi } from 'vitest';
import { optionalSites } from '../../../src/core/sites/index.ts';
import type { Site } from '../../../src/core/types.ts';

// The browser the worker sees: host permissions granted so far, and the registered content scripts. Its
// permissions behave as browsers' do: `contains` answers whether some granted pattern covers the asked one, by
// host alone (browsers ignore a host permission's path), and `getAll` lists the patterns as granted.
const state = vi.hoisted(() => ({
  granted: new Set<string>(),
  registered: [] as Array<{ id: string; matches?: string[]; js?: string[] }>,
  injected: [] as Array<{ tabId: number; files: string[] }>,
  tabs: [] as Array<{ id: number; url: string }>,
  /** storage.local, where the Sync view records its server's permission (sync/serverGrant.ts). */
  local: new Map<string, unknown>(),
  /** The content script's path as getManifest() reports it: as written in Chrome, a full URL in Firefox. */
  manifestJs: 'src/content/index.js',
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      getManifest: () => ({
        content_scripts: [{ js: [state.manifestJs], matches: ['https://*.linkedin.com/*'] }],
      }),
      getURL: (path: string) => `moz-extension://7c1f0e2a-5b3d-4e6f-8a9b-0c1d2e3f4a5b/${path}`,
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) =>
        origins.every((asked) => [...state.granted].some((pattern) => hostCovers(pattern, asked))),
      getAll: async () => ({ permissions: [], origins: [...state.granted] }),
    },
    scripting: {
      getRegisteredContentScripts: async () => state.registered.map((s) => ({ ...s })),
      registerContentScripts: async (scripts: Array<{ id: string }>) => {
        for (const script of scripts) {
          if (state.registered.some((s) => s.id === script.id))
            throw new Error(`Duplicate script ID '${script.id}'`);
          state.registered.push(script);
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        state.registered = state.registered.filter((s) => !ids.includes(s.id));
      },
      executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
        state.injected.push({ tabId: target.tabId, files });
      },
    },
    storage: {
      local: {
        get: async (key: string) => (state.local.has(key) ? { [key]: state.local.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) state.local.set(key, value);
        },
        remove: async (key: string) => {
          state.local.delete(key);
        },
      },
    },
    tabs: {
      query: async ({ url }: { url: string[] }) =>
        state.tabs.filter((tab) =>
          url.some((pattern) => new URL(tab.url).host === new URL(pattern.replace('*.', '')).host),
        ),
    },
  },
}));

/** Whether a granted pattern covers an asked one, as browsers decide it: scheme and host, never the path. */
function hostCovers(granted: string, asked: string): boolean {
  const parts = (pattern: string) => /^(\*|https?):\/\/([^/]+)\//.exec(pattern)?.slice(1) ?? ['', ''];
  const [gScheme, gHost] = parts(granted);
  const [aScheme, aHost] = parts(asked);
  if (gScheme !== '*' && gScheme !== aScheme) return false;
  if (gHost === '*') return true;
  if (gHost?.startsWith('*.')) return aHost === gHost.slice(2) || !!aHost?.endsWith(gHost.slice(1));
  return gHost === aHost;
}

const { extensionRelative, injectIntoOpenTabs, planSiteScripts, scriptId, syncSiteScripts, wantedScripts } =
  await import('../../../src/background/siteScripts.ts');
const { grantsChanged } = await import('../../../src/background/grants.ts');
const { forgetSyncServer, recordSyncServer } = await import('../../../src/sync/serverGrant.ts');

const matchesOf = (site: Site) => optionalSites().find((s) => s.site === site)!.matches;
// What permissions.onAdded / onRemoved do in the worker: the grants are read again.
const grant = (site: Site) => {
  for (const origin of matchesOf(site)) state.granted.add(origin);
  grantsChanged();
};
const revoke = (site: Site) => {
  for (const origin of matchesOf(site)) state.granted.delete(origin);
  grantsChanged();
};
const grantOrigin = (origin: string) => {
  state.granted.add(origin);
  grantsChanged();
};
const revokeOrigin = (origin: string) => {
  state.granted.delete(origin);
  grantsChanged();
};
const registeredMatches = () => Object.fromEntries(state.registered.map((s) => [s.id, s.matches]));

beforeEach(() => {
  grantsChanged();
  state.granted.clear();
  state.registered = [];
  state.injected = [];
  state.tabs = [];
  state.local.clear();
  state.manifestJs = 'src/content/index.js';
});

describe('planSiteScripts', () => {
  const gh = { id: 'trust-notes-site-github', matches: ['https://github.com/*'] };
  const masto = (...hosts: string[]) => ({
    id: 'trust-notes-site-mastodon',
    matches: hosts.map((host) => `https://${host}/*`),
  });
  test.each<[string, (typeof gh)[], Array<{ id: string; matches?: string[] }>, object]>([
    ['nothing granted, nothing registered', [], [], { register: [], unregister: [] }],
    ['a new grant', [gh], [], { register: [gh], unregister: [] }],
    ['already registered', [gh], [gh], { register: [], unregister: [] }],
    [
      'a revoked grant',
      [],
      [{ id: 'trust-notes-site-x', matches: ['https://x.com/*'] }],
      { register: [], unregister: ['trust-notes-site-x'] },
    ],
    ['scripts of others are left alone', [], [{ id: 'someone-else' }], { register: [], unregister: [] }],
    [
      'an instance added: the script is registered again with both hosts',
      [masto('fosstodon.org', 'mastodon.social')],
      [masto('mastodon.social')],
      { register: [masto('fosstodon.org', 'mastodon.social')], unregister: ['trust-notes-site-mastodon'] },
    ],
    [
      'the same hosts in another order are the same script',
      [masto('a.example', 'b.example')],
      [masto('b.example', 'a.example')],
      { register: [], unregister: [] },
    ],
  ])('%s', (_, wanted, registered, expected) => {
    expect(planSiteScripts(wanted, registered)).toEqual(expected);
  });
});

describe('wantedScripts', () => {
  test('a site with its own patterns; Mastodon with exactly the granted instances; LinkedIn is the manifest’s', () => {
    expect(
      wantedScripts({ sites: ['linkedin', 'gitlab'], instances: ['fosstodon.org', 'mastodon.social'] }),
    ).toEqual([
      { id: scriptId('gitlab'), matches: ['https://gitlab.com/*'] },
      { id: scriptId('mastodon'), matches: ['https://fosstodon.org/*', 'https://mastodon.social/*'] },
    ]);
    expect(wantedScripts({ sites: [], instances: [] })).toEqual([]);
  });
});

describe('extensionRelative', () => {
  test.each([
    ['Chrome: as written', 'src/content/index.js', 'chrome-extension://abc/', 'src/content/index.js'],
    [
      'Firefox: a full URL',
      'moz-extension://u-1/src/content/index.js',
      'moz-extension://u-1/',
      'src/content/index.js',
    ],
    [
      'another extension’s URL is left as is',
      'moz-extension://u-2/a.js',
      'moz-extension://u-1/',
      'moz-extension://u-2/a.js',
    ],
  ])('%s', (_, file, root, expected) => {
    expect(extensionRelative(file, root)).toBe(expected);
  });
});

describe('syncSiteScripts', () => {
  test('registers the built content script on each granted site, with that site’s patterns', async () => {
    grant('github');
    grantOrigin('https://mastodon.social/*');
    expect(await syncSiteScripts()).toEqual(['https://github.com/*', 'https://mastodon.social/*']);
    expect(state.registered).toEqual([
      {
        id: scriptId('github'),
        matches: ['https://github.com/*'],
        js: ['src/content/index.js'],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
      {
        id: scriptId('mastodon'),
        matches: ['https://mastodon.social/*'],
        js: ['src/content/index.js'],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
  });

  test('granting GitHub enables GitHub and nothing else', async () => {
    grant('github');
    await syncSiteScripts();
    expect(registeredMatches()).toEqual({ [scriptId('github')]: ['https://github.com/*'] });
  });

  test('one Mastodon instance covers that host and no other: no other site, no other instance', async () => {
    grantOrigin('https://mastodon.social/*');
    await syncSiteScripts();
    expect(registeredMatches()).toEqual({ [scriptId('mastodon')]: ['https://mastodon.social/*'] });
  });

  test('a broad grant (every https site, as Firefox’s about:addons can give) enables nothing by itself', async () => {
    grantOrigin('https://*/*');
    grantOrigin('https://*/@*');
    await syncSiteScripts();
    expect(state.registered).toEqual([]);
    // With it, the site the user did enable is on, and only that one.
    grant('gitlab');
    await syncSiteScripts();
    expect(registeredMatches()).toEqual({ [scriptId('gitlab')]: ['https://gitlab.com/*'] });
  });

  test('revoking one site or one instance leaves the others as they were', async () => {
    grant('github');
    grant('x');
    grantOrigin('https://mastodon.social/*');
    grantOrigin('https://fosstodon.org/*');
    await syncSiteScripts();
    revoke('github');
    revokeOrigin('https://mastodon.social/*');
    expect(await syncSiteScripts()).toEqual([]);
    expect(registeredMatches()).toEqual({
      [scriptId('x')]: ['https://x.com/*', 'https://twitter.com/*'],
      [scriptId('mastodon')]: ['https://fosstodon.org/*'],
    });
    revokeOrigin('https://fosstodon.org/*');
    await syncSiteScripts();
    expect(registeredMatches()).toEqual({ [scriptId('x')]: ['https://x.com/*', 'https://twitter.com/*'] });
  });

  test('the sync server, granted in an instance’s shape, is no instance: no script runs there', async () => {
    // What the Sync view does: it records the server as it asks for it, and the grant arrives.
    await recordSyncServer('https://couch.example.com/*');
    grantOrigin('https://couch.example.com/*');
    grantOrigin('https://mastodon.social/*');
    await syncSiteScripts();
    expect(registeredMatches()).toEqual({ [scriptId('mastodon')]: ['https://mastodon.social/*'] });
    // Sync stopped and its permission given back: the record goes too (storage.onChanged reads the grants again).
    revokeOrigin('https://couch.example.com/*');
    await forgetSyncServer();
    grantsChanged();
    await syncSiteScripts();
    expect(registeredMatches()).toEqual({ [scriptId('mastodon')]: ['https://mastodon.social/*'] });
  });

  test('an origin of a named site or not a host name is never taken for an instance', async () => {
    grantOrigin('https://github.com/*');
    grantOrigin('https://www.linkedin.com/*');
    grantOrigin('https://*.example.org/*');
    grantOrigin('https://192.168.1.10/*');
    grantOrigin('https://mastodon.social/@*');
    await syncSiteScripts();
    expect(registeredMatches()).toEqual({ [scriptId('github')]: ['https://github.com/*'] });
  });

  test('a site whose permission was taken back loses its script; a partial grant counts as none', async () => {
    grant('github');
    grant('x');
    await syncSiteScripts();
    revoke('github');
    revokeOrigin('https://twitter.com/*');
    expect(await syncSiteScripts()).toEqual([]);
    expect(state.registered).toEqual([]);
  });

  test('overlapping syncs (a worker start and permissions.onAdded) never register twice', async () => {
    grant('gitlab');
    const results = await Promise.all([syncSiteScripts(), syncSiteScripts(), syncSiteScripts()]);
    expect(results).toEqual([['https://gitlab.com/*'], [], []]);
    expect(state.registered.map((s) => s.id)).toEqual([scriptId('gitlab')]);
  });

  test('newly granted sites get the script in their open tabs too', async () => {
    state.tabs = [
      { id: 1, url: 'https://github.com/octo-jane' },
      { id: 2, url: 'https://gitlab.com/jdoe' },
    ];
    await injectIntoOpenTabs(['https://github.com/*']);
    expect(state.injected).toEqual([{ tabId: 1, files: ['src/content/index.js'] }]);
  });

  test('in Firefox, where getManifest() gives full moz-extension:// URLs, scripts are registered and injected by relative path', async () => {
    state.manifestJs = 'moz-extension://7c1f0e2a-5b3d-4e6f-8a9b-0c1d2e3f4a5b/src/content/index.js';
    state.tabs = [{ id: 3, url: 'https://github.com/octo-jane' }];
    grant('github');
    await injectIntoOpenTabs(await syncSiteScripts());
    expect(state.registered.map((s) => s.js)).toEqual([['src/content/index.js']]);
    expect(state.injected).toEqual([{ tabId: 3, files: ['src/content/index.js'] }]);
  });
});

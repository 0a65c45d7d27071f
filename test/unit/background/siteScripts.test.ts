import { beforeEach, describe, expect, test, vi } from 'vitest';
import { optionalSites } from '../../../src/core/sites/index';
import type { Site } from '../../../src/core/types';

// The browser the worker sees: host permissions granted so far, and the registered content scripts.
const state = vi.hoisted(() => ({
  granted: new Set<string>(),
  registered: [] as Array<{ id: string; matches?: string[]; js?: string[] }>,
  injected: [] as Array<{ tabId: number; files: string[] }>,
  tabs: [] as Array<{ id: number; url: string }>,
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
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)),
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
    tabs: {
      query: async ({ url }: { url: string[] }) =>
        state.tabs.filter((tab) =>
          url.some((pattern) => new URL(tab.url).host === new URL(pattern.replace('*.', '')).host),
        ),
    },
  },
}));

const { extensionRelative, injectIntoOpenTabs, planSiteScripts, scriptId, syncSiteScripts } = await import(
  '../../../src/background/siteScripts'
);

const matchesOf = (site: Site) => optionalSites().find((s) => s.site === site)!.matches;
const grant = (site: Site) => {
  for (const origin of matchesOf(site)) state.granted.add(origin);
};
const revoke = (site: Site) => {
  for (const origin of matchesOf(site)) state.granted.delete(origin);
};

beforeEach(() => {
  state.granted.clear();
  state.registered = [];
  state.injected = [];
  state.tabs = [];
  state.manifestJs = 'src/content/index.js';
});

describe('planSiteScripts', () => {
  test.each<[string, Site[], string[], { register: Site[]; unregister: string[] }]>([
    ['nothing granted, nothing registered', [], [], { register: [], unregister: [] }],
    ['a new grant', ['github'], [], { register: ['github'], unregister: [] }],
    ['already registered', ['github'], ['trust-notes-site-github'], { register: [], unregister: [] }],
    ['a revoked grant', [], ['trust-notes-site-x'], { register: [], unregister: ['trust-notes-site-x'] }],
    ['scripts of others are left alone', [], ['someone-else'], { register: [], unregister: [] }],
    [
      'both at once',
      ['gitlab', 'mastodon'],
      ['trust-notes-site-gitlab', 'trust-notes-site-x'],
      { register: ['mastodon'], unregister: ['trust-notes-site-x'] },
    ],
  ])('%s', (_, granted, registered, expected) => {
    expect(planSiteScripts(granted, registered)).toEqual(expected);
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
    grant('mastodon');
    expect(await syncSiteScripts()).toEqual(['github', 'mastodon']);
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
        matches: ['https://*/@*'],
        js: ['src/content/index.js'],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
  });

  test('a site whose permission was taken back loses its script; a partial grant counts as none', async () => {
    grant('github');
    grant('x');
    await syncSiteScripts();
    revoke('github');
    state.granted.delete('https://twitter.com/*');
    expect(await syncSiteScripts()).toEqual([]);
    expect(state.registered).toEqual([]);
  });

  test('overlapping syncs (a worker start and permissions.onAdded) never register twice', async () => {
    grant('gitlab');
    const results = await Promise.all([syncSiteScripts(), syncSiteScripts(), syncSiteScripts()]);
    expect(results).toEqual([['gitlab'], [], []]);
    expect(state.registered.map((s) => s.id)).toEqual([scriptId('gitlab')]);
  });

  test('newly granted sites get the script in their open tabs too', async () => {
    state.tabs = [
      { id: 1, url: 'https://github.com/octo-jane' },
      { id: 2, url: 'https://gitlab.com/jdoe' },
    ];
    await injectIntoOpenTabs(['github']);
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

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ProfileSnapshot } from '../../../src/core/types.ts';
import { ADAPTERS, detectProfile } from '../../../src/sites/index.ts';
import { FIXTURES, fixtureDoc, parseHtml } from './helpers.ts';

interface FixtureEntry {
  url: string;
  file: string;
  expect: { key: string; name: string } | null;
}

const INDEX: FixtureEntry[] = JSON.parse(readFileSync(`${FIXTURES}index.json`, 'utf8'));

const ARABIC_URL =
  'https://www.linkedin.com/in/%D9%81%D8%A7%D8%AF%D9%8A-%D8%A7%D9%84%D8%AD%D8%B3%D9%86-4b5c6d/';

/** The whole snapshot each profile fixture must give, keyed by file. */
const SNAPSHOTS: Record<string, ProfileSnapshot> = {
  'linkedin-profile.html': {
    site: 'linkedin',
    key: 'linkedin:jane-doe-1a2b3c',
    handle: 'jane-doe-1a2b3c',
    url: 'https://www.linkedin.com/in/jane-doe-1a2b3c/',
    name: 'Jane Doe',
    headline: 'Independent data engineer · helping NGOs build trustworthy pipelines',
    location: 'Cairo, Egypt',
    photoUrl:
      'https://www.linkedin.com/dms/image/v2/D4E03AQjane/profile-displayphoto-shrink_200_200/0/1700000000000?e=1760000000&v=beta&t=abc',
  },
  'linkedin-profile-arabic.html': {
    site: 'linkedin',
    key: 'linkedin:فادي-الحسن-4b5c6d',
    handle: 'فادي-الحسن-4b5c6d',
    url: ARABIC_URL,
    name: 'فادي الحسن',
    headline: 'مستشار تحول رقمي – قطاع التعليم',
    location: 'القاهرة، مصر',
    photoUrl:
      'https://www.linkedin.com/dms/image/v2/C4D03AQfadi/profile-displayphoto-shrink_400_400/0/1600000000000',
  },
  'linkedin-profile-hostile.html': {
    site: 'linkedin',
    key: 'linkedin:mallory-hostile-7e7e7e',
    handle: 'mallory-hostile-7e7e7e',
    url: 'https://www.linkedin.com/in/mallory-hostile-7e7e7e/',
    name: '<img src=x onerror=alert(1)>',
    headline: 'Red team lead <script>window.__pwned=1</script>',
    location: 'Riyadh',
  },
  'github-profile.html': {
    site: 'github',
    key: 'github:octo-jane',
    handle: 'octo-jane',
    url: 'https://github.com/octo-jane',
    name: 'Jane Doe',
    headline: 'Data pipelines for NGOs. Open source when I can.',
    location: 'Cairo, Egypt',
    photoUrl: 'https://github.com/u/9876543?v=4',
  },
  'x-profile.html': {
    site: 'x',
    key: 'x:janedoe',
    handle: 'janedoe',
    url: 'https://x.com/janedoe',
    name: 'Jane Doe',
    headline: 'Data engineer. Auditable pipelines for NGOs. Views my own.',
    location: 'Cairo, Egypt',
    photoUrl: 'https://x.com/profile_images/1700000000000000000/abcd_400x400.jpg',
  },
  'gitlab-profile.html': {
    site: 'gitlab',
    key: 'gitlab:jdoe',
    handle: 'jdoe',
    url: 'https://gitlab.com/jdoe',
    name: 'Jane Doe',
    headline: 'Maintainer of audit-pipe. I review merge requests on Fridays.',
    location: 'Cairo, Egypt',
    photoUrl: 'https://gitlab.com/uploads/-/system/user/avatar/4242424/avatar.png?width=96',
  },
  'stackoverflow-profile.html': {
    site: 'stackoverflow',
    key: 'stackoverflow:1234567',
    handle: '1234567',
    url: 'https://stackoverflow.com/users/1234567',
    name: 'Jane Doe',
    headline: 'Data engineer who answers pandas questions',
    location: 'Cairo, Egypt',
    photoUrl: 'https://stackoverflow.com/Ab12Cd.png?s=256',
  },
  'mastodon-profile.html': {
    site: 'mastodon',
    key: 'mastodon:jane@mastodon.social',
    handle: 'jane@mastodon.social',
    url: 'https://mastodon.social/@jane',
    name: 'Jane Doe',
    headline: 'Data engineer. Auditable pipelines for NGOs. Cairo · she/her',
    photoUrl: 'https://mastodon.social/system/accounts/avatars/109/000/000/000/000/001/original/jane.png',
  },
  'behance-profile.html': {
    site: 'behance',
    key: 'behance:janedoe',
    handle: 'janedoe',
    url: 'https://www.behance.net/janedoe',
    name: 'Jane Doe',
    headline: 'Illustrator & type designer',
    location: 'Lisbon, Portugal',
    photoUrl: 'https://www.behance.net/user/276/12345678.5f1e2d3c.png',
  },
  'dribbble-profile.html': {
    site: 'dribbble',
    key: 'dribbble:janedoe',
    handle: 'janedoe',
    url: 'https://dribbble.com/janedoe',
    name: 'Jane Doe',
    headline: 'Product designer crafting calm interfaces for banks.',
    location: 'Lisbon, Portugal',
    photoUrl: 'https://dribbble.com/users/4567890/avatars/normal/abc123.png?1700000000',
  },
};

test('index.json lists every fixture page, and every site has a profile fixture', () => {
  const pages = readdirSync(FIXTURES).filter((file) => file.endsWith('.html'));
  expect(INDEX.map((entry) => entry.file).sort()).toEqual(pages.sort());
  for (const adapter of ADAPTERS) expect(pages).toContain(`${adapter.site}-profile.html`);
});

test('every profile fixture has a full expected snapshot that agrees with index.json', () => {
  const profiles = INDEX.filter((entry) => entry.expect);
  expect(Object.keys(SNAPSHOTS).sort()).toEqual(profiles.map((entry) => entry.file).sort());
  for (const entry of profiles) {
    expect(SNAPSHOTS[entry.file]).toMatchObject(entry.expect ?? {});
  }
});

test.each(INDEX.map((entry) => [entry.file, entry] as const))(
  '%s is self-contained and says where it is served',
  (file, entry) => {
    expect(readFileSync(`${FIXTURES}${file}`, 'utf8')).toContain(entry.url);
    const doc = fixtureDoc(file);
    expect(
      doc.querySelector('script, iframe, object, embed, link[rel~="stylesheet"], link[rel~="preload"]'),
    ).toBeNull();
    // Images come from the page's own origin (which the e2e suite serves) or nowhere: never another host.
    const origin = new URL(entry.url).origin;
    for (const el of Array.from(doc.querySelectorAll('[src], [srcset]'))) {
      const src = new URL(el.getAttribute('src') ?? '', entry.url);
      if (/^https?:$/.test(src.protocol)) expect(src.origin).toBe(origin);
    }
  },
);

describe.each(INDEX.map((entry) => [entry.file, entry.url, entry] as const))(
  '%s at %s',
  (file, url, entry) => {
    const doc = fixtureDoc(file);
    const pageUrl = new URL(url);

    if (entry.expect === null) {
      test('is not a profile', () => {
        expect(detectProfile(pageUrl, doc)).toBeNull();
      });
      return;
    }

    const expected = SNAPSHOTS[file];

    test('is detected with the expected handle', () => {
      const found = detectProfile(pageUrl, doc);
      expect(found?.adapter.site).toBe(expected?.site);
      expect(found?.handle).toBe(expected?.handle);
    });

    test('reads the expected snapshot, with nothing missing', () => {
      const found = detectProfile(pageUrl, doc);
      const { reading, ...read } = found?.adapter.read(pageUrl, doc) ?? {};
      expect(read).toEqual(expected);
      expect(reading?.missing).toEqual([]);
    });

    test('has rendered: its card is found and holds the name', () => {
      const adapter = detectProfile(pageUrl, doc)?.adapter;
      const card = adapter?.reader.card(doc);
      expect(card?.textContent).toContain(expected?.name?.slice(0, 4));
    });
  },
);

describe('hostile LinkedIn profile', () => {
  const url = new URL('https://www.linkedin.com/in/mallory-hostile-7e7e7e/');
  const doc = fixtureDoc('linkedin-profile-hostile.html');

  test('the payloads are text in the page, not markup', () => {
    expect(doc.querySelector('h1 img, script, [onerror]')).toBeNull();
  });

  test('the snapshot carries the raw payload strings as plain text and drops the javascript: photo', () => {
    const snapshot = detectProfile(url, doc)?.adapter.read(url, doc);
    expect(snapshot?.name).toBe('<img src=x onerror=alert(1)>');
    expect(snapshot?.headline).toContain('<script>window.__pwned=1</script>');
    expect(snapshot?.location).toBe('Riyadh');
    expect(snapshot).not.toHaveProperty('photoUrl');
  });
});

describe('the Arabic profile', () => {
  test('the encoded URL and the decoded URL give the same snapshot', () => {
    const doc = fixtureDoc('linkedin-profile-arabic.html');
    const decoded = new URL('https://www.linkedin.com/in/فادي-الحسن-4b5c6d/');
    const fromEncoded = detectProfile(new URL(ARABIC_URL), doc)?.adapter.read(new URL(ARABIC_URL), doc);
    const fromDecoded = detectProfile(decoded, doc)?.adapter.read(decoded, doc);
    expect(fromDecoded).toEqual(fromEncoded);
    expect(fromEncoded?.reading?.sources.name).toBe('heading');
    expect(fromEncoded?.key).toBe('linkedin:فادي-الحسن-4b5c6d');
  });
});

describe('single-page navigation: the URL changed but the page still shows the previous profile', () => {
  test.each([
    ['linkedin-profile.html', 'https://www.linkedin.com/in/john-roe-9f8e7d/'],
    ['linkedin-profile-arabic.html', 'https://www.linkedin.com/in/jane-doe-1a2b3c/'],
    ['x-profile.html', 'https://x.com/johnroe'],
    ['mastodon-profile.html', 'https://mastodon.social/@bob'],
    ['mastodon-profile.html', 'https://mastodon.social/@jane@fosstodon.org'],
  ])('%s read at %s gives no snapshot', (file, url) => {
    const doc = fixtureDoc(file);
    const found = detectProfile(new URL(url), doc);
    expect(found).not.toBeNull();
    expect(found?.adapter.read(new URL(url), doc)).toBeNull();
  });

  test('a LinkedIn member-id URL is not mistaken for a stale page', () => {
    const doc = fixtureDoc('linkedin-profile.html');
    const url = new URL('https://www.linkedin.com/in/ACoAABcdEfGh123/');
    expect(detectProfile(url, doc)?.adapter.read(url, doc)?.name).toBe('Jane Doe');
  });

  test('a Mastodon instance whose accounts live on another domain still reads its local profiles', () => {
    const html = readFileSync(`${FIXTURES}mastodon-profile.html`, 'utf8').replaceAll(
      'mastodon.social',
      'example.com',
    );
    const url = new URL('https://social.example.com/@jane');
    const snapshot = detectProfile(url, parseHtml(html))?.adapter.read(url, parseHtml(html));
    expect(snapshot?.key).toBe('mastodon:jane@social.example.com');
    expect(snapshot?.name).toBe('Jane Doe');
  });

  test('the key still comes from the URL, never the page', () => {
    const doc = fixtureDoc('github-profile.html');
    const url = new URL('https://github.com/someone-else');
    expect(detectProfile(url, doc)?.adapter.read(url, doc)?.key).toBe('github:someone-else');
  });
});

describe('pages that share a profile URL shape but are not people', () => {
  test('a GitHub organisation', () => {
    const org = parseHtml(
      '<head><meta name="hovercard-subject-tag" content="organization:9919"></head><body><h1>GitHub</h1></body>',
    );
    expect(detectProfile(new URL('https://github.com/github'), org)).toBeNull();
  });

  test('a GitLab group', () => {
    const group = parseHtml('<body data-page="groups:show"><h1>GitLab.org</h1></body>');
    expect(detectProfile(new URL('https://gitlab.com/gitlab-org'), group)).toBeNull();
  });

  test('a GitLab user page keeps working on its tabs', () => {
    const tab = parseHtml('<body data-page="users:activity"></body>');
    expect(detectProfile(new URL('https://gitlab.com/users/jdoe/activity'), tab)?.handle).toBe('jdoe');
  });
});

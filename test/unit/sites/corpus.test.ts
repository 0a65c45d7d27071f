// Every page of the markup corpus (test/fixtures/sites/corpus/) and every site's own fixture, read by its adapter:
// the fields it must give, and WHICH strategy gave each one. A change that silently drops a field to a weaker
// strategy (a name from the address instead of the page) fails here, naming the page and the field.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { PageField, ProfileSnapshot } from '../../../src/core/types.ts';
import { detectProfile } from '../../../src/sites/index.ts';
import { FIXTURES, parseHtml } from './helpers.ts';

interface Expectation {
  key: string;
  name: string;
  headline?: string | null;
  location?: string | null;
  photo?: boolean;
}
interface Entry {
  url: string;
  file: string;
  timing?: null | 'late-3s' | 'stale-pushstate';
  expect: Expectation | null;
  navigate?: { url: string; expect: Expectation };
}

const corpus: Entry[] = JSON.parse(readFileSync(`${FIXTURES}corpus/index.json`, 'utf8')).map((e: Entry) => ({
  ...e,
  file: `corpus/${e.file}`,
}));
const own: Entry[] = JSON.parse(readFileSync(`${FIXTURES}index.json`, 'utf8')).filter((e: Entry) => e.expect);
const ENTRIES = [...corpus, ...own];

type Sources = Partial<Record<PageField, string>>;
const linkedinClassic: Sources = {
  name: 'heading',
  headline: 'textBodyMedium',
  location: 'textBodySmall',
  photo: 'topCardPhoto',
};
const linkedinSdui: Sources = {
  name: 'heading',
  headline: 'afterName',
  location: 'besideContactInfo',
  photo: 'photoLink',
};

/** Which strategy gives each field, page by page. */
const SOURCES: Record<string, Sources> = {
  'corpus/linkedin-ember-classic.html': linkedinClassic,
  'corpus/linkedin-artdeco-2024.html': linkedinClassic,
  'corpus/linkedin-sdui-2025.html': linkedinSdui,
  'corpus/linkedin-2026-h1.html': linkedinSdui,
  'corpus/linkedin-mobile.html': {
    name: 'heading',
    headline: 'mobileBody',
    location: 'mobileLowEmphasis',
    photo: 'bigPhoto',
  },
  'corpus/linkedin-arabic-rtl.html': linkedinClassic,
  'corpus/linkedin-member-id.html': linkedinClassic,
  'corpus/linkedin-late-card.html': linkedinClassic,
  'corpus/linkedin-stale-card.html': linkedinSdui,
  'corpus/linkedin-no-heading.html': { ...linkedinSdui, name: 'photoAlt' },
  'corpus/x-legacy-twitter.html': {
    name: 'headerCard',
    headline: 'description',
    location: 'location',
    photo: 'avatar',
  },
  'corpus/github-classic-header.html': {
    name: 'fullName',
    headline: 'bio',
    location: 'homeLocation',
    photo: 'avatar',
  },
  'corpus/gitlab-haml-cover.html': {
    name: 'itemName',
    headline: 'bio',
    location: 'locality',
    photo: 'avatar',
  },
  'corpus/stackoverflow-2019-usercard.html': {
    name: 'displayName',
    location: 'locationListItem',
    photo: 'avatar',
  },
  'corpus/mastodon-v3-public.html': { name: 'heading', headline: 'bio', photo: 'avatar' },
  'corpus/behance-2024-profilecard.html': {
    name: 'fullName',
    headline: 'occupation',
    location: 'location',
    photo: 'avatar',
  },
  'corpus/dribbble-hcard-classic.html': {
    name: 'hcardName',
    headline: 'hcardBio',
    location: 'locality',
    photo: 'avatar',
  },
  'linkedin-profile.html': linkedinClassic,
  'linkedin-profile-arabic.html': linkedinClassic,
  'linkedin-profile-hostile.html': { name: 'heading', headline: 'textBodyMedium', location: 'textBodySmall' },
  'github-profile.html': { name: 'fullName', headline: 'bio', location: 'homeLocation', photo: 'avatar' },
  'x-profile.html': { name: 'nameBox', headline: 'description', location: 'location', photo: 'avatar' },
  'gitlab-profile.html': { name: 'itemName', headline: 'bio', location: 'locality', photo: 'avatar' },
  'stackoverflow-profile.html': {
    name: 'displayName',
    headline: 'title',
    location: 'besideLocationIcon',
    photo: 'avatar',
  },
  'mastodon-profile.html': { name: 'heading', headline: 'bio', photo: 'avatar' },
  'behance-profile.html': { name: 'fullName', headline: 'occupation', location: 'location', photo: 'avatar' },
  'dribbble-profile.html': { name: 'mastheadName', headline: 'intro', location: 'locality', photo: 'avatar' },
};

const load = (file: string) => parseHtml(readFileSync(`${FIXTURES}${file}`, 'utf8'));
const read = (url: string, doc: Document) =>
  detectProfile(new URL(url), doc)?.adapter.read(new URL(url), doc);

function expectFields(snapshot: ProfileSnapshot | null | undefined, expected: Expectation): void {
  expect(snapshot?.key).toBe(expected.key);
  expect(snapshot?.name).toBe(expected.name);
  if (expected.headline !== undefined) expect(snapshot?.headline ?? null).toBe(expected.headline);
  if (expected.location !== undefined) expect(snapshot?.location ?? null).toBe(expected.location);
  if (expected.photo !== undefined) expect(snapshot?.photoUrl !== undefined).toBe(expected.photo);
  expect(snapshot?.reading?.missing).toEqual([]);
}

/** What the page's own script does once the late card arrives: the card from its template, the title. */
function cardArrives(doc: Document): void {
  const template = doc.getElementById('profile-top-card') as HTMLTemplateElement;
  doc.getElementById('main')?.replaceChildren(template.content.cloneNode(true));
  doc.title = 'Aisha Bello | LinkedIn';
}

/** The stale page's script, once the next person's data arrives: their card and title from the template. */
function nextPersonRenders(doc: Document, url: string): void {
  const slug = new URL(url).pathname.split('/')[2];
  const template = doc.getElementById(`person-${slug}`) as HTMLTemplateElement;
  doc.getElementById('profile-screen')?.replaceChildren(template.content.cloneNode(true));
  doc.title = template.dataset.title ?? '';
}

test('the table covers every page', () => {
  expect(Object.keys(SOURCES).sort()).toEqual(ENTRIES.map((e) => e.file).sort());
});

describe.each(ENTRIES.map((e) => [e.file, e] as const))('%s', (file, entry) => {
  const expected = entry.expect!;

  if (entry.timing === 'late-3s') {
    test('before its card arrives, only the address gives a name, and the page says which fields are missing', () => {
      const snapshot = read(entry.url, load(file));
      expect(snapshot?.reading).toEqual({
        sources: { name: 'slug' },
        missing: ['name', 'headline', 'location'],
      });
      expect(snapshot?.name).toBe(expected.name);
    });
    test('once it arrives, it reads every field from the card', () => {
      const doc = load(file);
      cardArrives(doc);
      const snapshot = read(entry.url, doc);
      expectFields(snapshot, expected);
      expect(snapshot?.reading?.sources).toEqual(SOURCES[file]);
    });
    return;
  }

  test('gives the expected fields, each from the expected strategy', () => {
    const snapshot = read(entry.url, load(file));
    expectFields(snapshot, expected);
    expect(snapshot?.reading?.sources).toEqual(SOURCES[file]);
  });

  const next = entry.navigate;
  if (next) {
    test('after pushState, the previous person’s card gives nothing for the new address, then the new card gives the new person', () => {
      const doc = load(file);
      expect(read(next.url, doc)).toBeNull();
      nextPersonRenders(doc, next.url);
      const snapshot = read(next.url, doc);
      expectFields(snapshot, next.expect);
      expect(snapshot?.reading?.sources).toEqual(SOURCES[file]);
    });
  }
});

describe('cross-checks and fallbacks', () => {
  test('a heading that is not the person’s loses to the photo’s alt when the title agrees with the alt', () => {
    const doc = load('corpus/linkedin-sdui-2025.html');
    doc.querySelector('h2')!.textContent = 'Open to work';
    const snapshot = read('https://www.linkedin.com/in/lena-schmidt-7f3e91b2/', doc);
    expect(snapshot?.name).toBe('Lena Schmidt 🌱');
    expect(snapshot?.reading?.sources.name).toBe('photoAlt');
  });

  test('a stale title never overrides what the page’s own elements agree on', () => {
    const doc = load('corpus/linkedin-2026-h1.html');
    doc.title = 'Someone Else | LinkedIn';
    const snapshot = read('https://www.linkedin.com/in/nguyen-thi-mai-2a9b4c1d/', doc);
    expect(snapshot?.name).toBe('Nguyễn Thị Mai');
    expect(snapshot?.reading?.sources.name).toBe('heading');
  });

  test('with no card at all, the title gives the name, and the unread count is not part of it', () => {
    const doc = parseHtml(
      '<title>(12) Sara Ali, PMP | LinkedIn</title><main><div class="loader"></div></main>',
    );
    const snapshot = read('https://www.linkedin.com/in/sara-ali-pmp-5b1a2c4d/', doc);
    expect(snapshot?.name).toBe('Sara Ali, PMP');
    expect(snapshot?.reading).toEqual({ sources: { name: 'title' }, missing: ['headline', 'location'] });
  });

  test('what the previous profile’s page said is not taken from the title for the next profile', () => {
    const doc = parseHtml('<title>Sara Ali, PMP | LinkedIn</title><main></main>');
    const url = new URL('https://www.linkedin.com/in/omar-khalil-3b92941a3/');
    const snapshot = detectProfile(url, doc)?.adapter.read(url, doc, new Set(['Sara Ali, PMP']));
    expect(snapshot?.name).toBe('Omar Khalil');
    expect(snapshot?.reading?.sources.name).toBe('slug');
    expect(snapshot?.reading?.missing).toContain('name');
  });

  test('a member-id address spells no name: with nothing on the page, the name is missing and absent', () => {
    const doc = parseHtml('<title>LinkedIn</title><main></main>');
    const snapshot = read('https://www.linkedin.com/in/ACoAADkR3vQB9xTg2mR9vLdE0sYhUoNwKfJ4c1A/', doc);
    expect(snapshot?.name).toBeUndefined();
    expect(snapshot?.reading?.missing).toEqual(['name', 'headline', 'location']);
  });
});

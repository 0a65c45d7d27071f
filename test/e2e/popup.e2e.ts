// The toolbar popup in real Chromium. Anywhere else: the weekly queue (reasons, first step; planned, later, not
// this person), open flags with their steps (snooze, dismiss), a search as you type, recent shared work, the
// digest's flag list. On a profile tab: the person's summary and quick
// add, the same components as the panel. axe-core finds no violations; both directions are screenshot.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, launchWithExtension, ROOT, serveFixtures } from './browser.mjs';
import {
  type Extension,
  expectNoAxeViolations,
  knownPeople,
  openOptions,
  pageUrl,
  seed,
} from './optionsHarness.ts';

const ARTIFACTS = join(ROOT, 'test-results');
mkdirSync(ARTIFACTS, { recursive: true });
const JANE_URL = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const FADI_URL =
  'https://www.linkedin.com/in/%D9%81%D8%A7%D8%AF%D9%8A-%D8%A7%D9%84%D8%AD%D8%B3%D9%86-4b5c6d/';

let ext: Extension;
let refused: string[];

beforeAll(async () => {
  ext = await launchWithExtension({ viewport: { width: 420, height: 800 } });
  refused = await serveFixtures(ext.context, {
    [JANE_URL]: 'sites/linkedin-profile.html',
    [FADI_URL]: 'sites/linkedin-profile-arabic.html',
  });
  const options = await openOptions(ext);
  const known = knownPeople();
  known.people.push({
    id: 'p-jane',
    name: 'Jane Doe',
    connectedOn: '2022-01-10',
    tags: [],
    userEdited: [],
    createdAt: 0,
    updatedAt: 0,
  });
  known.profiles.push({
    key: 'linkedin:jane-doe-1a2b3c',
    personId: 'p-jane',
    site: 'linkedin',
    handle: 'jane-doe-1a2b3c',
    url: JANE_URL,
  });
  known.works.push({
    id: 'w-jane',
    personId: 'p-jane',
    kind: 'trial',
    direction: 'theyDelivered',
    status: 'done',
    title: 'Landing page trial',
    endDate: '2023-05',
    outcome: { quality: 4 },
    createdAt: 0,
    updatedAt: Date.UTC(2025, 5, 1),
  });
  await seed.records(options, known);
  // Seeding wrote flags behind the worker's back: ask it to recount, as any page does after a flag change.
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'page:flagsChanged', payload: {} }));
  await options.close();
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

async function openPopup(query = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(pageUrl(ext, `src/popup/index.html${query}`));
  await page.locator('h1').waitFor();
  return page;
}

/** The built files a page loads before any of its code runs: its scripts and module preloads, and their imports. */
function staticGraph(htmlPath: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (path: string) => {
    if (files.has(path)) return;
    const text = readFileSync(join(DIST, path), 'utf8');
    files.set(path, text);
    // Static imports only (`from"./x.js"`): a dynamic import() is loaded later, on demand.
    for (const [, file] of text.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) visit(`assets/${file}`);
  };
  const html = readFileSync(join(DIST, htmlPath), 'utf8');
  for (const [, file] of html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)) if (file) visit(file);
  return files;
}

describe('the first screen comes before Dexie', () => {
  test('the popup loads no Dexie before its first render; its early script is one classic script', () => {
    const graph = staticGraph('src/popup/index.html');
    expect([...graph.keys()]).toContain('popup-startup.js');
    // Dexie's own error class names survive minification; the options page's graph has them.
    const hasDexie = (files: Map<string, string>) =>
      [...files.values()].some((text) => text.includes('DatabaseClosedError'));
    expect(hasDexie(staticGraph('src/options/index.html'))).toBe(true);
    expect(hasDexie(graph)).toBe(false);
    expect(graph.get('popup-startup.js')).not.toMatch(/\bimport\b|\bexport\b/);
    const html = readFileSync(join(DIST, 'src/popup/index.html'), 'utf8');
    expect(html).toContain('<script async src="/popup-startup.js"></script>');
  });

  test('what it reads without Dexie, in real IndexedDB, is what Dexie reads', async () => {
    const popup = await openPopup('#/flags');
    await popup.locator('.popup-flags > li').first().waitFor();
    const live = readdirSync(join(DIST, 'assets')).find((file) => /^live-.*\.js$/.test(file));
    if (!live) throw new Error('the build has no live-*.js chunk (src/popup/live.ts)');
    // A string, not a function: the test runner would rewrite a function's import() for Node.
    const both: { early: unknown; dexie: unknown; oneRequest: boolean } = await popup.evaluate(`(async () => {
      const ids = (items) =>
        items.map((item) => \`\${(item.flag ?? item.work ?? item.entry).id} \${item.person.id}\`);
      const early = await globalThis.trustNotesPopupStartup;
      const dexie = await import('/assets/${live}');
      return {
        oneRequest: typeof IDBIndex.prototype.getAllRecords === 'function',
        early: { queue: ids(early.queue), flags: ids(early.flags), recent: ids(early.recent) },
        dexie: { queue: ids(await dexie.queue()), flags: ids(await dexie.flags(100)), recent: ids(await dexie.recent(5)) },
      };
    })()`);
    // Chromium reads each list in one request (getAllRecords); the unit tests cover the cursor others use.
    expect(both.oneRequest).toBe(true);
    expect(both.early).toMatchObject({ queue: { length: 2 }, flags: { length: 3 }, recent: { length: 4 } });
    expect(both.early).toEqual(both.dexie);
    await popup.close();
  });
});

describe('anywhere else', () => {
  let popup: Page;
  beforeAll(async () => {
    popup = await openPopup();
    await popup.locator('.popup-flags').waitFor();
  });

  const badge = () => ext.worker.evaluate(() => chrome.action.getBadgeText({}));

  // Fadi and Salma are dormant (connected years ago, nothing shared): the weekly queue, longest untested first.
  test('the weekly queue: each person with the reasons in words and the first step; the badge counts it', async () => {
    await expect.poll(() => popup.locator('.popup-queue > li').count()).toBe(2);
    await expect(popup.locator('.tn-queue-name').allTextContents()).resolves.toEqual([
      'Fadi Quartermaine',
      'سلمى الزرقاوي',
    ]);
    const fadi = popup.locator('.popup-queue > li').first();
    await expect(fadi.locator('.tn-queue-reasons').textContent()).resolves.toMatch(
      /^known for \d+ years, nothing tested$/,
    );
    await expect(fadi.locator('.tn-queue-step').textContent()).resolves.toBe(
      'First step: Volunteer together on something.',
    );
    // The queue and no flag needing action: never the dormant population.
    await expect.poll(badge).toBe('2');
    await expectNoAxeViolations(popup, 'popup with the weekly queue');
  });

  // Élodie, Omar and Jane had good work years ago, so stalled.
  test('open flags, each with the person, the flag and its next steps', async () => {
    await expect.poll(() => popup.locator('.popup-flags > li').count()).toBe(3);
    const people = await popup.locator('.popup-flag-title a').allTextContents();
    expect(people.sort()).toEqual(['Jane Doe', 'Omar Quartermaine', 'Élodie Quartermaine'].sort());
    const omar = popup.locator('.popup-flags > li', { hasText: 'Omar Quartermaine' });
    await expect(omar.getByRole('heading').textContent()).resolves.toBe(
      'Stalled: good work together, then nothing for years',
    );
    await expect(omar.locator('.tn-flag-steps li').first().textContent()).resolves.toBe(
      'Propose a small paid trial.',
    );
  });

  test('snooze and dismiss take the flag off the list', async () => {
    const elodie = popup.locator('.popup-flags > li', { hasText: 'Élodie Quartermaine' });
    await elodie.getByRole('button', { name: /^Snooze for 30 days/ }).click();
    await expect.poll(() => popup.locator('.popup-flags > li').count()).toBe(2);
    const omar = popup.locator('.popup-flags > li', { hasText: 'Omar Quartermaine' });
    await omar.getByRole('button', { name: /^Dismiss/ }).click();
    await expect.poll(() => popup.locator('.popup-flags > li').count()).toBe(1);
    await expect(popup.locator('.popup-flag-title a', { hasText: 'Élodie' }).count()).resolves.toBe(0);
  });

  test('later and not this person take people out of the queue, and the badge follows', async () => {
    const fadi = popup.locator('.popup-queue > li', { hasText: 'Fadi Quartermaine' });
    await fadi.getByRole('button', { name: 'Later (30 days): Fadi Quartermaine' }).click();
    await expect.poll(() => popup.locator('.popup-queue > li').count()).toBe(1);
    await expect.poll(badge).toBe('1');
    const salma = popup.locator('.popup-queue > li', { hasText: 'سلمى الزرقاوي' });
    await salma.getByRole('button', { name: 'Not this person: سلمى الزرقاوي' }).click();
    await popup.getByText(/No one to suggest this week/).waitFor();
    await expect.poll(badge).toBe('');
  });

  test('search as you type: prefixes, accents, case, Arabic; results open the record', async () => {
    const box = popup.getByRole('searchbox', { name: 'Name, or the start of a name' });
    const results = () => popup.locator('#popup-search-heading ~ ul li a').allTextContents();
    await box.fill('QUART');
    await expect
      .poll(results)
      .toEqual(['Élodie Quartermaine', 'Fadi Quartermaine', 'Omar Quartermaine', 'Zoë Quartermaine']);
    await box.fill('zoe');
    await expect.poll(results).toEqual(['Zoë Quartermaine']);
    await box.fill('الزرقاوى');
    await expect.poll(results).toEqual(['سلمى الزرقاوي']);
    await box.fill('nobody-here');
    await popup.getByText('No one by that name.').waitFor();
    await box.fill('omar');
    const link = popup.getByRole('link', { name: 'Omar Quartermaine' }).first();
    await expect(link.getAttribute('href')).resolves.toBe(
      pageUrl(ext, 'src/options/index.html#/person/p-omar'),
    );
  });

  test('recent shared work, most recently recorded first', async () => {
    const recent = await popup.locator('#popup-recent-heading ~ ul li a').allTextContents();
    expect(recent).toHaveLength(4);
    expect(recent[0]).toBe('Jane Doe');
    expect(recent.slice(1).sort()).toEqual(['Omar Quartermaine', 'Zoë Quartermaine', 'Élodie Quartermaine']);
  });

  test('no axe violations; screenshot', async () => {
    await expectNoAxeViolations(popup, 'popup, anywhere else');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-home-ltr.png'), fullPage: true });
  });
});

describe('the digest opens the flag list', () => {
  test('#/flags shows the flags alone', async () => {
    const options = await openOptions(ext);
    await seed.records(options, knownPeople());
    await options.close();
    const popup = await openPopup('#/flags');
    await popup.locator('.popup-flags').waitFor();
    await expect.poll(() => popup.locator('.popup-flags > li').count()).toBe(3);
    await expect(popup.getByRole('searchbox').count()).resolves.toBe(0);
    await expect(popup.locator('#popup-queue-heading').count()).resolves.toBe(0);
    await expect(popup.locator('#popup-recent-heading').count()).resolves.toBe(0);
  });
});

describe('on a profile tab', () => {
  async function profileTab(url: string): Promise<number> {
    const tab = await ext.context.newPage();
    await tab.goto(url);
    await tab.locator('[data-trust-notes-host]').waitFor({ state: 'attached' });
    const id = await ext.worker.evaluate(
      async (target) => (await chrome.tabs.query({})).find((t) => t.url === target)?.id,
      url,
    );
    if (id === undefined) throw new Error(`no tab for ${url}`);
    return id;
  }

  test('a recorded person: summary, stage, trust, quick add, and the full record link', async () => {
    const tabId = await profileTab(JANE_URL);
    const popup = await openPopup(`?tab=${tabId}`);
    await popup.locator('#popup-profile-heading', { hasText: 'Jane Doe' }).waitFor();
    await expect.poll(() => popup.locator('.tn-summary .tn-stage').textContent()).toBe('Tested');
    await expect.poll(() => popup.locator('.tn-vouch strong').textContent()).toBe('Yes');
    await expect(popup.getByRole('link', { name: 'Open full record' }).getAttribute('href')).resolves.toBe(
      pageUrl(ext, 'src/options/index.html#/person/p-jane'),
    );
    const quick = popup.locator('.tn-quick-add');
    await quick.getByLabel('Kind').selectOption('paidProject');
    await quick.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => popup.locator('.tn-timeline > li').count()).toBe(2);
    await expectNoAxeViolations(popup, 'popup on a profile tab');
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-profile-ltr.png'), fullPage: true });
  });

  test('an unrecorded profile: the page is shown, and the first quick add creates the person', async () => {
    const tabId = await profileTab(FADI_URL);
    const popup = await openPopup(`?tab=${tabId}`);
    await popup.locator('#popup-profile-heading', { hasText: 'فادي الحسن' }).waitFor();
    await popup.getByText(/You have no record of them yet/).waitFor();
    await popup.locator('.tn-quick-add').getByRole('button', { name: 'Add', exact: true }).click();
    await popup.getByRole('link', { name: 'Open full record' }).waitFor();
    expect(refused.filter((url) => !url.startsWith('https://www.linkedin.com/'))).toEqual([]);
  });
});

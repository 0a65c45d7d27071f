// The people list through the real UI: search as you type (prefixes, accents, case, Arabic), every filter,
// sorting, the address keeping the filters, the virtual list over thousands of people, and the keyboard.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension } from './browser.mjs';
import { type Extension, knownPeople, openOptions, pageErrors, seed } from './optionsHarness.ts';

let ext: Extension;
let page: Page;
const FILLER = 3000;
const KNOWN = knownPeople().people.length;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await openOptions(ext);
  await seed.network(page, { people: FILLER, works: 2 * FILLER, seed: 11 });
  await seed.records(page, knownPeople());
  await page.reload();
  await page
    .locator('.people-count')
    .filter({ hasText: `${(FILLER + KNOWN).toLocaleString('en')} of` })
    .waitFor();
}, 180_000);

afterAll(async () => {
  await ext?.close();
});

const select = (name: string) => page.getByRole('combobox', { name, exact: true });
const field = (name: string) => page.getByRole('textbox', { name, exact: true });

/** The names in the list, top to bottom, as rendered. */
async function listedNames(): Promise<string[]> {
  return page.locator('.people-list li .person-row-name').allTextContents();
}

async function search(text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search people' }).fill(text);
}

async function expectNames(names: string[]): Promise<void> {
  await expect.poll(listedNames, { timeout: 10_000 }).toEqual(names);
  await expect
    .poll(() => page.locator('.people-count').textContent())
    .toBe(`${names.length} of ${(FILLER + KNOWN).toLocaleString('en')} people`);
}

describe('search as you type', () => {
  test.each<[string, string[]]>([
    ['QUARTERM', ['Élodie Quartermaine', 'Fadi Quartermaine', 'Omar Quartermaine', 'Zoë Quartermaine']],
    ['elodie', ['Élodie Quartermaine']],
    ['zoe quart', ['Zoë Quartermaine']],
    ['quart om', ['Omar Quartermaine']],
    // Arabic: the article is optional, and ى / ي are one letter.
    ['زرقاوي', ['سلمى الزرقاوي']],
    ['الزرقاوى', ['سلمى الزرقاوي']],
    ['سلم', ['سلمى الزرقاوي']],
    ['quartermainez', []],
  ])('%s', async (text, names) => {
    await search(text);
    if (names.length === 0) {
      await expect.poll(() => page.locator('.empty').textContent()).toBe('No one matches these filters.');
    } else {
      await expectNames(names);
    }
  });
});

describe('filters and sorting', () => {
  test('start from the family', async () => {
    await search('quartermaine');
    await expectNames(['Élodie Quartermaine', 'Fadi Quartermaine', 'Omar Quartermaine', 'Zoë Quartermaine']);
  });

  test('stage', async () => {
    await select('Stage').selectOption('proven');
    await expectNames(['Omar Quartermaine']);
    await select('Stage').selectOption('ambassador');
    await expectNames(['Zoë Quartermaine']);
    await select('Stage').selectOption('');
  });

  test('site', async () => {
    await select('Site').selectOption('github');
    await expectNames(['Élodie Quartermaine']);
    await select('Site').selectOption('');
  });

  test('open flag', async () => {
    await select('Open flag').selectOption('stalled');
    await expectNames(['Élodie Quartermaine', 'Omar Quartermaine']);
    await select('Open flag').selectOption('');
  });

  test('dormant, by warmth: the untested, warmest first, each with why in words; no sort to choose', async () => {
    const dormant = page.getByRole('checkbox', { name: 'Dormant, by warmth' });
    await dormant.check();
    await expectNames(['Fadi Quartermaine']);
    await expect(page.locator('.people-list li .person-row-sub').first().textContent()).resolves.toMatch(
      /^known for \d+ years, nothing tested$/,
    );
    await expect(select('Sort by').count()).resolves.toBe(0);
    await expect.poll(() => page.url()).toContain('dormant=1');
    await dormant.uncheck();
  });

  test('tag', async () => {
    await field('Tag').fill('vip');
    await field('Tag').press('Enter');
    await expectNames(['Élodie Quartermaine', 'Omar Quartermaine']);
    await field('Tag').fill('');
    await field('Tag').press('Enter');
  });

  test('connected-on range, with partial dates', async () => {
    await field('From').fill('2015');
    await field('From').press('Enter');
    await field('To').fill('2016-03');
    await field('To').press('Enter');
    await expectNames(['Élodie Quartermaine', 'Fadi Quartermaine']);
    await field('To').fill('not a date');
    await field('To').press('Enter');
    await expect.poll(() => page.getByText('Write a date as 2019, 2019-06 or 2019-06-30.').count()).toBe(1);
    await field('From').fill('');
    await field('From').press('Enter');
    await field('To').fill('');
    await field('To').press('Enter');
    await expectNames(['Élodie Quartermaine', 'Fadi Quartermaine', 'Omar Quartermaine', 'Zoë Quartermaine']);
  });

  test.each<[string, 'asc' | 'desc', string[]]>([
    [
      'connectedOn',
      'desc',
      ['Zoë Quartermaine', 'Omar Quartermaine', 'Élodie Quartermaine', 'Fadi Quartermaine'],
    ],
    [
      'connectedOn',
      'asc',
      ['Fadi Quartermaine', 'Élodie Quartermaine', 'Omar Quartermaine', 'Zoë Quartermaine'],
    ],
    ['stage', 'asc', ['Fadi Quartermaine', 'Élodie Quartermaine', 'Omar Quartermaine', 'Zoë Quartermaine']],
    // Zoë's referral (2023) is her last shared work; Fadi has none and comes last.
    [
      'lastWork',
      'desc',
      ['Zoë Quartermaine', 'Omar Quartermaine', 'Élodie Quartermaine', 'Fadi Quartermaine'],
    ],
    ['name', 'desc', ['Zoë Quartermaine', 'Omar Quartermaine', 'Fadi Quartermaine', 'Élodie Quartermaine']],
  ])('sort by %s %s', async (sort, dir, names) => {
    await select('Sort by').selectOption(sort);
    await select('Order').selectOption(dir);
    await expect.poll(listedNames, { timeout: 10_000 }).toEqual(names);
  });

  test('the filters live in the address and survive a reload', async () => {
    await select('Stage').selectOption('tested');
    await expectNames(['Élodie Quartermaine']);
    expect(new URL(page.url()).hash).toContain('stage=tested');
    await page.reload();
    await expectNames(['Élodie Quartermaine']);
    await expect(page.getByRole('searchbox', { name: 'Search people' }).inputValue()).resolves.toBe(
      'quartermaine',
    );
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search people' }).inputValue()).toBe('');
  });
});

describe('the virtual list', () => {
  test('renders a window of rows and reaches the last person by scrolling', async () => {
    await page.goto(page.url().replace(/#.*$/, '#/people'));
    await select('Sort by').selectOption('name');
    await select('Order').selectOption('asc');
    await expect.poll(() => page.locator('.people-list li').count()).toBeGreaterThan(5);
    expect(await page.locator('.people-list li').count()).toBeLessThan(100);
    await page.locator('.people-list').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const last = page.locator(`.people-list li[aria-posinset="${FILLER + KNOWN}"] .person-row-name`);
    await last.waitFor({ timeout: 15_000 });
    const lastName = await last.textContent();
    // The same person heads the list in the other direction.
    await select('Order').selectOption('desc');
    await expect
      .poll(() => page.locator('.people-list li[aria-posinset="1"] .person-row-name').textContent())
      .toBe(lastName);
    await select('Order').selectOption('asc');
    await expect(page.locator('.people-list li').first().getAttribute('aria-setsize')).resolves.toBe(
      String(FILLER + KNOWN),
    );
  });

  test('arrow keys move from row to row, and Home goes back to the top', async () => {
    await page.locator('.people-list').evaluate((el) => {
      el.scrollTop = 0;
    });
    const first = page.locator('.people-list li[aria-posinset="1"] a');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset')))
      .toBe('3');
    await page.keyboard.press('End');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset')))
      .toBe(String(FILLER + KNOWN));
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset')))
      .toBe('1');
    await page.keyboard.press('Enter');
    await page.locator('#record-name').waitFor();
    await page.goBack();
    await page.locator('.people-list').waitFor();
  });

  test('stage counts add up to everyone', async () => {
    const sum = async () => {
      const counts = await page.locator('.stage-chip-count').allTextContents();
      return counts.map((c) => Number(c.replace(/,/g, ''))).reduce((a, b) => a + b, 0);
    };
    await expect.poll(sum).toBe(FILLER + KNOWN);
    expect(pageErrors(page)).toEqual([]);
  });
});

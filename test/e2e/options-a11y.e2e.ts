// Access and looks of the options page: axe-core finds no violations on any view (with dialogs and editors
// open too), in light and dark, in English and in Arabic; every control is reached with the Tab key; the
// Arabic layout runs right to left. Screenshots of both directions are saved under test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, ROOT } from './browser.mjs';
import {
  type Extension,
  expectNoAxeViolations,
  knownPeople,
  openOptions,
  pageErrors,
  seed,
} from './optionsHarness.ts';

const ARTIFACTS = join(ROOT, 'test-results');
mkdirSync(ARTIFACTS, { recursive: true });

const VIEWS: [name: string, hash: string, ready: string][] = [
  ['people', '#/people', '.people-list li .person-row-name'],
  ['record', '#/person/p-fadi', '#record-name'],
  ['network', '#/network', '.network-lead'],
  ['settings', '#/settings', 'input[type=number]'],
  ['data', '#/data', '#backup-heading'],
];

async function show(page: Page, hash: string, ready: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, hash));
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
}

/**
 * Presses Tab through the whole page and returns the interactive elements it never reached. Every enabled
 * link, button and form field must be reachable from the keyboard.
 */
async function unreachableByTab(page: Page): Promise<string[]> {
  const total = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
    );
    controls.forEach((el, i) => {
      el.dataset.tabCheck = String(i);
    });
    return controls.length;
  });
  const seen = new Set<string>();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < total + 5; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tabCheck);
    if (id !== undefined) seen.add(id);
  }
  return page.evaluate(
    (reached) =>
      [...document.querySelectorAll<HTMLElement>('[data-tab-check]')]
        .filter((el) => !reached.includes(el.dataset.tabCheck ?? ''))
        .map((el) => el.outerHTML.slice(0, 120)),
    [...seen],
  );
}

describe.each([
  { theme: 'light', lang: 'en' },
  { theme: 'dark', lang: 'en' },
  { theme: 'light', lang: 'ar' },
] as const)('$theme theme, $lang', ({ theme, lang }) => {
  let ext: Extension;
  let page: Page;
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  beforeAll(async () => {
    ext = await launchWithExtension({
      colorScheme: theme,
      ...(lang === 'ar' ? { locale: 'ar', args: ['--lang=ar'] } : {}),
    });
    page = await openOptions(ext);
    await seed.network(page, { people: 300, works: 600, seed: 5 });
    await seed.records(page, knownPeople());
    await page.reload();
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
  });

  test.each(VIEWS)('%s view: no axe violations', async (name, hash, ready) => {
    await show(page, hash, ready);
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe(dir);
    await expectNoAxeViolations(page, `${name} (${theme}, ${lang})`);
    if (theme === 'light') await page.screenshot({ path: join(ARTIFACTS, `options-${name}-${dir}.png`) });
  });

  test('dialogs and editors open: no axe violations', async () => {
    await show(page, '#/people', VIEWS[0]![2]);
    await page.locator('.people-head button').click();
    await page.locator('dialog[open] input').waitFor();
    await expectNoAxeViolations(page, `add-person dialog (${theme}, ${lang})`);
    await page.keyboard.press('Escape');

    await show(page, '#/person/p-omar', '#record-name');
    await page.locator('.section-head button').click();
    await page.locator('.work-editor').waitFor();
    await page.locator('.work-editor select').first().selectOption('paidProject');
    await page.locator('.work-editor button[type=submit]').waitFor();
    await page.locator('.record-header button.secondary').click();
    await page.locator('.details-form').waitFor();
    await expectNoAxeViolations(page, `record editors (${theme}, ${lang})`);
    if (theme === 'light')
      await page.screenshot({ path: join(ARTIFACTS, `options-editor-${dir}.png`), fullPage: true });
    expect(pageErrors(page)).toEqual([]);
  });

  if (theme === 'light' && lang === 'en') {
    test.each(['#/person/p-fadi', '#/settings', '#/data'])(
      'every control on %s is reached with Tab',
      async (hash) => {
        await show(page, hash, 'main h2');
        expect(await unreachableByTab(page)).toEqual([]);
      },
    );
  }

  test('the popup: no axe violations', async () => {
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.goto(page.url().replace(/options\/index\.html.*$/, 'popup/index.html'));
    await popup.locator('.popup-flags').waitFor();
    await expect(popup.evaluate(() => document.documentElement.dir)).resolves.toBe(dir);
    await popup.getByRole('searchbox').fill(lang === 'ar' ? 'سل' : 'quart');
    await popup.locator('#popup-search-heading ~ ul li').first().waitFor();
    await expectNoAxeViolations(popup, `popup (${theme}, ${lang})`);
    if (theme === 'light') await popup.screenshot({ path: join(ARTIFACTS, `popup-${dir}.png`) });
    await popup.close();
  });

  test('the header runs in the reading direction', async () => {
    await show(page, '#/people', VIEWS[0]![2]);
    const title = await page.locator('.app-header h1').boundingBox();
    const nav = await page.locator('.app-header nav').boundingBox();
    const firstRowName = await page.locator('.people-list li .person-row-name').first().boundingBox();
    const firstRowStage = await page.locator('.people-list li .tn-stage').first().boundingBox();
    if (dir === 'ltr') {
      expect(title!.x).toBeLessThan(nav!.x);
      expect(firstRowName!.x).toBeLessThan(firstRowStage!.x);
    } else {
      expect(title!.x).toBeGreaterThan(nav!.x);
      expect(firstRowName!.x).toBeGreaterThan(firstRowStage!.x);
    }
  });
});

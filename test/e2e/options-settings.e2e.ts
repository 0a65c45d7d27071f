// Settings through the real UI, with the real worker: a threshold change moves people into and out of the weekly
// queue, the queue's size is bounded, the digest
// asks for the notifications permission, a site asks for its host permission, and the language switches the
// whole page to Arabic, right to left, without a reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension } from './browser.mjs';
import { type Extension, openOptions, pageErrors, seed, yearsAgo } from './optionsHarness.ts';

let ext: Extension;
let page: Page;
const T = Date.UTC(2024, 0, 1);

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await openOptions(ext, '#/settings');
  // Connected two and a half years ago, nothing shared: dormant only when the threshold is 2 years.
  await seed.records(page, {
    people: [
      {
        id: 'p-nadia',
        name: 'Nadia Threshold',
        connectedOn: yearsAgo(2.5),
        tags: [],
        userEdited: [],
        createdAt: T,
        updatedAt: T,
      },
    ],
    profiles: [],
    works: [],
  });
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

const setting = (name: string) => page.getByRole('spinbutton', { name, exact: true });

/**
 * Whether Nadia is dormant: in the people list's dormant filter (which follows the setting at once), and in the
 * worker's weekly queue, which the toolbar badge counts (she is the only person).
 */
async function nadiaIsDormant(): Promise<boolean> {
  const list = await ext.context.newPage();
  await list.goto(page.url().replace(/#.*$/, '#/people?q=nadia&dormant=1'));
  const text = await list.locator('.people-count').filter({ hasText: ' of ' }).textContent();
  await list.close();
  const inList = text?.startsWith('1 of') ?? false;
  const badge = await ext.worker.evaluate(() => chrome.action.getBadgeText({}));
  return inList && badge === '1';
}

describe('flag thresholds', () => {
  test('the defaults are shown', async () => {
    await expect(setting('Dormant after (years)').inputValue()).resolves.toBe('3');
    await expect(setting('Stalled after (years)').inputValue()).resolves.toBe('2');
    await expect(setting('Default payment terms (days)').inputValue()).resolves.toBe('30');
    expect(await nadiaIsDormant()).toBe(false);
  });

  test('lowering the dormancy threshold puts her in the queue; raising it takes her out', async () => {
    await setting('Dormant after (years)').fill('2');
    await setting('Dormant after (years)').press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect.poll(nadiaIsDormant, { timeout: 30_000, interval: 500 }).toBe(true);

    await setting('Dormant after (years)').fill('3');
    await setting('Dormant after (years)').press('Enter');
    await expect.poll(nadiaIsDormant, { timeout: 30_000, interval: 500 }).toBe(false);
  });

  test('the weekly queue holds 5 people unless set otherwise, from 1 to 20', async () => {
    await expect(setting('People in the weekly queue').inputValue()).resolves.toBe('5');
    await setting('People in the weekly queue').fill('21');
    await setting('People in the weekly queue').press('Enter');
    await page.getByText('Enter a whole number from 1 to 20.').waitFor();
    await setting('People in the weekly queue').fill('8');
    await setting('People in the weekly queue').press('Enter');
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.reload();
    await expect(setting('People in the weekly queue').inputValue()).resolves.toBe('8');
  });

  test('a value out of bounds is refused with a message, and not saved', async () => {
    await setting('Dormant after (years)').fill('0');
    await setting('Dormant after (years)').press('Enter');
    await page.getByText('Enter a whole number from 1 to 30.').waitFor();
    await page.reload();
    await expect(setting('Dormant after (years)').inputValue()).resolves.toBe('3');
  });
});

// Chromium shows extension permission prompts as browser UI that no automation API can answer, so the tests
// stand in for the user's answer: they wrap permissions.request in the page, record what was asked and
// whether the click's user activation was still live (the browser shows no prompt otherwise), and answer.
async function answerPermissionPrompts(answer: boolean): Promise<void> {
  await page.evaluate((granted) => {
    const w = window as unknown as { asked: unknown[]; browser: typeof chrome };
    w.asked = [];
    w.browser.permissions.request = ((request: chrome.permissions.Permissions) => {
      w.asked.push({ request, userActivation: navigator.userActivation.isActive });
      return Promise.resolve(granted);
    }) as typeof chrome.permissions.request;
  }, answer);
}

const asked = () => page.evaluate(() => (window as unknown as { asked: unknown[] }).asked);

describe('permissions are asked for from the click', () => {
  test('turning the digest on asks for notifications; a refusal keeps it off', async () => {
    await answerPermissionPrompts(false);
    const digest = page.getByRole('checkbox', { name: /weekly notification/ });
    await digest.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Notifications were not allowed, so the digest stays off.' })
      .waitFor();
    expect(await asked()).toEqual([{ request: { permissions: ['notifications'] }, userActivation: true }]);
    await expect.poll(() => digest.isChecked()).toBe(false);
    await expect(page.getByRole('combobox', { name: 'Day of the week' }).isDisabled()).resolves.toBe(true);
  });

  test('granted, the digest is on and its weekday is kept', async () => {
    await answerPermissionPrompts(true);
    const digest = page.getByRole('checkbox', { name: /weekly notification/ });
    const weekday = page.getByRole('combobox', { name: 'Day of the week' });
    await digest.click();
    await expect.poll(() => weekday.isDisabled()).toBe(false);
    expect(await asked()).toEqual([{ request: { permissions: ['notifications'] }, userActivation: true }]);
    await weekday.selectOption({ label: 'Friday' });
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.reload();
    await expect(page.getByRole('checkbox', { name: /weekly notification/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('combobox', { name: 'Day of the week' }).inputValue()).resolves.toBe('5');
    await page.getByRole('checkbox', { name: /weekly notification/ }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Day of the week' }).isDisabled()).toBe(true);
  });

  test("enabling a site asks for exactly that site's host permissions", async () => {
    await answerPermissionPrompts(false);
    await page.getByRole('checkbox', { name: 'GitHub' }).click();
    await page.getByRole('status').filter({ hasText: 'Permission for GitHub was not granted.' }).waitFor();
    expect(await asked()).toEqual([{ request: { origins: ['https://github.com/*'] }, userActivation: true }]);
    await expect.poll(() => page.getByRole('checkbox', { name: 'GitHub' }).isChecked()).toBe(false);
    await page.getByRole('checkbox', { name: 'Stack Overflow' }).click();
    expect(await asked()).toEqual([
      { request: { origins: ['https://github.com/*'] }, userActivation: true },
      { request: { origins: ['https://stackoverflow.com/*'] }, userActivation: true },
    ]);
  });

  test('a Mastodon instance is asked for as exactly its own host; an address that is no host, or a named site, is refused and asks nothing', async () => {
    await answerPermissionPrompts(false);
    const field = page.getByRole('textbox', { name: 'Instance address' });
    const add = page.getByRole('button', { name: 'Add instance' });
    await field.fill('https://*/@*');
    await add.click();
    await page.getByRole('alert').filter({ hasText: '“https://*/@*” is not a server address.' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('www.github.com');
    await add.click();
    await page.getByRole('alert').filter({ hasText: 'has a switch of its own above' }).waitFor();
    expect(await asked()).toEqual([]);
    await field.fill(' https://Mastodon.Social/@jane ');
    await field.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Permission for mastodon.social was not granted.' })
      .waitFor();
    expect(await asked()).toEqual([
      { request: { origins: ['https://mastodon.social/*'] }, userActivation: true },
    ]);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByText('No instance yet.').waitFor();
  });
});

describe('language', () => {
  test('Arabic switches the page to right to left at once, and stays after a reload', async () => {
    await page.getByRole('combobox', { name: 'Language of Trust Notes' }).selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ar');
    await expect(page.locator('h1').textContent()).resolves.toBe('ملاحظات الثقة');
    await page.reload();
    await page.getByRole('heading', { name: 'الإعدادات' }).waitFor();
    await expect(page.evaluate(() => getComputedStyle(document.body).direction)).resolves.toBe('rtl');
    await page.getByRole('combobox', { name: 'لغة ملاحظات الثقة' }).selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});

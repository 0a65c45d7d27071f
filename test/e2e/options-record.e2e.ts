// A person's record through the real UI: deep links, the shared-work editor (add, edit, delete with undo),
// the worker closing a flag after an edit, notes, tags, connection facts, linking and unlinking profiles,
// merging two people (from a profile conflict and from the picker), and deleting a person with undo.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension } from './browser.mjs';
import { type Extension, knownPeople, openOptions, pageErrors, seed } from './optionsHarness.ts';

let ext: Extension;
let page: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await openOptions(ext);
  await seed.records(page, knownPeople());
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

async function openRecord(id: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, `#/person/${id}`));
  await page.locator('#record-name').waitFor();
}

const heading = () => page.locator('#record-name');
const stage = () => page.locator('.record-title .tn-stage');
const timelineTitles = () => page.locator('.timeline-item .timeline-what').allTextContents();
/** Linked profile handles, sorted: the record lists them by key. */
const profileHandles = async () => (await page.locator('.profiles li a').allTextContents()).sort();

function editor(name: string): Locator {
  return page.getByRole('form', { name });
}

describe('deep link', () => {
  test('#/person/<id> opens that record', async () => {
    await openRecord('p-omar');
    await expect(heading().textContent()).resolves.toBe('Omar Quartermaine');
    await expect(stage().textContent()).resolves.toBe('Proven');
    await expect(page.locator('.tn-vouch strong').textContent()).resolves.toBe('Yes');
  });

  test('an unknown id says so and links back', async () => {
    await page.goto(page.url().replace(/#.*$/, '#/person/nobody'));
    await page.getByRole('heading', { name: 'This person is not in your notes (any more).' }).waitFor();
    await page.getByRole('link', { name: '← All people' }).first().click();
    await page.locator('.people-count').waitFor();
  });
});

describe('the shared-work timeline', () => {
  beforeAll(async () => {
    await openRecord('p-fadi');
  });

  test('starts connected, dormant: in the weekly queue, with the reasons in words', async () => {
    await expect(stage().textContent()).resolves.toBe('Connected');
    // Seeding wrote behind the worker's back: any page's decision message makes it fill the queue.
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'page:flagsChanged', payload: {} }));
    const card = page.locator('.warmth-card .tn-queue-card');
    await card.waitFor({ timeout: 20_000 });
    await expect(card.locator('.tn-queue-reasons').textContent()).resolves.toMatch(/^known for \d+ years/);
  });

  test('add: every field of the editor, then the stage and the flags follow', async () => {
    await page.getByRole('button', { name: 'Add shared work' }).click();
    const form = editor('Add shared work');
    await form.getByRole('combobox', { name: 'Kind' }).selectOption('paidProject');
    await form.getByRole('combobox', { name: 'Who delivered' }).selectOption('theyDelivered');
    // A plan has no outcome yet: the outcome is asked once the work is over (core/work.ts).
    await form.getByRole('combobox', { name: 'Status' }).selectOption('planned');
    await expect.poll(() => form.getByRole('combobox', { name: 'Quality (1–5)' }).count()).toBe(0);
    await form.getByRole('combobox', { name: 'Status' }).selectOption('done');
    await form.getByRole('textbox', { name: 'Title' }).fill('Website audit');
    await form.getByRole('textbox', { name: 'Start' }).fill('2024-03');
    await form.getByRole('textbox', { name: 'End' }).fill('2024-05');
    await form.getByRole('combobox', { name: 'Quality (1–5)' }).selectOption('5');
    await form.getByRole('combobox', { name: 'Delivery' }).selectOption('onTime');
    await form.getByRole('combobox', { name: 'Would work again' }).selectOption('yes');
    await form.getByRole('combobox', { name: 'Payment' }).selectOption('onTime');
    await form.getByRole('textbox', { name: 'Note' }).fill('Thorough, and early.');
    await form.getByRole('button', { name: 'Save' }).click();

    await expect.poll(timelineTitles).toEqual(['Paid project — Website audit']);
    await expect.poll(() => stage().textContent()).toBe('Proven');
    await expect
      .poll(() => page.locator('.timeline-item').first().textContent())
      .toContain('Quality 5/5 · Delivered on time · Paid on time · Would work again');
    // The page told the worker; its rescan takes Fadi out of the queue into its history.
    await page.getByText(/^Taken from the weekly queue into a first task on/).waitFor({ timeout: 20_000 });
    await expect(page.locator('.warmth-card .tn-queue-card').count()).resolves.toBe(0);
  });

  test('a bad date is refused next to its field, and nothing is saved', async () => {
    await page.getByRole('button', { name: 'Add shared work' }).click();
    const form = editor('Add shared work');
    await form.getByRole('textbox', { name: 'Start' }).fill('2024-13');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Write a date as 2019, 2019-06 or 2019-06-30.').waitFor();
    await expect(form.getByRole('textbox', { name: 'Start' }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(timelineTitles).toEqual(['Paid project — Website audit']);
  });

  test('edit', async () => {
    await page.getByRole('button', { name: 'Edit Website audit' }).click();
    const form = editor('Edit shared work');
    await expect(form.getByRole('combobox', { name: 'Payment' }).inputValue()).resolves.toBe('onTime');
    await form.getByRole('textbox', { name: 'Title' }).fill('Website and SEO audit');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(timelineTitles).toEqual(['Paid project — Website and SEO audit']);
  });

  test('delete, then undo', async () => {
    await page.getByRole('button', { name: 'Delete Website and SEO audit' }).click();
    await expect.poll(timelineTitles).toEqual([]);
    await expect.poll(() => stage().textContent()).toBe('Connected');
    await page.getByRole('status').filter({ hasText: 'Shared work deleted.' }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(timelineTitles).toEqual(['Paid project — Website and SEO audit']);
    await expect.poll(() => stage().textContent()).toBe('Proven');
  });
});

describe('notes, tags and connection facts', () => {
  test('a note', async () => {
    await page.getByRole('textbox', { name: 'New note' }).fill('Met at Beirut design week');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect
      .poll(() => page.locator('.note-text').allTextContents())
      .toEqual(['Met at Beirut design week']);
  });

  test('tags: add two at once, remove one', async () => {
    await page.getByRole('textbox', { name: 'Add tags (separate with commas)' }).fill('beirut, design');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => page.locator('.tags li button.link').allTextContents())
      .toEqual(['beirut', 'design']);
    await page.getByRole('button', { name: 'Remove tag design' }).click();
    await expect.poll(() => page.locator('.tags li button.link').allTextContents()).toEqual(['beirut']);
  });

  test('how we met', async () => {
    await page.getByRole('button', { name: 'Edit how we met' }).click();
    await page.getByRole('textbox', { name: 'First met on' }).fill('2014-11');
    await page.getByRole('textbox', { name: 'Where' }).fill('Beirut');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.facts dd').nth(1).textContent()).toBe('November 2014 — Beirut');
  });

  test('introduced by, picked by name', async () => {
    await page.getByRole('button', { name: 'Choose who introduced us' }).click();
    const picker = page.getByRole('combobox', { name: 'Who introduced us?' });
    await picker.fill('omar q');
    await page.getByRole('option', { name: /Omar Quartermaine/ }).waitFor();
    await picker.press('Enter');
    await page.locator('.introducer a', { hasText: 'Omar Quartermaine' }).waitFor();
  });
});

describe('profiles', () => {
  test('link by address, unlink, undo', async () => {
    await page
      .getByRole('textbox', { name: 'Link another profile (paste its address)' })
      .fill('github.com/FadiQ');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await expect.poll(profileHandles).toEqual(['fadi-q', 'fadiq']);
    await page.getByRole('button', { name: 'Unlink GitHub profile fadiq' }).click();
    await expect.poll(profileHandles).toEqual(['fadi-q']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(profileHandles).toEqual(['fadi-q', 'fadiq']);
  });

  test('an address that is not a profile is refused', async () => {
    await page
      .getByRole('textbox', { name: 'Link another profile (paste its address)' })
      .fill('example.com/about');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByText('That is not a profile address of a supported site.').waitFor();
  });

  test("linking someone else's profile offers to merge the two people", async () => {
    await openRecord('p-elodie');
    await page
      .getByRole('textbox', { name: 'Link another profile (paste its address)' })
      .fill('https://www.linkedin.com/in/zoe-q/');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Zoë Quartermaine' }).waitFor();
    await page.getByRole('button', { name: 'Merge Zoë Quartermaine into this person' }).click();
    await expect.poll(profileHandles).toEqual(['elodie-q', 'elodieq', 'zoe-q']);
    await expect.poll(timelineTitles).toHaveLength(2);
    // Zoë recommended me: that evidence now belongs to Élodie, who becomes an ambassador.
    await expect.poll(() => stage().textContent()).toBe('Ambassador');
    await page.goto(page.url().replace(/#.*$/, '#/person/p-zoe'));
    await page.getByRole('heading', { name: 'This person is not in your notes (any more).' }).waitFor();
  });

  test('merge through the picker, after confirming', async () => {
    await openRecord('p-omar');
    await page.getByRole('button', { name: 'Merge with another person…' }).click();
    const picker = page.getByRole('combobox', { name: 'Which person is the same human?' });
    await picker.fill('زرقاوي');
    await page.getByRole('option', { name: /سلمى الزرقاوي/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge two people' });
    await dialog.getByText(/سلمى الزرقاوي move to Omar Quartermaine/).waitFor();
    await dialog.getByRole('button', { name: 'Merge سلمى الزرقاوي into this person' }).click();
    await expect.poll(profileHandles).toEqual(['omar-q', 'salma-z']);
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });
});

describe('deleting a person', () => {
  test('goes back to the list, and undo brings everything back', async () => {
    await openRecord('p-fadi');
    await page.getByRole('button', { name: 'Delete Fadi Quartermaine' }).click();
    await page.locator('.people-count').waitFor();
    await page.getByRole('status').filter({ hasText: 'Fadi Quartermaine deleted.' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search people' }).fill('fadi');
    await page.locator('.empty').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('#record-name', { hasText: 'Fadi Quartermaine' }).waitFor();
    await expect.poll(timelineTitles).toEqual(['Paid project — Website and SEO audit']);
    await expect
      .poll(() => page.locator('.note-text').allTextContents())
      .toEqual(['Met at Beirut design week']);
    await expect.poll(profileHandles).toEqual(['fadi-q', 'fadiq']);
    expect(pageErrors(page)).toEqual([]);
  });
});

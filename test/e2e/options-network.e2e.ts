// The network view with known data: the charts draw the right bars, their data tables carry the same
// numbers, and the figures (tested share, median time to trust, the funnel, the queue's history, my record)
// match the ledger.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { QueueEntry } from '../../src/core/types.ts';
import { launchWithExtension } from './browser.mjs';
import { type Extension, knownPeople, openOptions, pageErrors, seed } from './optionsHarness.ts';

let ext: Extension;
let page: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  page = await openOptions(ext);
  const known = knownPeople();
  known.works.push({
    id: 'w-mine',
    personId: 'p-omar',
    kind: 'consultation',
    direction: 'iDelivered',
    status: 'done',
    title: 'Pricing advice',
    startDate: '2021-03',
    outcome: { quality: 4, reliability: 'onTime' },
    createdAt: 0,
    updatedAt: 0,
  });
  // Fadi endorsed me twice (LinkedIn's archive): contact, a weak signal that changes no stage. The queue: Fadi
  // this week, Salma later, and two first tasks started from it, one this month and one two years ago.
  const fadi = known.people.find((p) => p.id === 'p-fadi')!;
  fadi.archive = {
    endorsements: { received: 2, given: 0, skillsReceived: ['Branding'], skillsGiven: [] },
  };
  const now = Date.now();
  const entry = (personId: string, extra: Partial<QueueEntry>): QueueEntry => ({
    id: personId,
    personId,
    state: 'queued',
    queuedAt: now - 86_400_000,
    reasons: [],
    step: 'proposeSmallTask',
    ...extra,
  });
  const twoYearsAgo = new Date(now);
  twoYearsAgo.setFullYear(twoYearsAgo.getFullYear() - 2);
  await seed.records(page, {
    ...known,
    queue: [
      entry('p-fadi', {}),
      entry('p-salma', { state: 'snoozed', decidedAt: now, snoozedUntil: now + 7 * 86_400_000 }),
      entry('p-elodie', { state: 'started', decidedAt: now, startedAt: now }),
      entry('p-omar', {
        state: 'started',
        decidedAt: twoYearsAgo.getTime(),
        startedAt: twoYearsAgo.getTime(),
      }),
    ],
  });
  await page.goto(page.url().replace(/#.*$/, '#/network'));
  await page.locator('.network-lead').waitFor();
}, 120_000);

afterAll(async () => {
  await ext?.close();
});

/** A chart's accessible data table, row by row. */
async function chartTable(caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));
}

test('the lead figure counts tested, proven and ambassadors', async () => {
  await expect(page.locator('.network-lead').textContent()).resolves.toBe(
    '3 of your 5 connections are tested, proven or ambassadors (60%).',
  );
});

test('people by stage: table and bars agree with the ledger', async () => {
  expect(await chartTable('People by trust stage')).toEqual([
    ['Connected', '2'],
    ['Acquainted', '0'],
    ['Tested', '1'],
    ['Proven', '1'],
    ['Ambassador', '1'],
    ['Caution', '0'],
  ]);
  const heights = await page
    .locator('figure', { hasText: 'People by trust stage' })
    .locator('rect')
    .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
  expect(heights).toHaveLength(6);
  expect(heights[0]).toBeGreaterThan(heights[2]!);
  expect(heights[2]).toBeGreaterThan(0);
  expect(heights[1]).toBe(0);
});

test('trust over the years: first tests and first paid work per year, gaps included', async () => {
  expect(await chartTable('Trust built over the years')).toEqual([
    ['2017', '1', '0'],
    ['2018', '0', '0'],
    ['2019', '0', '0'],
    ['2020', '1', '1'],
  ]);
  const bars = await page
    .locator('figure', { hasText: 'Trust built over the years' })
    .locator('rect')
    .count();
  expect(bars).toBe(8);
});

test('median time to trust', async () => {
  const figures = await page.locator('.network .facts dd').allTextContents();
  expect(figures).toEqual(['0.5 years (over 2 people)', '0 years (over 1 people)']);
});

test('the funnel: connections, then those with any contact, tested work, proven, ambassadors', async () => {
  // Fadi's endorsements are contact without work; Salma has none.
  expect(await chartTable('From connections to ambassadors')).toEqual([
    ['Connections', '5'],
    ['With any contact', '4'],
    ['With tested work', '3'],
    ['Proven', '2'],
    ['Ambassadors', '1'],
  ]);
});

test("the queue's history: first tasks started this month, this year, in all; who waits now", async () => {
  const history = page.getByRole('region', { name: 'The weekly queue' });
  await expect(history.locator('p').allTextContents()).resolves.toEqual([
    'First tasks started from the queue: 1 this month, 1 this year, 2 in all.',
    'In the queue now: 1. Later: 1. Set aside: 0.',
  ]);
});

test('my record: what I delivered and who recommended me', async () => {
  await expect(page.locator('#my-record-heading + p').textContent()).resolves.toBe(
    'I delivered 1 pieces of work: 1 judged good, 0 with a serious problem. Average quality: 4/5.',
  );
  await expect(page.locator('.ambassadors li').allTextContents()).resolves.toEqual([
    'Zoë Quartermaine 1 recommendations, first February 2023',
  ]);
  await page.getByRole('link', { name: 'Zoë Quartermaine' }).click();
  await page.locator('#record-name', { hasText: 'Zoë Quartermaine' }).waitFor();
  expect(pageErrors(page)).toEqual([]);
});

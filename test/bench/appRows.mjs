// Bench rows of the popup and the options page, with 30,000 people and 60,000 shared works in the real
// IndexedDB of headless Chromium:
// - popup open: from navigation start to the popup's `trust-notes:interactive` mark (flags, recent work
//   and the tab's profile on screen), against a floor measured the same way in the same extension: a page
//   that does the popup's own first read and shows it as plain text (popup-floor/); the floor itself
//   against an empty extension page;
// - options first render: to `trust-notes:first-render` (the people list showing its first rows);
// - scrolling the people list (wheel steps, then jumps across the whole list as a scrollbar drag does):
//   long tasks over 50 ms seen by a PerformanceObserver, and the longest one.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, launchWithExtension } from '../e2e/browser.mjs';
import { withSeed } from './seedBundle.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const BASELINE = join(BENCH, 'baseline-page');
const FLOOR = join(BENCH, 'popup-floor');
export const PEOPLE = 30_000;
export const WORKS = 60_000;
const SETTLE_MS = 30_000;

async function extensionIds(context) {
  const deadline = Date.now() + 30_000;
  while (context.serviceWorkers().length < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ids = { app: undefined, baseline: undefined };
  for (const worker of context.serviceWorkers()) {
    const url = new URL(worker.url());
    if (url.pathname.endsWith('/worker.js')) ids.baseline = url.host;
    else ids.app = url.host;
  }
  if (!ids.app || !ids.baseline) throw new Error('bench: both extensions must load');
  return ids;
}

/** Opens `url` in a fresh tab and returns when `mark` was set, in ms after navigation start. */
async function timeToMark(context, url, mark) {
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, {
    timeout: 120_000,
    polling: 50,
  });
  const ms = await handle.jsonValue();
  await page.close();
  return ms;
}

/**
 * `n` samples of each measurement, taken in turns (a, b, c, a, b, c, …) so that a machine getting busier or
 * calmer during the run shifts every row alike, and the ratios between them hold.
 */
async function interleavedSamples(n, measures) {
  for (const measure of measures) await measure(); // warm-up: the first load also fills the code cache
  const out = measures.map(() => []);
  for (let i = 0; i < n; i++) {
    for (const [k, measure] of measures.entries()) out[k].push(await measure());
  }
  return out;
}

/** Scrolls the list like a user (wheel) and like a scrollbar drag (jumps); returns the long tasks seen. */
async function scrollLongTasks(context, optionsUrl) {
  const page = await context.newPage();
  await page.goto(optionsUrl);
  await page.waitForFunction(
    () => performance.getEntriesByName('trust-notes:first-render').length > 0,
    null,
    {
      timeout: 120_000,
    },
  );
  await page.locator('.people-list li .person-row-name').first().waitFor();
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const box = await page.locator('.people-list').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(16);
  }
  for (const fraction of [0.25, 0.5, 0.75, 0.99, 0.1, 0.6]) {
    await page.locator('.people-list').evaluate((el, f) => {
      el.scrollTop = f * el.scrollHeight;
    }, fraction);
    await page.waitForTimeout(150);
  }
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(16);
  }
  // Rows must actually have loaded where the list ended up: a list that shows nothing has no long tasks.
  await page.locator('.people-list li .person-row-name').first().waitFor();
  await page.waitForTimeout(500);
  const tasks = await page.evaluate(() => window.longTasks);
  await page.close();
  return tasks;
}

/** The profile lives in memory (/dev/shm) when it can: the bench measures the pages, not the disk. */
export async function appRows(n = 10) {
  const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const userDataDir = mkdtempSync(join(scratch, 'trust-notes-bench-'));
  // The built extension plus the floor page, which must share its origin to read the same database.
  const extension = mkdtempSync(join(scratch, 'trust-notes-bench-ext-'));
  cpSync(DIST, extension, { recursive: true });
  cpSync(FLOOR, join(extension, 'bench-floor'), { recursive: true });
  const ext = await launchWithExtension({ extensions: [extension, BASELINE], userDataDir });
  try {
    const ids = await extensionIds(ext.context);
    const app = (path) => `chrome-extension://${ids.app}/${path}`;
    const seeder = await ext.context.newPage();
    await seeder.goto(app('src/options/index.html#/settings'));
    const seeded = await withSeed(seeder, '(s, spec) => s.seedGenerated(spec)', {
      people: PEOPLE,
      works: WORKS,
    });
    await seeder.close();
    console.error(
      `bench: seeded ${seeded.people} people, ${seeded.works} shared works, ${seeded.flags} flags`,
    );
    // Writing 200,000 records leaves IndexedDB compacting its files for a while; a user opens the popup on
    // a browser at rest, so the measurements start once that has settled.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    const baseline = `chrome-extension://${ids.baseline}/page.html`;
    const popup = app('src/popup/index.html');
    const floor = app('bench-floor/floor.html');
    const options = app('src/options/index.html#/people');
    const interactive = (url) => () => timeToMark(ext.context, url, 'trust-notes:interactive');
    const [emptySamples, floorSamples, popupSamples] = await interleavedSamples(n, [
      interactive(baseline),
      interactive(floor),
      interactive(popup),
    ]);
    // On its own: the options page leaves work behind (30,000 rows, Dexie) that would slow the next page.
    const [optionsSamples] = await interleavedSamples(n, [
      () => timeToMark(ext.context, options, 'trust-notes:first-render'),
    ]);
    const floorName = `floor: the popup's first read, as plain text (${PEOPLE / 1000}k people)`;
    const rows = [
      { name: 'baseline: empty extension page', unit: 'ms', samples: emptySamples },
      { name: floorName, unit: 'ms', samples: floorSamples, baseline: 'baseline: empty extension page' },
      {
        name: `popup open → interactive (${PEOPLE / 1000}k people)`,
        unit: 'ms',
        samples: popupSamples,
        baseline: floorName,
        target: '≤ 150 ms',
      },
      {
        name: `options → list first render (${PEOPLE / 1000}k people)`,
        unit: 'ms',
        samples: optionsSamples,
        baseline: 'baseline: empty extension page',
      },
    ];
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await scrollLongTasks(ext.context, options));
    rows.push(
      {
        name: 'scroll people list: long tasks > 50 ms',
        unit: 'tasks',
        samples: runs.map((tasks) => tasks.length),
        target: '0',
      },
      {
        name: 'scroll people list: longest task',
        unit: 'ms',
        samples: runs.map((tasks) => Math.max(0, ...tasks)),
        target: '< 50 ms (0 = none)',
      },
    );
    return rows;
  } finally {
    await ext.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(extension, { recursive: true, force: true });
  }
}
